import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs } from "@/db/schema/notifications";

/** The outbox kind of a password-reset email: not a notification, so no in-app entry and no preference. */
export const PASSWORD_RESET_EMAIL = "password_reset";

/**
 * Puts a password-reset email for the account in the outbox. It holds no link:
 * the worker reads the account's newest working link when it sends, so several
 * requests while one email waits make one email, with the latest link.
 */
export async function queuePasswordResetEmail(db: Db, userId: string, now = new Date()): Promise<void> {
  await db
    .insert(emailJobs)
    .values({
      idempotencyKey: `${PASSWORD_RESET_EMAIL}:${randomUUID()}`,
      groupKey: `${PASSWORD_RESET_EMAIL}:${userId}`,
      userId,
      kind: PASSWORD_RESET_EMAIL,
      notificationIds: [],
      runAfter: now,
    })
    .onConflictDoNothing({
      target: emailJobs.groupKey,
      where: sql`${emailJobs.status} = 'pending' AND ${emailJobs.groupKey} IS NOT NULL`,
    });
}
