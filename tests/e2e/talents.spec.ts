import sharp from "sharp";
import { DEMO_PASSWORD } from "../../src/db/seed/demo";
import { expect, test } from "./fixtures";

const portrait = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: "#be185d" } })
    .jpeg()
    .toBuffer();

test.describe("talent profiles and the gallery", () => {
  test("a talent completes a profile with a photo and publishes it", async ({ page, baseURL }) => {
    const surname = `Quillfeather${Date.now().toString(36)}`;
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: {
        name: `Zephyrine ${surname}`,
        email: `${surname.toLowerCase()}@example.test`,
        password: "a-good-password",
        role: "TALENT",
      },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);

    await page.goto("/profile/edit");
    await expect(page.getByRole("heading", { name: "Your profile" }).first()).toBeVisible();
    await page.getByRole("button", { name: "Publish profile" }).click();
    await expect(page.getByText(/Before publishing: add a photo/)).toBeVisible();

    await page
      .locator("input[type=file][name=photo]")
      .setInputFiles({ name: "headshot.jpg", mimeType: "image/jpeg", buffer: await portrait() });
    await expect(page.getByText("Primary", { exact: true })).toBeVisible();
    await page
      .locator("input[type=file][name=photo]")
      .setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a photo") });
    await expect(
      page.getByText("notes.jpg: That file is not a JPEG, PNG or WebP image.", { exact: false }),
    ).toBeVisible();

    const basics = page.locator("#basics");
    await basics.getByLabel("Headline").fill("Physical theatre performer and aerialist");
    await basics.getByLabel("City").fill("Bristol");
    await basics.getByLabel("Country").selectOption("GB");
    await basics.getByLabel("Dancer").check();
    await basics.getByLabel("Playing age from").fill("40");
    await basics.getByLabel("Playing age to").fill("30");
    await basics.getByRole("button", { name: "Save" }).click();
    await expect(basics.getByText("The oldest playing age cannot be below the youngest.")).toBeVisible();
    await expect(basics.getByLabel("City")).toHaveValue("Bristol");
    await basics.getByLabel("Playing age to").fill("48");
    await basics.getByRole("button", { name: "Save" }).click();
    await expect(basics.getByText("Saved.")).toBeVisible();

    const premium = page.locator("#premium");
    await premium
      .getByLabel("Bio")
      .fill("Trained in circus arts; ten years of aerial silks and physical theatre across Europe.");
    await premium.getByRole("button", { name: "Save" }).click();
    await expect(premium.getByText("Saved.")).toBeVisible();

    await page.getByRole("button", { name: "Publish profile" }).click();
    await expect(page.getByText("Published", { exact: true })).toBeVisible();

    await page.goto(`/talents?q=${surname}`);
    // In the results, not the header (where the signed-in name links to the account settings).
    await expect(page.getByRole("main").getByRole("link", { name: new RegExp(`Zephyrine ${surname}`) })).toBeVisible();
  });

  test("a visitor finds a talent in the gallery by search and filter, and the back button keeps the search", async ({
    page,
  }) => {
    await page.goto("/talents");
    const search = page.getByRole("search", { name: "Search talents" });
    await search.getByLabel("Search").fill("Taylor");
    await search.getByLabel("Country").selectOption({ label: "United States" });
    await search.getByLabel("Category").selectOption({ label: "Actor" });
    await search.getByRole("button", { name: "Search" }).click();

    await expect(page).toHaveURL(/q=Taylor/);
    await expect(page).toHaveURL(/country=US/);
    const card = page.getByRole("link", { name: /Taylor Brooks/ });
    await expect(card).toBeVisible();
    await card.click();
    await expect(page.getByRole("heading", { name: "Taylor Brooks", level: 1 })).toBeVisible();
    await expect(page.getByTestId("premium-prompt")).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("search").getByLabel("Search")).toHaveValue("Taylor");
    await expect(page.getByRole("link", { name: /Taylor Brooks/ })).toBeVisible();

    await page.goto("/talents?category=astronaut&ageMin=300");
    await expect(page.getByRole("list", { name: "Talents" })).toBeVisible();
  });

  test("a signed-out visitor's page holds no premium data or contact details, not even in the raw HTML or payload", async ({
    page,
    browser,
    baseURL,
  }) => {
    await page.goto("/talents?q=Taylor+Brooks");
    const href = await page.getByRole("link", { name: /Taylor Brooks/ }).getAttribute("href");
    expect(href).toMatch(/^\/talents\/[0-9a-f-]{36}$/);

    // What the premium data is, read as an admin.
    const adminContext = await browser.newContext({ baseURL });
    const admin = await adminContext.newPage();
    const signIn = await admin.request.post("/api/auth/sign-in/email", {
      data: { email: "admin@callback.test", password: DEMO_PASSWORD },
      headers: { origin: baseURL! },
    });
    expect(signIn.ok()).toBe(true);
    await admin.goto(href!);
    const bio = (await admin.getByTestId("premium-section").locator("div.whitespace-pre-line").innerText())
      .split("\n")[0]!
      .trim();
    const contact = await admin.getByTestId("contact-section").innerText();
    const phone = contact.match(/\+\d[\d ]+\d/)![0];
    const dayRate = (
      await admin
        .getByTestId("premium-section")
        .getByText(/per day/)
        .innerText()
    ).trim();
    const photoIds = await admin
      .getByTestId("premium-section")
      .locator("img")
      .evaluateAll((images) => images.map((image) => image.getAttribute("src")!.split("/")[3]!));
    await adminContext.close();
    expect(bio.length).toBeGreaterThan(20);
    expect(photoIds.length).toBeGreaterThan(1);

    await page.goto(href!);
    await expect(page.getByTestId("premium-prompt")).toBeVisible();
    await expect(page.getByTestId("premium-section")).toHaveCount(0);
    await expect(page.getByTestId("contact-section")).toHaveCount(0);

    const html = await (await page.request.get(href!)).text();
    const payload = await (await page.request.get(href!, { headers: { RSC: "1" } })).text();
    expect(html).toContain("Taylor Brooks");
    expect(payload).toContain("Taylor Brooks");
    for (const body of [html, payload]) {
      expect(body).not.toContain(bio);
      expect(body).not.toContain(phone);
      expect(body).not.toContain(dayRate);
      expect(body).not.toContain("agency.example.com");
      for (const photoId of photoIds.slice(1)) expect(body).not.toContain(photoId);
    }
    const privatePhoto = await page.request.get(`/api/photos/${photoIds[1]}/large`);
    expect(privatePhoto.status()).toBe(404);
  });

  test("gallery photos come in widths: a phone loads a small file, a retina laptop a sharp one, both kept for good", async ({
    browser,
    baseURL,
  }) => {
    const screens = [
      { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, width: "thumb-240" },
      { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, width: "thumb-720" },
    ];
    for (const { width, ...screen } of screens) {
      const context = await browser.newContext({ ...screen, baseURL });
      const page = await context.newPage();
      await page.goto("/talents");
      const card = page.getByRole("list", { name: "Talents" }).getByRole("img").first();
      await expect(card).toHaveAttribute("srcset", /thumb-240 240w, .+ 480w, .+thumb-720 720w/);
      await expect
        .poll(() => card.evaluate((img: HTMLImageElement) => img.currentSrc))
        .toMatch(new RegExp(`/${width}$`));
      const answer = await page.request.get(await card.evaluate((img: HTMLImageElement) => img.currentSrc));
      expect(answer.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(answer.headers()["content-type"]).toBe("image/webp");
      await context.close();
    }
  });

  test("a professional without a subscription sees the same prompt instead of premium data", async ({
    page,
    baseURL,
  }) => {
    const email = `unsubscribed.${Date.now()}@example.test`;
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: { name: "Una Subscribed", email, password: "a-good-password", role: "PROFESSIONAL" },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await expect(page.getByTestId("premium-prompt")).toContainText("Subscribe to see Taylor Brooks's full profile");
    await expect(page.getByTestId("premium-section")).toHaveCount(0);
  });
});
