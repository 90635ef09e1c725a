import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { preparedQuery } from "@/db/prepared";
import { sessions, users } from "@/db/schema/auth";
import { subscriptionFactsByUser } from "@/modules/billing/internal";
import { canSubscribe } from "./policies";
import { isRole } from "./roles";
import type { Actor } from "./types";

/**
 * The session behind a request, read the way Better Auth reads it but in one
 * prepared query (session, account with its time zone, and subscription together), for every page
 * and API call. Better Auth still makes, refreshes and ends sessions: when a
 * session is due for its daily refresh, the caller hands the request to Better
 * Auth, which moves the expiry and sets the cookie again.
 */

/** How long a session lasts and how often its expiry moves (Better Auth's expiresIn and updateAge). */
export const SESSION_SECONDS = 60 * 60 * 24 * 30;
export const SESSION_REFRESH_SECONDS = 60 * 60 * 24;

const COOKIE_PREFIX = "better-auth";

export function sessionCookieName(https: boolean): string {
  return `${https ? "__Secure-" : ""}${COOKIE_PREFIX}.session_token`;
}

function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      const raw = part.slice(at + 1).trim();
      try {
        return decodeURIComponent(raw.startsWith('"') ? raw.slice(1, -1) : raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/**
 * The session token in a request's cookies if its signature is ours (an
 * HMAC-SHA256 of the token with the auth secret, as Better Auth signs it);
 * null for no cookie, a malformed one or a forged one.
 */
export function signedSessionToken(
  cookieHeader: string | null | undefined,
  secret: string,
  https: boolean,
): string | null {
  if (!cookieHeader) return null;
  const value = cookieValue(cookieHeader, sessionCookieName(https));
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!value || dot < 1) return null;
  const token = value.slice(0, dot);
  const encoded = value.slice(dot + 1);
  if (encoded.length !== 44 || !encoded.endsWith("=")) return null;
  const signature = Buffer.from(encoded, "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/** Whether the person chose not to be remembered at sign-in: such a session is never extended. */
function isDontRemember(cookieHeader: string, https: boolean): boolean {
  return cookieValue(cookieHeader, `${https ? "__Secure-" : ""}${COOKIE_PREFIX}.dont_remember`) !== null;
}

const sessionRead = preparedQuery("access_session_actor", (db) => {
  const subscription = subscriptionFactsByUser(db);
  return db
    .select({
      expiresAt: sessions.expiresAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      suspendedAt: users.suspendedAt,
      deletedAt: users.deletedAt,
      timeZone: users.timeZone,
      plan: subscription.plan,
      status: subscription.status,
      currentPeriodEnd: subscription.currentPeriodEnd,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(subscription, eq(subscription.userId, users.id))
    .where(and(eq(sessions.token, sql.placeholder("token")), gt(sessions.expiresAt, sql`now()`)));
});

/** What checking a session cookie needs from the configuration. */
export function sessionSecrets(env: { BETTER_AUTH_SECRET: string; BETTER_AUTH_URL: string }): {
  secret: string;
  https: boolean;
} {
  return { secret: env.BETTER_AUTH_SECRET, https: env.BETTER_AUTH_URL.startsWith("https://") };
}

export type SessionRead = { actor: Actor; needsRefresh: boolean };

/**
 * The actor of a signed session cookie, with whether Better Auth should
 * refresh the session now; null when signed out: no valid cookie, an unknown,
 * ended or expired session, or a suspended or deleted account.
 */
export async function readSessionActor(
  db: Db,
  cookieHeader: string | null | undefined,
  auth: { secret: string; https: boolean },
): Promise<SessionRead | null> {
  const token = signedSessionToken(cookieHeader, auth.secret, auth.https);
  if (!token) return null;
  const [row] = await sessionRead(db).execute({ token });
  if (!row || row.suspendedAt || row.deletedAt || !isRole(row.role)) return null;
  const hasSubscription =
    canSubscribe({ role: row.role }) && row.plan !== null && row.status !== null && row.currentPeriodEnd !== null;
  const actor: Actor = {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    subscription: hasSubscription
      ? { plan: row.plan!, status: row.status!, currentPeriodEnd: row.currentPeriodEnd! }
      : null,
    timeZone: row.timeZone,
  };
  const refreshDue = row.expiresAt.getTime() - SESSION_SECONDS * 1000 + SESSION_REFRESH_SECONDS * 1000 <= Date.now();
  return { actor, needsRefresh: refreshDue && !isDontRemember(cookieHeader!, auth.https) };
}
