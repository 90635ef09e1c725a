import { expect, test } from "./fixtures";

test.describe("subscriptions", () => {
  test("free@ sees the upgrade prompt, subscribes in test mode, and then sees premium profile fields", async ({
    page,
    login,
  }) => {
    await login("free");
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await page.waitForURL(/\/talents\/[0-9a-f-]{36}$/);
    const profileUrl = page.url();
    await expect(page.getByTestId("premium-prompt")).toBeVisible();
    await expect(page.getByTestId("premium-section")).toHaveCount(0);

    await page.getByTestId("premium-prompt").getByRole("link", { name: "See plans" }).click();
    await expect(page).toHaveURL(/\/pricing$/);
    await expect(page.getByTestId("test-mode")).toContainText("Test mode - no payment is taken");
    await expect(page.getByRole("region", { name: "Company" }).getByText("For company accounts")).toBeVisible();
    await page.getByRole("radio", { name: /Yearly/ }).click();
    await page.getByRole("button", { name: "Subscribe yearly" }).click();

    await expect(page).toHaveURL(/\/billing\/checkout\/[0-9a-f-]{36}$/);
    await expect(page.getByText("Test mode - no payment is taken")).toBeVisible();
    await expect(page.getByText("Professional, yearly")).toBeVisible();
    await page.getByRole("button", { name: "Pay with the test card" }).click();

    await expect(page).toHaveURL(/\/billing\?checkout=success$/);
    await expect(page.getByTestId("subscription-status")).toHaveText("Active");
    await expect(page.getByText(/Renews on/)).toBeVisible();

    await page.goto(profileUrl);
    await expect(page.getByTestId("premium-section")).toBeVisible();
    await expect(page.getByTestId("premium-prompt")).toHaveCount(0);
    await expect(page.getByTestId("contact-section")).toHaveCount(0);

    await page.goto("/pricing");
    await expect(page.getByRole("link", { name: "Manage your subscription" })).toBeVisible();
  });

  test("an account whose payment failed is told so, and can pay again in test mode", async ({ page, login }) => {
    await login("lapsed");
    await page.goto("/billing");
    await expect(page.getByTestId("subscription-status")).toHaveText("Payment failed");
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await expect(page.getByTestId("premium-prompt")).toContainText("Your last payment did not go through");
  });

  test("a suspended user's session ends and they cannot sign in", async ({ page, browser, baseURL, login }) => {
    const email = `to.suspend.${Date.now()}@example.test`;
    const userContext = await browser.newContext({ baseURL });
    const user = await userContext.newPage();
    const signUp = await user.request.post("/api/auth/sign-up/email", {
      data: { name: "Sam Suspended", email, password: "a-good-password", role: "PROFESSIONAL" },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    await user.goto("/home");
    await expect(user.getByRole("heading", { name: "Welcome, Sam" })).toBeVisible();

    await login("admin");
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await page.getByRole("button", { name: "Suspend Sam Suspended" }).click();
    await page.getByLabel("Why suspend Sam Suspended?").fill("Repeated spam to talents.");
    await page.getByRole("button", { name: "Suspend", exact: true }).click();
    await expect(page.getByText("Suspended: Repeated spam to talents.")).toBeVisible();

    await user.goto("/home");
    await expect(user).toHaveURL(/\/sign-in/);
    await user.getByLabel("Email").fill(email);
    await user.getByLabel("Password").fill("a-good-password");
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByText("This account is suspended.", { exact: false })).toBeVisible();
    await userContext.close();
  });
});
