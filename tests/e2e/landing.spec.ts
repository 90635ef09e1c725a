import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test.describe("the front door", () => {
  test("a visitor reads what Callback is for both sides and opens a featured talent's profile", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Casting finds the right talent/);
    await expect(page.getByRole("heading", { name: "A free profile that casting can find" })).toBeVisible();
    await expect(page.getByText("For talents", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Search, shortlist and reach the right people" })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Contact details are shared only when the talent says yes" }),
    ).toBeVisible();

    const plans = page.getByRole("list", { name: "Plans" });
    await expect(plans.getByRole("heading", { name: "Professional" })).toBeVisible();
    await expect(plans.getByText("$49", { exact: true })).toBeVisible();
    await expect(plans.getByText("30 contact requests a month")).toBeVisible();
    await expect(plans.getByText("150 contact requests a month")).toBeVisible();
    await expect(page.getByRole("link", { name: "Compare the plans on the pricing page" })).toHaveAttribute(
      "href",
      "/pricing",
    );

    const featured = page.getByRole("list", { name: "Featured talents" }).getByRole("listitem");
    await expect(featured.first()).toBeVisible();
    expect(await featured.count()).toBeGreaterThanOrEqual(3);
    const first = featured.first();
    await expect(first.getByRole("img")).toBeVisible();
    const name = (await first.getByRole("heading").textContent())!.trim();
    await first.getByRole("link").click();
    await expect(page).toHaveURL(/\/talents\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    // The link preview of a listed profile: its name and an absolute address of its photo.
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", name);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      "content",
      /^https?:\/\/[^/]+\/api\/photos\/[0-9a-f-]{36}\/large$/,
    );
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    await expect(page).toHaveTitle(`${name} - Callback`);
  });

  test("a visitor reaches the gallery and signs up as casting from the landing page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Browse the gallery" }).first().click();
    await expect(page).toHaveURL(/\/talents$/);
    await expect(page.getByRole("heading", { level: 1, name: "Talents" })).toBeVisible();

    await page.goto("/");
    await page.getByRole("link", { name: "Start casting" }).click();
    await expect(page).toHaveURL(/\/sign-up\?as=professional$/);
    await expect(page.getByRole("radio", { name: /^Casting professional/ })).toBeChecked();
  });

  test("a signed-in casting professional who opens the front door lands on their home", async ({ page, login }) => {
    await login("casting");
    await page.goto("/");
    await expect(page).toHaveURL(/\/home$/);
  });

  test("the icon, robots rules and sitemap are there for browsers and search engines", async ({ page, request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
    const rules = await robots.text();
    expect(rules).toContain("Disallow: /api/");
    expect(rules).toContain("Disallow: /messages");
    expect(rules).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);

    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()["content-type"]).toMatch(/^application\/xml/);
    const xml = await sitemap.text();
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/pricing<\/loc>/);

    await page.goto("/");
    const href = await page
      .getByRole("list", { name: "Featured talents" })
      .getByRole("link")
      .first()
      .getAttribute("href");
    expect(xml).toContain(`${href}</loc>`);

    await page.goto("/");
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
  });

  for (const width of [375, 1280]) {
    for (const path of ["/", "/pricing"]) {
      test(`${path} has no accessibility violations at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
          .analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      });
    }
  }
});

test("the pricing page sells only what exists, and its billing period switch works by keyboard", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByText(/team members|shareable with your team/i)).toHaveCount(0);
  await expect(page.getByText("30 contact requests a month (at most 20 a day)")).toBeVisible();
  const monthly = page.getByRole("radio", { name: "Monthly" });
  await monthly.focus();
  await page.keyboard.press("ArrowRight");
  const yearly = page.getByRole("radio", { name: /Yearly/ });
  await expect(yearly).toHaveAttribute("aria-checked", "true");
  await expect(yearly).toBeFocused();
  await expect(yearly).toContainText("2 months free");
  await expect(page.getByText("$490")).toBeVisible();
});
