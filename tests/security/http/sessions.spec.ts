import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { eq, like, or } from "drizzle-orm";
import { openDatabase } from "../../../src/db/client";
import { sessions } from "../../../src/db/schema/auth";
import { rateLimits } from "../../../src/db/schema/access";
import { DEMO_PASSWORD } from "../../../src/db/seed/demo";
import { createProfessional } from "../../../src/db/seed/factories";
import { rateLimitRules } from "../../../src/modules/access/rate-limit-rules";
import { securityEnv, securityPort } from "../../../playwright.security.config";

/**
 * Sessions, sign-in and password reset over HTTP, against the production
 * server: what a script can do with headers, cookies and the auth endpoints.
 * Accounts are made in the database (the sign-up endpoint's per-address limit
 * belongs to the whole suite); rate-limit windows these cases fill are emptied
 * afterwards, so the specs that run later can still sign in.
 */
const baseURL = `http://localhost:${securityPort}`;
test.use({ baseURL });

const database = openDatabase({ kind: "postgres", url: securityEnv.DATABASE_URL, poolSize: 2 });
const db = database.db;

let serial = 0;
function uniqueEmail(tag: string) {
  serial += 1;
  return `sec-${tag}-${Date.now()}-${serial}@example.test`;
}

async function newAccount(tag: string, password = "a-good-password") {
  const email = uniqueEmail(tag);
  const user = await createProfessional(db, { email, password, name: `Sec ${tag}` });
  return { ...user, password };
}

/** A client with no cookie jar of its own: every cookie it sends is given explicitly. */
async function bareClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

function sessionCookieOf(response: APIResponse): string {
  const header = response
    .headersArray()
    .find((entry) => entry.name.toLowerCase() === "set-cookie" && entry.value.startsWith("better-auth.session_token="));
  expect(header, "the sign-in sets the session cookie").toBeDefined();
  return header!.value;
}

async function signInCookie(client: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await client.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(response.status()).toBe(200);
  return sessionCookieOf(response).split(";")[0]!;
}

async function sessionUserOf(client: APIRequestContext, cookie: string): Promise<string | null> {
  const response = await client.get("/api/auth/get-session", { headers: { cookie } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { email?: string } } | null;
  return body?.user?.email ?? null;
}

async function clearRateLimits(prefix: string) {
  await db.delete(rateLimits).where(like(rateLimits.key, `${prefix}%`));
}

test.describe("client address", () => {
  test("a spoofed X-Forwarded-For or X-Real-IP does not reset the per-address sign-in limit", async () => {
    test.setTimeout(180_000);
    const client = await bareClient();
    await clearRateLimits("sign-in:address:");
    try {
      const { limit, windowSeconds } = rateLimitRules.signInPerAddress;
      // The limit counts in fixed windows: start well inside one, so the attempts (each refused no sooner
      // than the sign-in floor) all fall in the same window.
      const windowMs = windowSeconds * 1000;
      const left = windowMs - (Date.now() % windowMs);
      if (left < 90_000) await new Promise((resolve) => setTimeout(resolve, left + 1000));
      for (let attempt = 1; attempt <= limit; attempt += 1) {
        const spoofed = { "x-forwarded-for": `203.0.113.${attempt}`, "x-real-ip": `192.0.2.${attempt}` };
        const response = await client.post("/api/auth/sign-in/email", {
          data: { email: uniqueEmail("spoof"), password: "wrong-password" },
          headers: spoofed,
        });
        expect(response.status(), `attempt ${attempt}`).toBe(401);
      }
      const refused = await client.post("/api/auth/sign-in/email", {
        data: { email: uniqueEmail("spoof"), password: "wrong-password" },
        headers: { "x-forwarded-for": "203.0.113.250, 198.51.100.250", "x-real-ip": "192.0.2.250" },
      });
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);

      const keys = (
        await db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "sign-in:address:%"))
      ).map((row) => row.key);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^sign-in:address:(127\.0\.0\.1|::1)$/);
    } finally {
      await clearRateLimits("sign-in:address:");
      await client.dispose();
    }
  });
});

test.describe("sign-in answers", () => {
  test("an unknown email gets exactly the answer of a wrong password at the auth endpoint", async () => {
    const client = await bareClient();
    const account = await newAccount("known");
    const known = await client.post("/api/auth/sign-in/email", {
      data: { email: account.email, password: "not-the-password" },
    });
    const unknown = await client.post("/api/auth/sign-in/email", {
      data: { email: uniqueEmail("unknown"), password: "not-the-password" },
    });
    expect(unknown.status()).toBe(known.status());
    expect(known.status()).toBe(401);
    expect(await unknown.json()).toEqual(await known.json());
    expect(unknown.headers()["set-cookie"]).toBeUndefined();
    await client.dispose();
  });

  test("an unknown email gets exactly the answer of a wrong password in the sign-in form", async ({ page }) => {
    const account = await newAccount("form");
    const answers: string[] = [];
    for (const email of [account.email, uniqueEmail("form-unknown")]) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.locator("form").getByRole("alert");
      await expect(alert).toBeVisible();
      answers.push((await alert.textContent()) ?? "");
    }
    expect(answers).toEqual(["Incorrect email or password.", "Incorrect email or password."]);
  });
});

test.describe("password reset requests", () => {
  test("known and unknown addresses get the same answer, at the endpoint and in the form", async ({ page }) => {
    const client = await bareClient();
    const account = await newAccount("reset-same");
    const known = await client.post("/api/auth/request-password-reset", { data: { email: account.email } });
    const unknown = await client.post("/api/auth/request-password-reset", {
      data: { email: uniqueEmail("reset-none") },
    });
    expect(known.status()).toBe(200);
    expect(unknown.status()).toBe(known.status());
    expect(await unknown.json()).toEqual(await known.json());
    await client.dispose();

    const answers: string[] = [];
    for (const email of [account.email, uniqueEmail("reset-none")]) {
      await page.goto("/sign-in");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await page.waitForURL(/\/forgot-password/);
      // Typing before the form has hydrated would be lost when React takes over the field.
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Email me a link" }).click();
      const status = page.locator("form").getByRole("status");
      await expect(status).toBeVisible();
      answers.push((await status.textContent()) ?? "");
    }
    expect(answers[0]).toMatch(/^If an account exists for that address, we have emailed a link/);
    expect(answers[1]).toBe(answers[0]);
  });

  test("requests naming one email are limited, whether or not it has an account", async () => {
    const client = await bareClient();
    const account = await newAccount("reset-limit");
    try {
      for (const email of [account.email, uniqueEmail("reset-limit-none")]) {
        for (let attempt = 0; attempt < rateLimitRules.passwordResetPerEmail.limit; attempt += 1) {
          expect((await client.post("/api/auth/request-password-reset", { data: { email } })).status()).toBe(200);
        }
        const refused = await client.post("/api/auth/request-password-reset", { data: { email } });
        expect(refused.status()).toBe(429);
        expect(await refused.json()).toMatchObject({ code: "rate_limited" });
      }
    } finally {
      await clearRateLimits("password-reset:address:");
      await client.dispose();
    }
  });
});

test.describe("ending sessions", () => {
  test("signing out deletes the session, so a copied cookie stops working", async () => {
    const client = await bareClient();
    const account = await newAccount("logout");
    const cookie = await signInCookie(client, account.email, account.password);
    expect(await sessionUserOf(client, cookie)).toBe(account.email);

    expect((await client.post("/api/auth/sign-out", { headers: { cookie }, data: {} })).status()).toBe(200);
    expect(await db.select().from(sessions).where(eq(sessions.userId, account.id))).toHaveLength(0);
    expect(await sessionUserOf(client, cookie)).toBeNull();
    const home = await client.get("/home", { headers: { cookie }, maxRedirects: 0 });
    expect(home.status()).toBe(307);
    expect(home.headers().location).toMatch(/\/sign-in/);
    await client.dispose();
  });

  test("suspending an account ends all its sessions at once", async ({ page }) => {
    const client = await bareClient();
    const account = await newAccount("suspend");
    const laptop = await signInCookie(client, account.email, account.password);
    const phone = await signInCookie(client, account.email, account.password);
    expect(await sessionUserOf(client, laptop)).toBe(account.email);

    const admin = await page.request.post("/api/auth/sign-in/email", {
      data: { email: "admin@callback.test", password: DEMO_PASSWORD },
      headers: { origin: baseURL },
    });
    expect(admin.status()).toBe(200);
    await page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
    await page.getByRole("button", { name: `Suspend ${account.name}` }).click();
    await page.getByLabel(`Why suspend ${account.name}?`).fill("Security suite: suspension ends sessions.");
    await page.getByRole("button", { name: "Suspend", exact: true }).click();
    await expect(page.getByText("Suspended: Security suite: suspension ends sessions.")).toBeVisible();

    expect(await db.select().from(sessions).where(eq(sessions.userId, account.id))).toHaveLength(0);
    for (const cookie of [laptop, phone]) expect(await sessionUserOf(client, cookie)).toBeNull();
    const again = await client.post("/api/auth/sign-in/email", {
      data: { email: account.email, password: account.password },
    });
    expect(again.status()).toBe(403);
    expect(again.headers()["set-cookie"]).toBeUndefined();
    await client.dispose();
  });
});

test.describe("session cookie", () => {
  test("is HttpOnly, SameSite=Lax and scoped to the whole site; not Secure on this plain-http server", async () => {
    const client = await bareClient();
    const account = await newAccount("cookie");
    const response = await client.post("/api/auth/sign-in/email", {
      data: { email: account.email, password: account.password },
    });
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/i);
    expect(cookie).toMatch(/; Max-Age=\d+/i);
    expect(cookie).not.toMatch(/; Secure/i);
    expect(
      response
        .headersArray()
        .some((entry) => entry.name.toLowerCase() === "set-cookie" && entry.value.includes("session_data")),
    ).toBe(false);
    await client.dispose();
  });
});

test.describe("password reset link", () => {
  test("arrives in the mailbox, works once, ends every session and sets the new password", async ({ page }) => {
    const client = await bareClient();
    const account = await newAccount("reset-flow", "the-old-password");
    const before = await signInCookie(client, account.email, account.password);
    expect((await client.post("/api/auth/request-password-reset", { data: { email: account.email } })).status()).toBe(
      200,
    );

    expect(
      (
        await page.request.post("/api/auth/sign-in/email", {
          data: { email: "admin@callback.test", password: DEMO_PASSWORD },
          headers: { origin: baseURL },
        })
      ).status(),
    ).toBe(200);
    let link = "";
    await expect(async () => {
      const html = await (await page.request.get("/dev/mailbox")).text();
      const mail = html
        .split('data-testid="mail"')
        .find((chunk) => chunk.includes(account.email) && chunk.includes("Reset your Callback password"));
      link = /http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail ?? "")?.[0] ?? "";
      expect(link).not.toBe("");
    }).toPass({ timeout: 20_000 });
    const token = new URL(link).searchParams.get("token")!;
    expect(new URL(link).origin).toBe(baseURL);
    expect((await client.get(link)).status()).toBe(200);

    const reset = await client.post("/api/auth/reset-password", { data: { token, newPassword: "the-new-password" } });
    expect(reset.status()).toBe(200);
    expect(await sessionUserOf(client, before)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, account.id))).toHaveLength(0);

    const replay = await client.post("/api/auth/reset-password", {
      data: { token, newPassword: "an-attackers-password" },
    });
    expect(replay.status()).toBe(400);
    expect(
      (
        await client.post("/api/auth/sign-in/email", { data: { email: account.email, password: "the-old-password" } })
      ).status(),
    ).toBe(401);
    expect(
      (
        await client.post("/api/auth/sign-in/email", {
          data: { email: account.email, password: "an-attackers-password" },
        })
      ).status(),
    ).toBe(401);
    expect(await sessionUserOf(client, await signInCookie(client, account.email, "the-new-password"))).toBe(
      account.email,
    );
    await client.dispose();
  });
});

test.afterAll(async () => {
  // The requests of these cases counted against this machine's address; the specs that run later start clean.
  await db
    .delete(rateLimits)
    .where(or(like(rateLimits.key, "password-reset:address:%"), like(rateLimits.key, "sign-in:address:%")));
  await database.close();
});
