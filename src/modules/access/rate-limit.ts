import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rateLimits } from "@/db/schema/access";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { rateLimitRules, type RateLimitRule } from "./rate-limit-rules";

function windowOf(rule: RateLimitRule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    windowStart: new Date(start),
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

/** Counts one hit against the key and tells whether it is still within the limit. */
export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()) {
  const { windowStart, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  if (Math.random() < 0.01) await deleteExpiredWindows(db, now);
  return { allowed: (row?.hits ?? 0) <= rule.limit, retryAfterSeconds };
}

/** Whether the key has already used up its limit in the current window, without counting a hit. */
export async function isRateLimited(db: Db, key: string, rule: RateLimitRule, now = new Date()) {
  const { windowStart } = windowOf(rule, now);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  return (row?.hits ?? 0) >= rule.limit;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a sign-in attempt and tells whether it may go ahead. */
export async function admitSignIn(db: Db, address: string, email: string | null): Promise<Admission> {
  const perAddress = { ...rateLimitRules.signInPerAddress, limit: getEnv().SIGN_IN_LIMIT_PER_ADDRESS };
  const attempt = await hitRateLimit(db, `sign-in:address:${address}`, perAddress);
  if (!attempt.allowed) return attempt;
  if (email && (await isRateLimited(db, failedSignInKey(email), rateLimitRules.failedSignInPerEmail))) {
    return { allowed: false, retryAfterSeconds: rateLimitRules.failedSignInPerEmail.windowSeconds };
  }
  return { allowed: true };
}

export async function recordFailedSignIn(db: Db, email: string): Promise<void> {
  await hitRateLimit(db, failedSignInKey(email), rateLimitRules.failedSignInPerEmail);
}

/** Counts a sign-up attempt and tells whether it may go ahead. */
export async function admitSignUp(db: Db, address: string): Promise<Admission> {
  const attempt = await hitRateLimit(db, `sign-up:address:${address}`, rateLimitRules.signUpPerAddress);
  return attempt.allowed ? { allowed: true } : attempt;
}

/**
 * Counts a password-reset request against the address and the email named. The
 * same counting happens whether the email has an account or not, so the limit
 * says nothing about which addresses exist.
 */
export async function admitPasswordReset(db: Db, address: string, email: string | null): Promise<Admission> {
  const fromAddress = await hitRateLimit(
    db,
    `password-reset:address:${address}`,
    rateLimitRules.passwordResetPerAddress,
  );
  if (!fromAddress.allowed) return fromAddress;
  if (!email) return { allowed: true };
  const forEmail = await hitRateLimit(db, `password-reset:email:${email}`, rateLimitRules.passwordResetPerEmail);
  return forEmail.allowed ? { allowed: true } : forEmail;
}

/** The counter of failed sign-ins (and failed password confirmations) for one email address. */
export function failedSignInKey(email: string) {
  return `sign-in:failed:${email}`;
}

export function rateLimitedError(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    "rate_limited",
    `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

async function deleteExpiredWindows(db: Db, now: Date) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600 * 1000)));
}
