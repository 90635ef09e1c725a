import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { getEnv } from "@/lib/env";
import { rowsOf } from "@/db/sql";
import { realtimeNotification } from "@/modules/messaging/realtime";
import type { Category } from "./definition";
import { definitionOf, type NotificationType } from "./registry";

export type EmailMode = "immediate" | "daily" | "off";

/** What every account gets until it chooses otherwise. */
export const defaultEmailModes: Record<Category, EmailMode> = { messages: "immediate", contact_requests: "immediate", billing: "immediate" };

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
  // The job an "immediately" preference makes: message emails wait and share one job per conversation.
  const immediate =
    input.type === "message.received"
      ? { kind: "messages", groupKey: `messages:${input.userId}:${(payload as { conversationId: string }).conversationId}`, runAfter: new Date(now.getTime() + getEnv().MESSAGE_EMAIL_DELAY_SECONDS * 1000) }
      : { kind: "single", groupKey: null, runAfter: now };
  // One statement (one round trip inside the caller's transaction): read the person's email preference, store
  // the notification, add it to the open email job of its group (or make a job of its own) unless email is
  // off, and announce it to their open pages.
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`
      with preference as (
        select coalesce(
          (select ${notificationPreferences.email} from ${notificationPreferences} where ${notificationPreferences.userId} = ${input.userId} and ${notificationPreferences.category} = ${definition.category}),
          ${defaultEmailModes[definition.category]}::email_mode
        ) as mode
      ), notification as (
        insert into ${notifications} (user_id, type, category, payload, email_state, created_at)
        select ${input.userId}, ${input.type}, ${definition.category}, ${JSON.stringify(payload)}::jsonb,
               (case mode when 'off' then 'skipped' when 'daily' then 'digest' else 'queued' end)::notification_email_state, ${now}
        from preference
        returning id
      ), job as (
        insert into ${emailJobs} (idempotency_key, group_key, user_id, kind, notification_ids, run_after)
        select coalesce(job.group_key, 'notification') || ':' || notification.id, job.group_key, ${input.userId}, job.kind, array[notification.id], job.run_after
        from notification, preference,
          (values ('daily'::email_mode, 'digest', ${`digest:${input.userId}`}, ${nextDigestAt(now)}::timestamptz),
                  ('immediate'::email_mode, ${immediate.kind}, ${immediate.groupKey}::text, ${immediate.runAfter}::timestamptz)) as job(mode, kind, group_key, run_after)
        where job.mode = preference.mode
        on conflict (group_key) where status = 'pending' and group_key is not null
        do update set notification_ids = array_append(${emailJobs.notificationIds}, excluded.notification_ids[1])
      )
      select id, ${realtimeNotification({ type: "notification", userIds: [input.userId] })} from notification`,
  );
  return row!.id;
}
