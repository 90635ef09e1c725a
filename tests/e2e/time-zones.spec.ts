import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The browser runs in Tokyo: sign-up proposes that zone.
test.use({ timezoneId: "Asia/Tokyo" });

/** A time as the product prints it in a list ("8 Mar, 14:05"), in the given zone. */
function listTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(iso));
}

/** React's hydration complaints (minified in a production build as errors #418 and #425). */
function watchHydration(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#425/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/hydrat|#418|#425/i.test(error.message)) problems.push(error.message);
  });
  return problems;
}

async function chooseTimeZone(page: Page, timeZone: string, digestHour?: string) {
  await page.goto("/settings/notifications");
  await page.getByLabel("Time zone", { exact: true }).selectOption(timeZone);
  if (digestHour) await page.getByLabel("Daily digest hour").selectOption(digestHour);
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

test.describe("time zones", () => {
  // Each story saves settings twice and scans a page with a select of every zone: more than the default 30 s
  // on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a person who signs up in Tokyo gets Tokyo's zone, and changes it in settings", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Talent", { exact: false }).first().check();
    await page.getByLabel("Full name").fill("Aiko Tanaka");
    await page.getByLabel("Email").fill(`aiko.${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("a-good-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/home$/);

    await page.goto("/settings/notifications");
    const zone = page.getByLabel("Time zone", { exact: true });
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(page.getByLabel("Daily digest hour")).toHaveValue("8");
    const scan = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(scan.violations).toEqual([]);

    await chooseTimeZone(page, "Europe/London", "7");
    await page.reload();
    await expect(zone).toHaveValue("Europe/London");
    await expect(page.getByLabel("Daily digest hour")).toHaveValue("7");
    // The browser's own zone is offered back with one click (chosen, not saved, until the form is sent).
    await expect(page.getByText("This browser is in Asia/Tokyo.")).toBeVisible();
    await page.getByRole("button", { name: "Use this browser's zone" }).click();
    await expect(zone).toHaveValue("Asia/Tokyo");

    await page.goto("/settings/account");
    await expect(page.getByText("Europe/London")).toBeVisible();
  });

  test("message times follow the zone the person chose, with no hydration mismatch", async ({ page, login }) => {
    const hydration = watchHydration(page);
    await login("talent");
    await page.goto("/messages");
    const latest = page.locator("main time").first();
    const iso = (await latest.getAttribute("datetime"))!;
    expect(iso).toBeTruthy();
    // The demo talent lives in Los Angeles, whatever zone the browser is in.
    await expect(latest).toHaveText(listTime(iso, "America/Los_Angeles"));

    await chooseTimeZone(page, "Asia/Tokyo");
    await page.goto("/messages");
    await expect(page.locator("main time").first()).toHaveText(listTime(iso, "Asia/Tokyo"));
    await page.goto("/dashboard");
    await expect(page.getByText("Days are UTC days; times are in your time zone (Asia/Tokyo).")).toBeVisible();

    await chooseTimeZone(page, "America/Los_Angeles");
    expect(hydration).toEqual([]);
  });
});
