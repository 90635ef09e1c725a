import "server-only";
import { verifyPassword } from "better-auth/crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { rateLimits } from "@/db/schema/access";
import { accounts, sessions, users } from "@/db/schema/auth";
import { AppError } from "@/lib/errors";
import { failedSignInKey, isRateLimited, rateLimitedError, recordFailedSignIn } from "./rate-limit";
import { rateLimitRules } from "./rate-limit-rules";
import { deletePasswordResetTokens } from "./password-reset";
import type { Role } from "./roles";

/** The name every deleted account shows, wherever others still see it. */
export const DELETED_USER_NAME = "Deleted user";

/** A unique address under the reserved .invalid domain: no mail can ever be delivered to it. */
export function deletedEmailFor(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

const WRONG_PASSWORD = "That is not your current password.";

/**
 * Checks the account's current password, as sign-in does: with Better Auth's
 * hashing, against its email-and-password credential. Failures count towards
 * the same per-email lock as failed sign-ins, so a borrowed session cannot
 * guess the password here either.
 */
export async function confirmPassword(
  db: Db,
  account: { userId: string; email: string },
  password: string,
): Promise<void> {
  const lockKey = failedSignInKey(account.email);
  if (await isRateLimited(db, lockKey, rateLimitRules.failedSignInPerEmail))
    throw rateLimitedError(rateLimitRules.failedSignInPerEmail.windowSeconds);
  const [credential] = await db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, account.userId), eq(accounts.providerId, "credential")));
  const matches = credential?.hash ? await verifyPassword({ hash: credential.hash, password }) : false;
  if (!matches) {
    await recordFailedSignIn(db, account.email);
    throw new AppError("invalid_input", WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
  }
}

export type AccountForDeletion = { id: string; email: string; role: Role };

/**
 * Locks the account row for the rest of the transaction and returns it, or
 * says it is gone: two deletions of one account at once run one after the other,
 * and the second finds nothing left to delete.
 */
export async function lockAccountForDeletion(tx: Db, userId: string): Promise<AccountForDeletion> {
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!row || row.deletedAt) throw new AppError("not_found", "This account has already been deleted.");
  return { id: row.id, email: row.email, role: row.role };
}

/**
 * Admin accounts that can still sign in, other than this one. In a transaction
 * it locks them all (in id order), so two admins deleting themselves at once
 * are decided one after the other and cannot both leave.
 */
export async function lockOtherActiveAdmins(tx: Db, userId: string): Promise<number> {
  const rows = await activeAdmins(tx).for("update");
  return rows.filter((row) => row.id !== userId).length;
}

/** The same count, without locks, for pages that explain the rule. */
export async function countOtherActiveAdmins(db: Db, userId: string): Promise<number> {
  const rows = await activeAdmins(db);
  return rows.filter((row) => row.id !== userId).length;
}

function activeAdmins(db: Db) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), isNull(users.deletedAt), isNull(users.suspendedAt)))
    .orderBy(asc(users.id));
}

/**
 * Anonymises the account in the caller's transaction: the row keeps its id
 * (conversations and requests still point at it) but no name, email or image;
 * every session and credential goes, so every cookie stops working at once and
 * no sign-in can succeed again. Its password reset links and sign-in counters
 * keyed by the old email go too.
 */
export async function anonymiseAccount(tx: Db, account: AccountForDeletion, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      name: DELETED_USER_NAME,
      email: deletedEmailFor(account.id),
      emailVerified: false,
      image: null,
      suspendedReason: null,
      // Where someone lives says something about them: the zone goes too.
      timeZone: "UTC",
      digestHour: null,
      deletedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, account.id));
  await tx.delete(sessions).where(eq(sessions.userId, account.id));
  await tx.delete(accounts).where(eq(accounts.userId, account.id));
  // Reset links are keyed by token and hold the user id: a link emailed before the deletion must not work after.
  await deletePasswordResetTokens(tx, account.id);
  await tx.delete(rateLimits).where(eq(rateLimits.key, failedSignInKey(account.email)));
}

/** What the account itself holds, for its data export: never the password hash or a session token. */
export async function exportAccountRecord(db: Db, userId: string) {
  const [account] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
      role: users.role,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      timeZone: users.timeZone,
      digestHour: users.digestHour,
    })
    .from(users)
    .where(eq(users.id, userId));
  const signIns = await db
    .select({
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const credentials = await db
    .select({ provider: accounts.providerId, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt })
    .from(accounts)
    .where(eq(accounts.userId, userId));
  return { account: account ?? null, sessions: signIns, credentials };
}
