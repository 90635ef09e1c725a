import "server-only";
import { and, count, desc, eq, inArray, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { devMailbox, emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { publishEvent } from "@/modules/realtime/hub";
import { defaultEmailModes } from "./notify";
import { definitionOf } from "./registry";
import type { ContactRequestOutcome } from "./types/contact-requests";

/*
 * The notifications module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

/** An account's notifications (as it sees them, and as stored), email preferences and email history, for its data export. */
export async function exportNotificationData(db: Db, userId: string) {
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      category: notifications.category,
      payload: notifications.payload,
      readAt: notifications.readAt,
      emailState: notifications.emailState,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt));
  const preferences = await db
    .select({ category: notificationPreferences.category, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const emails = await db
    .select({
      kind: emailJobs.kind,
      status: emailJobs.status,
      attempts: emailJobs.attempts,
      createdAt: emailJobs.createdAt,
      sentAt: emailJobs.sentAt,
    })
    .from(emailJobs)
    .where(eq(emailJobs.userId, userId))
    .orderBy(desc(emailJobs.createdAt));
  return {
    notifications: rows.map((row) => {
      const definition = definitionOf(row.type);
      const payload = definition?.payload.safeParse(row.payload);
      const view = definition && payload?.success ? definition.inApp(payload.data) : null;
      return { ...row, title: view?.title ?? null, body: view?.body ?? null };
    }),
    emailPreferences: {
      ...defaultEmailModes,
      ...Object.fromEntries(preferences.map((row) => [row.category, row.email])),
    },
    emails,
  };
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

/** An account's unread notifications counted from the partial unread index, as a query other reads can embed. */
export function unreadNotificationsCount(db: Db, userId: string | Placeholder) {
  return db
    .select({ total: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** An account's newest notifications, as a subquery other reads can join (rows for toNotificationView). */
export function latestNotificationsOf(db: Db, userId: string | Placeholder, limit: number) {
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      payload: notifications.payload,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .as("latest_notifications");
}

/** The notification types that ask a talent to act on a pending contact request. */
const pendingRequestTypes = ["contact_request.received", "contact_request.expiring_soon"];

/**
 * When a contact request leaves PENDING (answered, withdrawn, expired), in the
 * caller's transaction, the talent's notifications that still ask them to act
 * on it are marked read and carry the outcome, so they read as done ("You
 * approved ... on 3 Dec"). Only notifications without an outcome change, so a
 * second call for the same request does nothing; the talent's open pages hear
 * of the change on commit. Returns how many notifications changed.
 */
export async function resolveContactRequestNotifications(
  tx: Db,
  input: { talentUserId: string; requestId: string; outcome: ContactRequestOutcome["status"]; at: Date },
): Promise<number> {
  const outcome: ContactRequestOutcome = { status: input.outcome, at: input.at.toISOString() };
  const resolved = await tx
    .update(notifications)
    .set({
      payload: sql`${notifications.payload} || jsonb_build_object('outcome', ${JSON.stringify(outcome)}::jsonb)`,
      readAt: sql`coalesce(${notifications.readAt}, ${input.at.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(notifications.userId, input.talentUserId),
        inArray(notifications.type, pendingRequestTypes),
        sql`${notifications.payload}->>'requestId' = ${input.requestId}`,
        sql`${notifications.payload}->'outcome' is null`,
      ),
    )
    .returning({ id: notifications.id });
  if (resolved.length > 0) await publishEvent(tx, { type: "notification", userIds: [input.talentUserId] });
  return resolved.length;
}
