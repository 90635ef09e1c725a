import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { devMailbox, emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { AppError, FOREIGN_KEY_VIOLATION, postgresErrorCode } from "@/lib/errors";
import type { Actor } from "@/modules/access/types";
import type { Category } from "./definition";
import type { EmailMode } from "./notify";
import { verifyUnsubscribeToken } from "./tokens";

const categories: Category[] = ["messages", "contact_requests", "billing"];

export async function markNotificationRead(db: Db, actor: Actor, notificationId: string) {
  if (!z.uuid().safeParse(notificationId).success) throw new AppError("not_found", "That notification does not exist.");
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw new AppError("not_found", "That notification does not exist.");
}

export async function markAllNotificationsRead(db: Db, actor: Actor) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
}

/**
 * Marks read the notifications of messages the person has now seen in a
 * conversation, as a CTE for the statement that moves their read pointer
 * (`upToSeq` is its expression there).
 */
export function messageNotificationsReadCte(input: { userId: string; conversationId: string; upToSeq: SQL }): SQL {
  return sql`
    notifications_read as (
      update ${notifications} set read_at = now()
      where ${notifications.userId} = ${input.userId} and ${notifications.readAt} is null and ${notifications.type} = 'message.received'
        and ${notifications.payload}->>'conversationId' = ${input.conversationId} and (${notifications.payload}->>'seq')::int <= ${input.upToSeq}
    )`;
}

async function setEmailMode(db: Db, userId: string, category: Category, email: EmailMode) {
  await db
    .insert(notificationPreferences)
    .values({ userId, category, email })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { email, updatedAt: new Date() },
    });
}

export async function updateEmailPreferences(db: Db, actor: Actor, preferences: Record<Category, EmailMode>) {
  await db.transaction(async (tx) => {
    for (const category of categories) await setEmailMode(tx, actor.userId, category, preferences[category]);
  });
}

/** The one-click unsubscribe link of an email: works signed out; a forged or damaged token changes nothing. */
export async function unsubscribeWithToken(db: Db, token: string): Promise<{ scope: Category | "all" }> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified)
    throw new AppError(
      "invalid_input",
      "This unsubscribe link is not valid. Change your email settings after signing in.",
    );
  try {
    await db.transaction(async (tx) => {
      for (const category of verified.scope === "all" ? categories : [verified.scope])
        await setEmailMode(tx, verified.userId, category, "off");
    });
  } catch (error) {
    // The account no longer exists: there is nothing left to send to it.
    if (postgresErrorCode(error) !== FOREIGN_KEY_VIOLATION) throw error;
  }
  return { scope: verified.scope };
}

/**
 * For an account being deleted, in the caller's transaction: its notifications,
 * preferences and outbox emails go, so nothing queued for it can be sent (the
 * worker also skips any job for a deleted account); the development mailbox
 * forgets what was sent to its old address.
 */
export async function removeNotificationsOfAccount(tx: Db, account: { id: string; email: string }): Promise<void> {
  await tx.delete(emailJobs).where(eq(emailJobs.userId, account.id));
  await tx.delete(notifications).where(eq(notifications.userId, account.id));
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, account.id));
  await tx.delete(devMailbox).where(eq(devMailbox.to, account.email));
}
