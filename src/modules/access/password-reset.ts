import "server-only";
import { and, desc, eq, gt, like, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { verifications } from "@/db/schema/auth";

/** How long a reset link works, in seconds. */
export const PASSWORD_RESET_LINK_SECONDS = 3600;

/**
 * How long a reset request takes at least, answered or refused. Better Auth
 * stores a token and we queue an email only for a known address, about ten
 * milliseconds more than an unknown one costs: measurable over a network. Every
 * request is answered no sooner than this, long after either path is done.
 */
export const PASSWORD_RESET_ANSWER_MS = 400;

/** Better Auth keeps each reset token as a verification row named after it, holding the user's id. */
const RESET_PREFIX = "reset-password:";

/**
 * The token of the account's newest reset link that still works, or null. The
 * email worker reads it when it sends the reset email, so an email delayed
 * past the link's hour, or sent after the link was used, is not sent at all.
 */
export async function currentPasswordResetToken(db: Db, userId: string, now = new Date()): Promise<string | null> {
  const [row] = await db
    .select({ identifier: verifications.identifier })
    .from(verifications)
    .where(
      and(
        eq(verifications.value, userId),
        like(verifications.identifier, `${RESET_PREFIX}%`),
        gt(verifications.expiresAt, now),
      ),
    )
    .orderBy(desc(verifications.createdAt))
    .limit(1);
  return row ? row.identifier.slice(RESET_PREFIX.length) : null;
}

/**
 * Ends the account's reset links: all of them after a reset, or all but the
 * newest when another is asked for, so only the link in the latest email works.
 */
export async function deletePasswordResetTokens(db: Db, userId: string, keepToken?: string): Promise<void> {
  await db
    .delete(verifications)
    .where(
      and(
        eq(verifications.value, userId),
        like(verifications.identifier, `${RESET_PREFIX}%`),
        keepToken ? ne(verifications.identifier, `${RESET_PREFIX}${keepToken}`) : undefined,
      ),
    );
}
