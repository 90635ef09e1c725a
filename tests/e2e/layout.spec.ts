import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(375);
}

// Each accessibility scan of a long page takes seconds on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("casting@ reads a collection and the activity dashboard without scrolling sideways", async ({ page, login }) => {
    await login("casting");
    await page.goto("/collections");
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    await page.locator('main a[href^="/collections/"]').first().click();
    await expect(page.getByRole("list", { name: "Talents in this collection" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    await page.goto("/dashboard");
    await expect(page.getByRole("group", { name: /Your contact requests/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });

  test("a visitor opens the gallery's filters by keyboard and sees how many talents there are", async ({ page }) => {
    await page.goto("/talents");
    await expect(page.getByTestId("result-count")).toHaveText(/^[\d,]+ talents?$/);
    const everyone = await page.getByTestId("result-count").innerText();
    await expectNoSidewaysScroll(page);

    const filters = page.getByRole("button", { name: /^Filters/ });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Category")).toBeHidden();
    await filters.focus();
    await page.keyboard.press("Enter");
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Category")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Category").selectOption({ label: "Actor" });
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/category=actor/);
    await expect(page.getByRole("button", { name: "Filters 1 active" })).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText(/^[\d,]+ talents?$/);

    expect(await page.getByTestId("result-count").innerText()).not.toBe(everyone);

    // The filters stay as the visitor left them; Space folds and unfolds them too.
    const withOne = page.getByRole("button", { name: "Filters 1 active" });
    await expect(withOne).toHaveAttribute("aria-expanded", "true");
    await withOne.press("Space");
    await expect(page.getByLabel("Category")).toBeHidden();
    await withOne.press("Space");
    await expect(page.getByLabel("Category")).toBeVisible();
  });

  for (const path of ["/admin", "/admin/users", "/admin/talents", "/admin/contact-requests", "/dashboard"]) {
    test(`admin@ reads ${path} without scrolling the page sideways`, async ({ page, login }) => {
      await login("admin");
      await page.goto(path);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });
  }

  test("a wide admin table scrolls inside its own region, which a keyboard can reach", async ({ page, login }) => {
    await login("admin");
    await page.goto("/admin/users");
    const region = page.getByRole("region", { name: "Accounts" });
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });
});

test("a chart names and shows a day's figures when the keyboard reaches it", async ({ page, login }) => {
  await login("talent");
  await page.goto("/dashboard");
  const chart = page.getByRole("group", { name: /Profile views and contact requests/ });
  await expect(chart).toBeVisible();
  // The newest week is the chart's one stop in the tab order; the arrow keys move along the weeks.
  const newest = chart.locator('[tabindex="0"]');
  await newest.focus();
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Profile views");
  await expect(newest).toHaveAccessibleName(/^Week of .+: Profile views [\d,]+, Requests received [\d,]+$/);
  const newestName = await newest.getAttribute("aria-label");

  await page.keyboard.press("ArrowLeft");
  const earlier = chart.locator('[tabindex="0"]');
  await expect(earlier).toBeFocused();
  expect(await earlier.getAttribute("aria-label")).not.toBe(newestName);
  await expect(tooltip).toContainText(
    (await earlier.getAttribute("aria-label"))!.split(":")[0]!.replace("Week of ", ""),
  );
  await expectNoAxeViolations(page);
});
