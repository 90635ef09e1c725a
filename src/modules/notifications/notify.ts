import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { getEnv } from "@/lib/env";
import { publishEvent } from "@/modules/messaging/realtime";
import type { Category } from "./definition";
import { definitionOf, type NotificationType } from "./registry";

export type EmailMode = "immediate" | "daily" | "off";

/** What every account gets until it chooses otherwise. */
export const defaultEmailModes: Record<Category, EmailMode> = { messages: "immediate", contact_requests: "immediate", billing: "immediate" };

export async function emailModeOf(tx: Db, userId: string, category: Category): Promise<EmailMode> {
  const [row] = await tx
    .select({ email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.category, category)));
  return row?.email ?? defaultEmailModes[category];
}

/** The next daily digest time at DIGEST_HOUR_UTC, after `now`. */
export function nextDigestAt(now: Date, hourUtc = getEnv().DIGEST_HOUR_UTC): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/**
 * Records a notification for one person, and its email in the outbox, in the
 * caller's transaction: if the event behind it rolls back, neither exists.
 * New messages of one conversation share one pending email (sent after a delay,
 * only if still unread); daily-digest categories join the person's next digest;
 * "off" sends no email. The person's open pages hear of it on commit.
 */
export async function notify(tx: Db, input: { userId: string; type: NotificationType; payload: unknown; now?: Date }): Promise<string> {
  const definition = definitionOf(input.type);
  if (!definition) throw new Error(`Unknown notification type ${input.type}`);
  const payload = definition.payload.parse(input.payload);
  const now = input.now ?? new Date();
  const mode = await emailModeOf(tx, input.userId, definition.category);
  const emailState = mode === "off" ? "skipped" : mode === "daily" ? "digest" : "queued";
  const [row] = await tx
    .insert(notifications)
    .values({ userId: input.userId, type: input.type, category: definition.category, payload, emailState, createdAt: now })
    .returning({ id: notifications.id });
  const id = row!.id;

  if (mode === "daily") {
    await addToOpenJob(tx, { userId: input.userId, kind: "digest", groupKey: `digest:${input.userId}`, notificationId: id, runAfter: nextDigestAt(now) });
  } else if (mode === "immediate" && input.type === "message.received") {
    const { conversationId } = payload as { conversationId: string };
    const runAfter = new Date(now.getTime() + getEnv().MESSAGE_EMAIL_DELAY_SECONDS * 1000);
    await addToOpenJob(tx, { userId: input.userId, kind: "messages", groupKey: `messages:${input.userId}:${conversationId}`, notificationId: id, runAfter });
  } else if (mode === "immediate") {
    await tx.insert(emailJobs).values({ idempotencyKey: `notification:${id}`, userId: input.userId, kind: "single", notificationIds: [id], runAfter: now });
  }
  await publishEvent(tx, { type: "notification", userIds: [input.userId] });
  return id;
}

/** Adds the notification to the pending email of its group, or opens that email. */
async function addToOpenJob(tx: Db, job: { userId: string; kind: string; groupKey: string; notificationId: string; runAfter: Date }) {
  await tx
    .insert(emailJobs)
    .values({
      idempotencyKey: `${job.groupKey}:${job.notificationId}`,
      groupKey: job.groupKey,
      userId: job.userId,
      kind: job.kind,
      notificationIds: [job.notificationId],
      runAfter: job.runAfter,
    })
    .onConflictDoUpdate({
      target: emailJobs.groupKey,
      targetWhere: sql`${emailJobs.status} = 'pending' AND ${emailJobs.groupKey} IS NOT NULL`,
      set: { notificationIds: sql`array_append(${emailJobs.notificationIds}, ${job.notificationId}::uuid)` },
    });
}
