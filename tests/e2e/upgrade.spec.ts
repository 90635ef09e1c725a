import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

test.describe("locked actions lead to the plan and back", () => {
  test("a professional without a plan clicks Message, subscribes in test mode, and lands back ready to message the talent", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // A fresh account in free@'s state (never subscribed): free@ itself subscribes in the billing story alongside.
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: {
        name: "Uma Upgrade",
        email: `upgrade.${Date.now()}@example.test`,
        password: "a-good-password",
        role: "PROFESSIONAL",
      },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await page.waitForURL(/\/talents\/[0-9a-f-]{36}$/);
    const profilePath = new URL(page.url()).pathname;

    const message = page.getByRole("button", { name: "Message Taylor Brooks" });
    await message.click();
    const dialog = page.getByRole("dialog", { name: "Subscribe to message Taylor Brooks" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Your account has no subscription yet.");
    await expect(dialog).toContainText("Direct messages to talents");
    await expect(dialog).toContainText("30 contact requests a month");
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(message).toBeFocused();

    // Opened again by keyboard alone, and scanned while open, wide and narrow.
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await dialog.getByRole("radio", { name: /Yearly/ }).check();
    await dialog.getByRole("button", { name: "Continue to checkout" }).click();
    await expect(page).toHaveURL(/\/billing\/checkout\/[0-9a-f-]{36}\?next=/);
    await expect(page.getByText("Professional, yearly")).toBeVisible();
    await page.getByRole("button", { name: "Pay with the test card" }).click();

    await expect(page).toHaveURL(`${profilePath}?then=message`);
    await expect(page.getByRole("status").filter({ hasText: "Your subscription is active" })).toBeVisible();
    await expect(message).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Message to Taylor Brooks")).toBeVisible();
  });

  test("a subscriber sees the talent first, with the tools beside the name on a wide screen", async ({
    page,
    login,
  }) => {
    await login("casting");
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    const heading = page.getByRole("heading", { level: 1, name: "Taylor Brooks" });
    const tools = page.getByTestId("profile-tools");
    await expect(tools.getByRole("button", { name: "Message Taylor Brooks" })).toBeVisible();
    const [headingBox, toolsBox] = [await heading.boundingBox(), await tools.boundingBox()];
    expect(toolsBox!.x).toBeGreaterThan(headingBox!.x);
    expect(toolsBox!.y).toBeLessThan(headingBox!.y + 200);
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 375, height: 800 });
    const narrowHeading = await heading.boundingBox();
    expect(narrowHeading!.y).toBeLessThan(400);
    expect((await tools.boundingBox())!.y).toBeGreaterThan(narrowHeading!.y);
  });
});

test.describe("home says what needs each person now", () => {
  test("a talent sees their profile's next step, waiting requests, unread messages and this week's views", async ({
    page,
    login,
  }) => {
    await login("talent");
    await page.goto("/home");
    await expect(page.getByTestId("home-profile")).toContainText("complete");
    await expect(page.getByTestId("home-requests")).toContainText("Contact requests waiting for you");
    await expect(page.getByTestId("home-unread")).toContainText("Unread messages");
    await expect(page.getByTestId("home-views")).toContainText("Profile views this week");
    await expect(page.getByTestId("home-profile").getByRole("link")).toHaveAttribute("href", /^\/profile\/edit/);
    await expectNoAxeViolations(page);
  });

  test("a subscriber sees unread messages, requests awaiting answers, approvals and collections", async ({
    page,
    login,
  }) => {
    await login("casting");
    await page.goto("/home");
    await expect(page.getByTestId("home-upgrade")).toHaveCount(0);
    await expect(page.getByTestId("home-unread")).toBeVisible();
    await expect(page.getByTestId("home-pending").getByRole("link")).toHaveAttribute(
      "href",
      "/contact-requests/sent?status=PENDING",
    );
    await expect(page.getByTestId("home-approved")).toBeVisible();
    await expect(page.getByTestId("home-collections")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("an admin sees recent reports and flagged senders", async ({ page, login }) => {
    await login("admin");
    await page.goto("/home");
    await expect(page.getByTestId("home-reports").getByRole("link", { name: "Review reports" })).toHaveAttribute(
      "href",
      "/admin/reports",
    );
    await expect(page.getByTestId("home-flagged").getByRole("link")).toHaveAttribute(
      "href",
      "/admin/contact-requests?flagged=1",
    );
    await expectNoAxeViolations(page);
  });
});
