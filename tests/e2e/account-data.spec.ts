import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

test.describe("account data rights", () => {
  test("a new professional downloads their data, deletes their account, cannot sign in again, and the talent sees a deleted user", async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(90_000);
    const email = `leaving.${Date.now()}@example.test`;
    const password = "a-good-password";

    // Sign up, subscribe in test mode, and message a talent.
    await page.goto("/sign-up");
    await page.getByLabel("Casting professional", { exact: false }).first().check();
    await page.getByLabel("Full name").fill("Lee Leaving");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/home$/);
    await page.goto("/pricing");
    await page.getByRole("button", { name: "Subscribe monthly" }).click();
    await page.getByRole("button", { name: "Pay with the test card" }).click();
    await expect(page.getByTestId("subscription-status")).toHaveText("Active");
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await page.getByRole("button", { name: "Message Taylor Brooks" }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationPath = new URL(page.url()).pathname;
    const opening = `Before I go: thank you for the audition. ${Date.now()}`;
    await page.getByLabel("Message to Taylor Brooks").fill(opening);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("message").filter({ hasText: opening })).toBeVisible();

    // Account settings, reached from the account menu in the header.
    await page.getByTestId("signed-in-name").click();
    await page.getByRole("menuitem", { name: "Account settings" }).click();
    await expect(page).toHaveURL(/\/settings\/account$/);
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
    await expect(page.getByText("your subscription: it ends at once and you are not charged again")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("account-settings.png"), fullPage: true });

    // Download: one JSON file with their data and no secrets; signed out, the same address answers 401.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^callback-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, "utf8");
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ email, name: "Lee Leaving", role: "PROFESSIONAL" });
    expect(data.billing.subscription).toMatchObject({ status: "active" });
    expect(data.conversations[0]).toMatchObject({
      with: "Taylor Brooks",
      messages: [expect.objectContaining({ from: "you", body: opening })],
    });
    expect(text).not.toMatch(/"password"|"token"/);
    const anonymous = await browser.newContext({ baseURL });
    const signedOut = await anonymous.request.get("/settings/account/export");
    expect(signedOut.status()).toBe(401);
    expect(signedOut.headers()["cache-control"]).toBe("no-store");
    await anonymous.close();

    // Delete: the confirm step asks for the current password and the word DELETE.
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("heading", { name: "Delete your account for good?" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("account-delete-confirm.png"), fullPage: true });
    await page.getByLabel("Your current password").fill("not-my-password");
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete my account permanently" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    await page.getByLabel("Your current password").fill(password);
    await page.getByRole("button", { name: "Delete my account permanently" }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();

    // Signed out everywhere, and the email and password no longer sign in.
    await page.goto("/home");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();

    // The talent still reads the conversation, from "Deleted user", and cannot write there.
    const talentContext = await browser.newContext({ baseURL });
    const talent = await talentContext.newPage();
    const signIn = await talent.request.post("/api/auth/sign-in/email", {
      data: { email: "talent@callback.test", password: "callback-demo" },
      headers: { origin: baseURL! },
    });
    expect(signIn.ok()).toBe(true);
    await talent.goto(conversationPath);
    await expect(talent.getByTestId("message").filter({ hasText: opening })).toBeVisible();
    await expect(talent.getByText("This account has been deleted, so it cannot receive messages.")).toBeVisible();
    await expect(talent.getByRole("button", { name: "Send" })).toHaveCount(0);
    await talent.goto("/messages");
    await expect(talent.getByTestId("inbox-item").filter({ hasText: opening }).first()).toContainText("Deleted user");
    await talentContext.close();
  });
});
