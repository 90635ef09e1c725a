import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { sessions, users } from "@/db/schema/auth";
import { createCompany, createProfessional, createTalent, type CreatedUser } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import { createAuth, type Auth } from "./auth";
import { readSessionActor, SESSION_REFRESH_SECONDS, SESSION_SECONDS } from "./session";

/**
 * The one-query session read against a real database: sessions written
 * directly as Better Auth writes them, and sessions Better Auth itself made
 * at sign-in, read back from the cookies it set.
 */
const SECRET = "session-tests-secret-0123456789abcdef";
const plain = { secret: SECRET, https: false };
const DAY_MS = 86_400_000;

function authFor(db: Db, url: string): Auth {
  return createAuth(db, { BETTER_AUTH_URL: url, BETTER_AUTH_SECRET: SECRET, PORT: 3000, isProduction: false });
}

/** The cookie value Better Auth writes: the token, a dot, the base64 HMAC-SHA256 of the token, URL-encoded. */
function signed(token: string): string {
  return encodeURIComponent(`${token}.${createHmac("sha256", SECRET).update(token).digest("base64")}`);
}

/** The cookie header a browser would send back after an answer that set these cookies. */
function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

describe("readSessionActor", () => {
  let db: Db;
  let pro: CreatedUser;
  let talent: CreatedUser;

  /** A session row as Better Auth stores it, and the cookie that carries it. */
  async function startSession(user: { id: string }, expiresAt = new Date(Date.now() + SESSION_SECONDS * 1000)) {
    const token = randomBytes(24).toString("base64url");
    const [row] = await db
      .insert(sessions)
      .values({ token, userId: user.id, expiresAt })
      .returning({ id: sessions.id });
    return { id: row!.id, token, cookie: `better-auth.session_token=${signed(token)}` };
  }

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    pro = await createProfessional(db, { name: "Session Pro", subscription: true, password: "session-password" });
    talent = await createTalent(db, {
      name: "Session Talent",
      password: "session-password",
      timeZone: "America/Los_Angeles",
    });
  });

  it("reads a professional with its role and subscription facts, as the factories describe the actor", async () => {
    const { cookie } = await startSession(pro);
    const read = await readSessionActor(db, cookie, plain);
    expect(read).toEqual({ actor: pro.actor, needsRefresh: false });
    expect(read?.actor.subscription).toMatchObject({ plan: "PROFESSIONAL", status: "active" });
  });

  it("reads a company's own plan, and a lapsed subscription as it stands", async () => {
    const company = await createCompany(db, { subscription: true });
    expect((await readSessionActor(db, (await startSession(company)).cookie, plain))?.actor).toEqual(company.actor);
    const lapsed = await createProfessional(db, { subscription: { status: "past_due" } });
    expect((await readSessionActor(db, (await startSession(lapsed)).cookie, plain))?.actor.subscription).toMatchObject({
      plan: "PROFESSIONAL",
      status: "past_due",
    });
  });

  it("gives a talent, and a professional who never subscribed, no subscription", async () => {
    expect(await readSessionActor(db, (await startSession(talent)).cookie, plain)).toEqual({
      actor: {
        userId: talent.id,
        name: "Session Talent",
        email: talent.email,
        role: "TALENT",
        subscription: null,
        timeZone: "America/Los_Angeles",
      },
      needsRefresh: false,
    });
    const free = await createProfessional(db);
    expect((await readSessionActor(db, (await startSession(free)).cookie, plain))?.actor).toMatchObject({
      role: "PROFESSIONAL",
      subscription: null,
    });
  });

  it("answers null for an expired session", async () => {
    const { cookie } = await startSession(pro, new Date(Date.now() - 1000));
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
  });

  it("answers null once the session row is gone, and for a well-signed token that was never a session", async () => {
    const { id, cookie } = await startSession(pro);
    expect(await readSessionActor(db, cookie, plain)).not.toBeNull();
    await db.delete(sessions).where(eq(sessions.id, id));
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
    expect(await readSessionActor(db, `better-auth.session_token=${signed("never-issued-token")}`, plain)).toBeNull();
  });

  it("refuses a real session's token with a wrong signature, or under the other cookie name", async () => {
    const { token, cookie } = await startSession(pro);
    expect(await readSessionActor(db, `better-auth.session_token=${token}.${"A".repeat(43)}=`, plain)).toBeNull();
    expect(
      await readSessionActor(db, cookie, { secret: "another-secret-0123456789abcdef0123", https: false }),
    ).toBeNull();
    expect(await readSessionActor(db, cookie, { secret: SECRET, https: true })).toBeNull();
    expect(await readSessionActor(db, `__Secure-${cookie}`, { secret: SECRET, https: true })).toMatchObject({
      actor: { userId: pro.id },
    });
  });

  it("answers null for a suspended account and for a deleted one, even while a session row remains", async () => {
    const suspended = await createTalent(db);
    const deleted = await createProfessional(db, { subscription: true });
    const suspendedSession = await startSession(suspended);
    const deletedSession = await startSession(deleted);
    expect(await readSessionActor(db, suspendedSession.cookie, plain)).not.toBeNull();
    expect(await readSessionActor(db, deletedSession.cookie, plain)).not.toBeNull();
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    await db.update(users).set({ deletedAt: new Date(), name: "Deleted user" }).where(eq(users.id, deleted.id));
    expect(await readSessionActor(db, suspendedSession.cookie, plain)).toBeNull();
    expect(await readSessionActor(db, deletedSession.cookie, plain)).toBeNull();
  });

  it("answers null when the account row itself is gone", async () => {
    const leaving = await createTalent(db);
    const { cookie } = await startSession(leaving);
    await db.delete(users).where(eq(users.id, leaving.id));
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
  });

  it("asks for the daily refresh once the expiry is less than SESSION_SECONDS - SESSION_REFRESH_SECONDS away, unless the person chose not to be remembered", async () => {
    const due = Date.now() + (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000;
    const fresh = await startSession(pro, new Date(Date.now() + SESSION_SECONDS * 1000));
    const notYet = await startSession(pro, new Date(due + 60_000));
    const stale = await startSession(pro, new Date(due - 60_000));
    const lastHour = await startSession(pro, new Date(Date.now() + 3_600_000));
    expect((await readSessionActor(db, fresh.cookie, plain))?.needsRefresh).toBe(false);
    expect((await readSessionActor(db, notYet.cookie, plain))?.needsRefresh).toBe(false);
    expect((await readSessionActor(db, stale.cookie, plain))?.needsRefresh).toBe(true);
    expect((await readSessionActor(db, lastHour.cookie, plain))?.needsRefresh).toBe(true);

    const dontRemember = "better-auth.dont_remember=true.c2lnbmF0dXJl";
    expect(await readSessionActor(db, `${stale.cookie}; ${dontRemember}`, plain)).toEqual({
      actor: pro.actor,
      needsRefresh: false,
    });
    expect((await readSessionActor(db, `${dontRemember}; ${lastHour.cookie}`, plain))?.needsRefresh).toBe(false);
    // Over https both cookies carry the __Secure- prefix; the plain name does not count there.
    const secure = { secret: SECRET, https: true };
    expect(
      (await readSessionActor(db, `__Secure-${stale.cookie}; __Secure-${dontRemember}`, secure))?.needsRefresh,
    ).toBe(false);
    expect((await readSessionActor(db, `__Secure-${stale.cookie}; ${dontRemember}`, secure))?.needsRefresh).toBe(true);
  });
});

describe("readSessionActor on sessions Better Auth made", () => {
  let db: Db;
  let auth: Auth;
  let pro: CreatedUser;

  async function signIn(on: Auth, email: string, rememberMe?: boolean) {
    const { headers } = await on.api.signInEmail({
      body: { email, password: "session-password", ...(rememberMe === undefined ? {} : { rememberMe }) },
      returnHeaders: true,
    });
    return cookieFrom(headers);
  }

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    auth = authFor(db, "http://localhost:3000");
    pro = await createProfessional(db, { name: "Signed In Pro", subscription: true, password: "session-password" });
  });

  it("accepts the cookie Better Auth set at sign-in, and refuses it after sign-out", async () => {
    const cookie = await signIn(auth, pro.email);
    expect(cookie).toContain("better-auth.session_token=");
    expect(await readSessionActor(db, cookie, plain)).toEqual({ actor: pro.actor, needsRefresh: false });

    await auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
  });

  it("reads the __Secure- cookie Better Auth sets when the site is served over https", async () => {
    const secureAuth = authFor(db, "https://callback.example");
    const cookie = await signIn(secureAuth, pro.email);
    expect(cookie).toMatch(/(^|; )__Secure-better-auth\.session_token=/);
    expect(await readSessionActor(db, cookie, { secret: SECRET, https: true })).toMatchObject({
      actor: { userId: pro.id },
      needsRefresh: false,
    });
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
  });

  it("agrees with Better Auth on when a session is due: Better Auth then moves the expiry, and the new cookie is not due", async () => {
    const cookie = await signIn(auth, pro.email);
    const token = decodeURIComponent(cookie.match(/better-auth\.session_token=([^;]+)/)![1]!).split(".")[0]!;
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000 - DAY_MS) })
      .where(eq(sessions.token, token));
    expect((await readSessionActor(db, cookie, plain))?.needsRefresh).toBe(true);

    const refreshed = await auth.api.getSession({ headers: new Headers({ cookie }), returnHeaders: true });
    expect(refreshed.response?.user.id).toBe(pro.id);
    const [row] = await db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.token, token));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000);
    // The answer sets the cookie again with the new expiry; the token stays the same.
    const again = cookieFrom(refreshed.headers);
    expect(again).toContain("better-auth.session_token=");
    expect(await readSessionActor(db, again, plain)).toEqual({ actor: pro.actor, needsRefresh: false });
  });

  it("never asks to refresh a session whose owner chose not to be remembered, as Better Auth never extends one", async () => {
    const cookie = await signIn(auth, pro.email, false);
    expect(cookie).toContain("better-auth.dont_remember=");
    // Such a session lasts a day, so by its expiry alone it is already due.
    const read = await readSessionActor(db, cookie, plain);
    expect(read).toEqual({ actor: pro.actor, needsRefresh: false });
    const withoutChoice = cookie
      .split("; ")
      .filter((part) => !part.startsWith("better-auth.dont_remember="))
      .join("; ");
    expect((await readSessionActor(db, withoutChoice, plain))?.needsRefresh).toBe(true);
  });

  it("stops reading the session of an account suspended after sign-in", async () => {
    const talent = await createTalent(db, { password: "session-password" });
    const cookie = await signIn(auth, talent.email);
    expect(await readSessionActor(db, cookie, plain)).toMatchObject({
      actor: { userId: talent.id, role: "TALENT", subscription: null },
    });
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, talent.id));
    expect(await readSessionActor(db, cookie, plain)).toBeNull();
  });
});
