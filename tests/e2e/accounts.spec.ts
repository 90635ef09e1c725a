import { DEMO_PASSWORD, demoAccounts } from "../../src/db/seed/demo";
import { expect, test } from "./fixtures";

const roleBadges = {
  ADMIN: "Admin",
  PROFESSIONAL: "Casting professional",
  COMPANY: "Company",
  TALENT: "Talent",
} as const;

test.describe("accounts", () => {
  test("a new talent signs up and lands in the app", async ({ page }) => {
    const email = `new.talent.${Date.now()}@example.test`;
    await page.goto("/");
    await page.getByRole("link", { name: "Create a free talent profile" }).click();
    await expect(page).toHaveURL(/\/sign-up\?as=talent$/);
    await expect(page.getByRole("radio", { name: /^Talent/ })).toBeChecked();
    await page.getByLabel("Full name").fill("Robin Castellano");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-good-password");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole("heading", { name: "Welcome, Robin" })).toBeVisible();
    await expect(page.getByTestId("signed-in-role")).toHaveText("Talent");
  });

  for (const account of demoAccounts) {
    test(`${account.email} signs in with the demo password`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page).toHaveURL(/\/home$/);
      await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
      await expect(page.getByTestId("signed-in-role")).toHaveText(roleBadges[account.role]);
      const adminLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" });
      await expect(adminLink).toHaveCount(account.role === "ADMIN" ? 1 : 0);
    });
  }

  test("a wrong password shows an error and keeps the entered email", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("casting@callback.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("casting@callback.test");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("sign-up shows each problem next to its field and keeps what was typed", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Full name").fill("Casey Again");
    await page.getByLabel("Email").fill("casting@callback.test");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByText("Choose Talent, Casting professional or Company.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Casey Again");
    await expect(page.getByLabel("Email")).toHaveValue("casting@callback.test");

    await page.getByLabel("Casting professional").check();
    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("casting@callback.test");
  });

  test("signing out ends the session, and signing in returns to the page asked for", async ({ page, login }) => {
    await login("admin");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
    await expect(page.getByTestId("count-TALENT")).not.toHaveText("0");
    await page.getByRole("button", { name: /^Your account:/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
    await page.getByLabel("Email").fill("admin@callback.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("a person who forgot their password resets it from the emailed link, once, and is signed out elsewhere", async ({
    page,
    browser,
    baseURL,
    login,
  }) => {
    // Three browsers, the mailbox and two password changes: close to 30 s beside another story on two cores.
    test.setTimeout(90_000);
    const email = `forgetful.${Date.now()}@example.test`;
    const personContext = await browser.newContext({ baseURL });
    const person = await personContext.newPage();
    const signUp = await person.request.post("/api/auth/sign-up/email", {
      data: { name: "Frankie Forgetful", email, password: "first-password", role: "TALENT" },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    const otherDevice = await browser.newContext({ baseURL });
    const otherPage = await otherDevice.newPage();
    expect(
      (
        await otherPage.request.post("/api/auth/sign-in/email", {
          data: { email, password: "first-password" },
          headers: { origin: baseURL! },
        })
      ).ok(),
    ).toBe(true);
    await person.request.post("/api/auth/sign-out", { headers: { origin: baseURL! }, data: {} });

    await person.goto("/sign-in");
    await person.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(person.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    // Typing before the form has hydrated would be lost when React takes over the field.
    await person.waitForLoadState("networkidle");
    await person.getByLabel("Email").fill(email);
    await person.getByRole("button", { name: "Email me a link" }).click();
    await expect(person.getByText("If an account exists for that address, we have emailed a link")).toBeVisible();

    await login("admin");
    await page.goto("/dev/mailbox");
    const mail = page
      .getByTestId("mail")
      .filter({ hasText: "Reset your Callback password" })
      .filter({ hasText: email });
    await expect(async () => {
      await page.reload();
      await expect(mail).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await mail.locator("summary").click();
    const link = /http:\/\/\S+\/reset-password\?token=[\w-]+/.exec(
      (await mail.locator("pre").textContent()) ?? "",
    )?.[0];
    expect(link).toBeDefined();

    await person.goto(link!);
    await person.getByLabel("New password").fill("short");
    await person.getByRole("button", { name: "Set new password" }).click();
    await expect(person.getByText("Use at least 8 characters for your password.")).toBeVisible();
    await person.getByLabel("New password").fill("second-password");
    await person.getByRole("button", { name: "Set new password" }).click();
    await expect(person).toHaveURL(/\/sign-in\?reset=done$/);
    await expect(person.getByText("Your password is changed")).toBeVisible();

    await person.getByLabel("Email").fill(email);
    await person.getByLabel("Password").fill("second-password");
    await person.getByRole("button", { name: "Sign in" }).click();
    await expect(person).toHaveURL(/\/home$/);

    await otherPage.goto("/home");
    await expect(otherPage).toHaveURL(/\/sign-in/);

    await otherPage.goto(link!);
    await otherPage.getByLabel("New password").fill("third-password");
    await otherPage.getByRole("button", { name: "Set new password" }).click();
    await expect(otherPage.getByText("This reset link has expired or was already used.")).toBeVisible();
    await personContext.close();
    await otherDevice.close();
  });

  test("pages of another role answer as if they did not exist", async ({ page, login }) => {
    await login("talent");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  });

  test("an unknown address shows the 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  });
});
