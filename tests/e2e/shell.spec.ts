import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

/**
 * The app shell on a phone, by keyboard alone: the skip link, the Menu sheet, the account menu and the
 * notification panel, each scanned for accessibility while open.
 */
test.use({ viewport: { width: 375, height: 812 } });

/** Presses Tab until the element has focus, as someone with a keyboard would. */
async function tabTo(page: Page, target: Locator, limit = 30) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test.describe("the app shell at 375 px", () => {
  // Each story scans the page with axe up to three times, which takes a while on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test.beforeEach(async ({ page, login }) => {
    await login("casting");
    await page.goto("/home");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the header is one row and the skip link moves focus to the main content", async ({ page }) => {
    const header = page.locator("header").first();
    expect((await header.boundingBox())!.height).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the Menu button opens the navigation, which traps focus, closes on Escape and on navigation", async ({
    page,
  }) => {
    // While the sheet is open the rest of the page is hidden from assistive technology, the button too.
    const menuButton = page.getByRole("button", { name: "Menu", exact: true, includeHidden: true });
    await tabTo(page, menuButton);
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Enter");

    const sheet = page.getByRole("dialog", { name: "Menu" });
    await expect(sheet).toBeVisible();
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await expect(sheet).toHaveAttribute("id", (await menuButton.getAttribute("aria-controls"))!);
    await expect(sheet.getByRole("link", { name: /Messages/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Focus stays in the sheet however far one tabs.
    for (let presses = 0; presses < 12; presses++) {
      await page.keyboard.press("Tab");
      expect(await sheet.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }

    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await expect(menuButton).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(sheet).toBeVisible();
    await tabTo(page, sheet.getByRole("link", { name: "Collections" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/collections$/);
    await expect(sheet).toHaveCount(0);
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");

    // The close button closes it too.
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await tabTo(page, sheet.getByRole("button", { name: "Close menu" }));
    await page.keyboard.press("Enter");
    await expect(sheet).toHaveCount(0);
    await expect(menuButton).toBeFocused();
  });

  test("the account menu shows who is signed in and reaches Account settings", async ({ page }) => {
    const accountButton = page.getByRole("button", { name: /^Your account:/ });
    await tabTo(page, accountButton);
    await page.keyboard.press("Enter");

    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    await expect(menu).toContainText("Casey Rivera");
    await expect(menu).toContainText("Casting professional");
    await expect(menu.getByRole("menuitem", { name: "Billing" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
    await expect(accountButton).toBeFocused();

    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Notification settings" })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/settings\/account$/);
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  });

  test("the notification panel stays on screen and closes on Escape, an outside click and navigation", async ({
    page,
  }) => {
    const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
    const panel = page.getByRole("dialog", { name: "Notifications" });
    await tabTo(page, bell);
    await page.keyboard.press("Enter");
    await expect(panel).toBeVisible();
    await expect(bell).toHaveAttribute("aria-expanded", "true");
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);

    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(bell).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(panel).toBeVisible();
    await page.mouse.click(20, 700);
    await expect(panel).toHaveCount(0);

    await bell.focus();
    await page.keyboard.press("Enter");
    await tabTo(page, panel.getByRole("link", { name: "See all notifications" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(panel).toHaveCount(0);
  });
});

test("at 320 px the header is still one row and nothing scrolls sideways", async ({ page, login }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await login("casting");
  await page.goto("/home");
  expect((await page.locator("header").first().boundingBox())!.height).toBeLessThan(80);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  const box = (await page.getByRole("dialog", { name: "Notifications" }).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
});

test("a signed-out visitor and a missing page get a skip link, one header and a way on", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Callback", exact: true })).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("link", { name: "Browse talents" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expectNoAxeViolations(page);
});
