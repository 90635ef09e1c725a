import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle, Db } from "@/db/client";
import { sessions, users, verifications } from "@/db/schema/auth";
import { devMailbox, emailJobs } from "@/db/schema/notifications";
import { createAdmin, createProfessional, createTalent } from "@/db/seed/factories";
import { getEnv } from "@/lib/env";
import { createAuth, getAuth, type Auth } from "@/modules/access/auth";
import { passwordResetInput } from "@/modules/access/inputs";
import {
  PASSWORD_RESET_REQUESTED,
  RESET_LINK_INVALID,
  requestPasswordReset,
  resetPassword,
  signIn,
  suspendUser,
} from "@/modules/access/mutations";
import { rateLimitRules } from "@/modules/access/rate-limit-rules";
import { DevMailboxTransport } from "@/modules/notifications/transport";
import { runEmailWorkerTick } from "@/modules/notifications/worker";
import { freshDatabase } from "@/test/database";

/**
 * Sessions, sign-in and password reset at the database level: the mutations the
 * forms call and Better Auth's API, on PostgreSQL at TEST_DATABASE_URL when set.
 * The app's own database and auth singletons are pointed at this file's fresh
 * database, so the mutations run exactly as they do in the server.
 */
const appGlobals = globalThis as unknown as { callbackDatabase?: DatabaseHandle; callbackAuth?: Auth };

let db: Db;
let auth: Auth;
let addressCounter = 0;

/** Headers of a request from its own address, so the per-address limits of one case do not touch another. */
function freshClient(): Headers {
  addressCounter += 1;
  return new Headers({ "x-forwarded-for": `198.51.100.${addressCounter}` });
}

/** The cookie header a browser would send back after this response. */
function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function signInForCookie(email: string, password: string, on: Auth = auth) {
  const { headers } = await on.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return { cookie: cookieFrom(headers), setCookies: headers.getSetCookie() };
}

async function sessionsOf(userId: string) {
  return db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
}

async function resetTokensOf(userId: string) {
  const rows = await db
    .select({ identifier: verifications.identifier })
    .from(verifications)
    .where(and(eq(verifications.value, userId), like(verifications.identifier, "reset-password:%")));
  return rows.map((row) => row.identifier.slice("reset-password:".length));
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  appGlobals.callbackDatabase = fresh.handle;
  appGlobals.callbackAuth = undefined;
  auth = getAuth();
});

afterAll(() => {
  appGlobals.callbackDatabase = undefined;
  appGlobals.callbackAuth = undefined;
});

describe("sign-in answers", () => {
  it("gives an unknown email exactly the answer of a wrong password", async () => {
    const known = await createTalent(db, { password: "right-password" });
    const failures = [];
    for (const email of [known.email, "nobody-here@example.test"]) {
      failures.push(
        await signIn(db, freshClient(), { email, password: "wrong-password" }).catch((error: unknown) => error),
      );
    }
    expect(
      failures.map((error) => ({ code: (error as { code: string }).code, message: (error as Error).message })),
    ).toEqual([
      { code: "unauthenticated", message: "Incorrect email or password." },
      { code: "unauthenticated", message: "Incorrect email or password." },
    ]);
  });

  it("hashes the password of an unknown email, as verifying a known one costs a hash", async () => {
    const known = await createTalent(db, { password: "right-password" });
    const context = await auth.$context;
    const hash = vi.spyOn(context.password, "hash");
    const verify = vi.spyOn(context.password, "verify");
    try {
      await expect(
        auth.api.signInEmail({ body: { email: "unknown-hash@example.test", password: "whatever-123" } }),
      ).rejects.toThrow();
      expect(hash).toHaveBeenCalledTimes(1);
      expect(verify).not.toHaveBeenCalled();
      await expect(auth.api.signInEmail({ body: { email: known.email, password: "whatever-123" } })).rejects.toThrow();
      expect(verify).toHaveBeenCalledTimes(1);
      expect(hash).toHaveBeenCalledTimes(1);
    } finally {
      hash.mockRestore();
      verify.mockRestore();
    }
  });
});

describe("ending sessions", () => {
  it("deletes the session row at sign-out, so a copied cookie stops working", async () => {
    const person = await createProfessional(db, { password: "pro-password" });
    const { cookie } = await signInForCookie(person.email, "pro-password");
    const copied = new Headers({ cookie });
    expect(await auth.api.getSession({ headers: copied })).toMatchObject({ user: { id: person.id } });

    await auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await sessionsOf(person.id)).toHaveLength(0);
    expect(await auth.api.getSession({ headers: copied })).toBeNull();
  });

  it("ends every session of a suspended account at once; no cached copy keeps one alive", async () => {
    const admin = await createAdmin(db);
    const person = await createProfessional(db, { password: "pro-password" });
    const laptop = await signInForCookie(person.email, "pro-password");
    const phone = await signInForCookie(person.email, "pro-password");
    expect(await sessionsOf(person.id)).toHaveLength(2);
    expect(laptop.setCookies.some((cookie) => cookie.includes("session_data"))).toBe(false);

    await suspendUser(db, admin.actor, { userId: person.id, reason: "Harassed several talents." });
    expect(await sessionsOf(person.id)).toHaveLength(0);
    for (const device of [laptop, phone])
      expect(await auth.api.getSession({ headers: new Headers({ cookie: device.cookie }) })).toBeNull();
  });
});

describe("the account's role", () => {
  it("cannot be changed through Better Auth, even by a server-side call with a valid session", async () => {
    const person = await createTalent(db, { password: "talent-password" });
    const { cookie } = await signInForCookie(person.email, "talent-password");
    await expect(
      auth.api.updateUser({ headers: new Headers({ cookie }), body: { role: "ADMIN" } as never }),
    ).rejects.toThrow();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, person.id));
    expect(row?.role).toBe("TALENT");
  });
});

describe("session cookies", () => {
  it("are HttpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const person = await createTalent(db, { password: "talent-password" });
    const { setCookies } = await signInForCookie(person.email, "talent-password");
    const session = setCookies.find((cookie) => cookie.startsWith("better-auth.session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/; Secure/i);
  });

  it("are Secure, with the __Secure- prefix, when the app is served over https", async () => {
    const person = await createTalent(db, { password: "talent-password" });
    const overHttps = createAuth(db, { ...getEnv(), BETTER_AUTH_URL: "https://callback.example.com" });
    const { setCookies } = await signInForCookie(person.email, "talent-password", overHttps);
    const session = setCookies.find((cookie) => cookie.startsWith("__Secure-better-auth.session_token="));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  });
});

describe("password reset", () => {
  it("answers a known and an unknown address alike, and queues an email only for the account", async () => {
    const person = await createTalent(db, { email: "reset-known@example.test" });
    const answers = [
      await requestPasswordReset(db, freshClient(), { email: "reset-known@example.test" }),
      await requestPasswordReset(db, freshClient(), { email: "reset-unknown@example.test" }),
    ];
    expect(answers).toEqual([PASSWORD_RESET_REQUESTED, PASSWORD_RESET_REQUESTED]);
    expect(PASSWORD_RESET_REQUESTED).toMatch(/^If an account exists for that address, we have emailed a link/);
    const jobs = await db
      .select({ userId: emailJobs.userId, kind: emailJobs.kind })
      .from(emailJobs)
      .where(eq(emailJobs.kind, "password_reset"));
    expect(jobs).toEqual([{ userId: person.id, kind: "password_reset" }]);
    expect(
      await db.select().from(verifications).where(eq(verifications.value, "reset-unknown@example.test")),
    ).toHaveLength(0);
  });

  it("limits requests per email, known or not, with the same refusal", async () => {
    await createTalent(db, { email: "reset-flood@example.test" });
    for (const email of ["reset-flood@example.test", "reset-flood-unknown@example.test"]) {
      for (let attempt = 0; attempt < rateLimitRules.passwordResetPerEmail.limit; attempt += 1) {
        await requestPasswordReset(db, freshClient(), { email });
      }
      await expect(requestPasswordReset(db, freshClient(), { email })).rejects.toMatchObject({ code: "rate_limited" });
    }
  });

  it("limits requests per address, whichever emails they name", async () => {
    const client = freshClient();
    for (let attempt = 0; attempt < rateLimitRules.passwordResetPerAddress.limit; attempt += 1) {
      await requestPasswordReset(db, client, { email: `reset-spray-${attempt}@example.test` });
    }
    await expect(requestPasswordReset(db, client, { email: "reset-spray-last@example.test" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(requestPasswordReset(db, freshClient(), { email: "reset-spray-last@example.test" })).resolves.toBe(
      PASSWORD_RESET_REQUESTED,
    );
  });

  it("emails a link that works once, ends every session, and takes the new password", async () => {
    const person = await createProfessional(db, { email: "reset-flow@example.test", password: "old-password" });
    const before = await signInForCookie(person.email, "old-password");
    await signInForCookie(person.email, "old-password");
    await requestPasswordReset(db, freshClient(), { email: person.email });

    await runEmailWorkerTick(db, new DevMailboxTransport(db));
    const [mail] = await db.select().from(devMailbox).where(eq(devMailbox.to, person.email));
    expect(mail?.subject).toBe("Reset your Callback password");
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(mail!.html).not.toMatch(/unsubscribe/i);

    await resetPassword(new Headers(), { token: token!, password: "brand-new-password" });
    expect(await sessionsOf(person.id)).toHaveLength(0);
    expect(await auth.api.getSession({ headers: new Headers({ cookie: before.cookie }) })).toBeNull();
    await expect(resetPassword(new Headers(), { token: token!, password: "another-password" })).rejects.toMatchObject({
      code: "not_found",
      message: RESET_LINK_INVALID,
    });
    await expect(signIn(db, freshClient(), { email: person.email, password: "old-password" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(
      signIn(db, freshClient(), { email: person.email, password: "brand-new-password" }),
    ).resolves.toBeUndefined();
  });

  it("lets one of two simultaneous uses of a link through", async () => {
    const person = await createTalent(db, { email: "reset-race@example.test" });
    await auth.api.requestPasswordReset({ body: { email: person.email } });
    const [token] = await resetTokensOf(person.id);
    const outcomes = await Promise.allSettled([
      resetPassword(new Headers(), { token: token!, password: "first-new-password" }),
      resetPassword(new Headers(), { token: token!, password: "second-new-password" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses a link after its hour, and the worker does not send one that has expired", async () => {
    const person = await createTalent(db, { email: "reset-late@example.test" });
    await auth.api.requestPasswordReset({ body: { email: person.email } });
    const [token] = await resetTokensOf(person.id);
    const [row] = await db
      .select({ expiresAt: verifications.expiresAt, createdAt: verifications.createdAt })
      .from(verifications)
      .where(eq(verifications.identifier, `reset-password:${token}`));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(3590_000);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(3600_000);

    await db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.identifier, `reset-password:${token}`));
    await runEmailWorkerTick(db, new DevMailboxTransport(db));
    expect(await db.select().from(devMailbox).where(eq(devMailbox.to, person.email))).toHaveLength(0);
    await expect(resetPassword(new Headers(), { token: token!, password: "too-late-password" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("makes only the newest emailed link work when several were asked for", async () => {
    const person = await createTalent(db, { email: "reset-twice@example.test" });
    await auth.api.requestPasswordReset({ body: { email: person.email } });
    const [first] = await resetTokensOf(person.id);
    await auth.api.requestPasswordReset({ body: { email: person.email } });
    await runEmailWorkerTick(db, new DevMailboxTransport(db));
    const mails = await db.select().from(devMailbox).where(eq(devMailbox.to, person.email));
    expect(mails).toHaveLength(1);
    const emailed = /token=([A-Za-z0-9_-]+)/.exec(mails[0]!.text)?.[1];
    expect(emailed).not.toBe(first);
    expect(await resetTokensOf(person.id)).toEqual([emailed]);
    await expect(resetPassword(new Headers(), { token: first!, password: "from-the-old-link" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("gives a suspended account no email and no session", async () => {
    const admin = await createAdmin(db);
    const person = await createProfessional(db, { email: "reset-suspended@example.test", password: "old-password" });
    await suspendUser(db, admin.actor, { userId: person.id, reason: "Fake casting calls reported." });
    await expect(requestPasswordReset(db, freshClient(), { email: person.email })).resolves.toBe(
      PASSWORD_RESET_REQUESTED,
    );
    await runEmailWorkerTick(db, new DevMailboxTransport(db));
    expect(await db.select().from(devMailbox).where(eq(devMailbox.to, person.email))).toHaveLength(0);

    // Even with the token in hand (read from the database), the reset signs nobody in, and sign-in stays refused.
    const [token] = await resetTokensOf(person.id);
    await resetPassword(new Headers(), { token: token!, password: "new-password-123" });
    expect(await sessionsOf(person.id)).toHaveLength(0);
    await expect(
      signIn(db, freshClient(), { email: person.email, password: "new-password-123" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await sessionsOf(person.id)).toHaveLength(0);
  });

  it("holds a new password to the sign-up rules, in the form and at the endpoint", async () => {
    expect(passwordResetInput.safeParse({ token: "a".repeat(24), password: "short" }).error?.issues[0]?.message).toBe(
      "Use at least 8 characters for your password.",
    );
    expect(
      passwordResetInput.safeParse({ token: "a".repeat(24), password: "x".repeat(129) }).error?.issues[0]?.message,
    ).toBe("Use at most 128 characters for your password.");
    expect(
      passwordResetInput.safeParse({ token: "../../etc", password: "long-enough" }).error?.issues[0]?.message,
    ).toMatch(/reset link is incomplete/);

    const person = await createTalent(db, { email: "reset-rules@example.test" });
    await auth.api.requestPasswordReset({ body: { email: person.email } });
    const [token] = await resetTokensOf(person.id);
    await expect(auth.api.resetPassword({ body: { token: token!, newPassword: "short" } })).rejects.toThrow(
      /too short/i,
    );
    // A refused password does not use up the link.
    expect(await resetTokensOf(person.id)).toEqual([token]);
  });
});
