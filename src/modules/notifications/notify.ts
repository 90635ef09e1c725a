import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { timeOrderedId } from "@/db/ids";
import { getEnv } from "@/lib/env";
import { preparedRowsOf } from "@/db/sql";
import { accountTimeSettingsOf } from "@/modules/access/internal";
import { realtimeNotification } from "@/modules/realtime/hub";
import type { Category } from "./definition";
import { definitionOf, type NotificationType } from "./registry";
import { messageReceivedPayload } from "./types/message-received";

export type EmailMode = "immediate" | "daily" | "off";

/** What every account gets until it chooses otherwise. */
export const defaultEmailModes: Record<Category, EmailMode> = {
  messages: "immediate",
  contact_requests: "immediate",
  billing: "immediate",
};

/**
 * When a digest job made at `now` goes out: the first moment after `now` at
 * which the clock in `zone` shows `hour`:00 - today's if it is still ahead,
 * else tomorrow's - so an account gets at most one digest per local day, at
 * its own hour, whatever the time in UTC. On the days daylight saving time
 * starts or ends, PostgreSQL reads a local hour that does not exist (02:00 on a
 * spring-forward day) or that happens twice (01:00 on a fall-back day) as
 * standard time: 03:00 daylight time, and the second 01:00. All three are SQL
 * expressions.
 */
export function nextDigestAtSql(now: SQL, zone: SQL, hour: SQL): SQL {
  return sql`(select case when digest.today > ${now} then digest.today else digest.tomorrow end from (select
    (date_trunc('day', ${now} at time zone ${zone}) + make_interval(hours => ${hour})) at time zone ${zone} as today,
    (date_trunc('day', ${now} at time zone ${zone}) + interval '1 day' + make_interval(hours => ${hour})) at time zone ${zone} as tomorrow
  ) as digest)`;
}

/** The next digest time of one account, from its own zone and hour (DIGEST_HOUR until it chooses one). */
export function nextDigestOfAccountSql(userId: string, now: SQL): SQL {
  return sql`(select ${nextDigestAtSql(now, sql`clock.time_zone`, sql`coalesce(clock.digest_hour, ${getEnv().DIGEST_HOUR}::int)`)}
    from ${accountTimeSettingsOf(userId)} as clock)`;
}

/** Every type but a new message's, whose notification is written by the message's own statement (below). */
type NotifyInput = {
  userId: string;
  type: Exclude<NotificationType, "message.received">;
  payload: unknown;
  now?: Date;
};

/**
 * The CTEs that record a notification for one person: `preference` (their
 * email choice for its category), `notification` (the new row, written when
 * the one-row relation `source` has its row) and `job` (its email in the
 * outbox). Emails with a `groupKey` (new messages of one conversation) share
 * one pending job, sent after a delay and only if still unread; daily-digest
 * categories join the person's next digest, due at their digest hour in their
 * time zone; "off" sends no email. `payload`
 * is a jsonb expression.
 */
function notificationCtes(input: {
  userId: string;
  type: NotificationType;
  payload: SQL;
  groupKey: string | null;
  now: Date;
  source: SQL;
  /** When true, no email for this one (the person muted where it comes from); the notification is still made. */
  emailMuted?: SQL;
}): SQL {
  const definition = definitionOf(input.type)!;
  // The job an "immediately" preference makes: message emails wait and share one job per conversation.
  const immediate = input.groupKey
    ? { kind: "messages", runAfter: new Date(input.now.getTime() + getEnv().MESSAGE_EMAIL_DELAY_SECONDS * 1000) }
    : { kind: "single", runAfter: input.now };
  return sql`
    preference as (
      select case when ${input.emailMuted ?? sql`false`} then 'off'::email_mode else coalesce(
        (select ${notificationPreferences.email} from ${notificationPreferences} where ${notificationPreferences.userId} = ${input.userId} and ${notificationPreferences.category} = ${definition.category}),
        ${defaultEmailModes[definition.category]}::email_mode
      ) end as mode
    ), notification as (
      insert into ${notifications} (id, user_id, type, category, payload, email_state, created_at)
      select ${timeOrderedId()}::uuid, ${input.userId}, ${input.type}, ${definition.category}, ${input.payload},
             (case mode when 'off' then 'skipped' when 'daily' then 'digest' else 'queued' end)::notification_email_state, ${input.now}
      from preference, ${input.source}
      returning id
    ), job as (
      insert into ${emailJobs} (idempotency_key, group_key, user_id, kind, notification_ids, run_after)
      select coalesce(job.group_key, 'notification') || ':' || notification.id, job.group_key, ${input.userId}, job.kind, array[notification.id], job.run_after
      from notification, preference,
        (values ('daily'::email_mode, 'digest', ${`digest:${input.userId}`}, ${nextDigestOfAccountSql(input.userId, sql`${input.now}::timestamptz`)}),
                ('immediate'::email_mode, ${immediate.kind}, ${input.groupKey}::text, ${immediate.runAfter}::timestamptz)) as job(mode, kind, group_key, run_after)
      where job.mode = preference.mode
      on conflict (group_key) where status = 'pending' and group_key is not null
      do update set notification_ids = array_append(${emailJobs.notificationIds}, excluded.notification_ids[1])
    )`;
}

/**
 * Records a notification for one person, and its email in the outbox, in the
 * caller's transaction: if the event behind it rolls back, neither exists.
 * The person's open pages hear of it on commit.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<string> {
  const definition = definitionOf(input.type);
  if (!definition) throw new Error(`Unknown notification type ${input.type}`);
  const payload = definition.payload.parse(input.payload);
  const now = input.now ?? new Date();
  // One statement, prepared once per connection (its text is the same for every type): one round trip inside
  // the caller's transaction.
  const ctes = notificationCtes({
    userId: input.userId,
    type: input.type,
    payload: sql`${JSON.stringify(payload)}::jsonb`,
    groupKey: null,
    now,
    source: sql`(select 1) as one`,
  });
  const [row] = await preparedRowsOf<{ id: string }>(
    tx,
    "notify",
    sql`with ${ctes} select id, ${realtimeNotification({ type: "notification", userIds: [input.userId] })} from notification`,
  );
  return row!.id;
}

/** A new message's notification, but for its seq. */
const knownMessageFields = messageReceivedPayload.omit({ seq: true });

/**
 * The "new message" notification, as CTEs for the statement that stores the
 * message (its seq exists only there: `seq` is its expression in that
 * statement, and `source` the relation that holds it). The person hears of
 * it through the message's own live event, so it adds none.
 */
export function messageNotificationCtes(input: {
  userId: string;
  conversationId: string;
  senderName: string;
  preview: string;
  now: Date;
  seq: SQL;
  source: SQL;
  emailMuted: SQL;
}): SQL {
  const known = { conversationId: input.conversationId, senderName: input.senderName, preview: input.preview };
  knownMessageFields.parse(known);
  return notificationCtes({
    userId: input.userId,
    type: "message.received",
    payload: sql`${JSON.stringify(known)}::jsonb || jsonb_build_object('seq', ${input.seq})`,
    groupKey: `messages:${input.userId}:${input.conversationId}`,
    now: input.now,
    source: input.source,
    emailMuted: input.emailMuted,
  });
}
