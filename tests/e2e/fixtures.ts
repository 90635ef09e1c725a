import { test as base, expect } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../../src/db/seed/demo";

export type DemoAccount = (typeof demoAccounts)[number];
export type DemoLogin = "admin" | "casting" | "studio" | "free" | "talent" | "lapsed";

export function demoAccount(login: DemoLogin): DemoAccount {
  const account = demoAccounts.find((candidate) => candidate.email === `${login}@callback.test`);
  if (!account) throw new Error(`No demo account ${login}@callback.test`);
  return account;
}

/**
 * `login(name)` signs the page's browser context in as a demo account through
 * the auth endpoint, without clicking through the sign-in form.
 */
export const test = base.extend<{ login: (login: DemoLogin) => Promise<DemoAccount> }>({
  login: async ({ page, baseURL }, use) => {
    await use(async (login) => {
      const account = demoAccount(login);
      const response = await page.request.post("/api/auth/sign-in/email", {
        data: { email: account.email, password: DEMO_PASSWORD },
        headers: { origin: baseURL! },
      });
      expect(response.ok(), `sign-in as ${account.email} answered ${response.status()}`).toBe(true);
      return account;
    });
  },
});

export { expect };
