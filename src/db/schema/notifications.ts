import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timeOrderedId } from "../ids";
import { users } from "./auth";

export const notificationCategory = pgEnum("notification_category", ["messages", "contact_requests", "billing"]);
export const emailMode = pgEnum("email_mode", ["immediate", "daily", "off"]);
export const notificationEmailState = pgEnum("notification_email_state", [
  "none",
  "queued",
  "digest",
  "emailed",
  "skipped",
]);

/** In-app notifications; each type's title, text and link are rendered from its payload by the registry. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom().$defaultFn(timeOrderedId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    category: notificationCategory("category").notNull(),
    payload: jsonb("payload").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailState: notificationEmailState("email_state").notNull().default("none"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("notifications_user_created_idx").on(
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("notifications_user_unread_idx")
      .on(table.userId)
      .where(sql`${table.readAt} IS NULL`),
    index("notifications_digest_idx")
      .on(table.userId)
      .where(sql`${table.emailState} = 'digest'`),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: notificationCategory("category").notNull(),
    email: emailMode("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.category] })],
);

export const emailJobStatus = pgEnum("email_job_status", ["pending", "sending", "sent", "failed", "canceled"]);

/**
 * The outbox: an email to send, written in the same transaction as the event
 * behind it. Jobs that may gather more notifications before they go out (new
 * messages of one conversation, a daily digest) share a group key while pending.
 */
export const emailJobs = pgTable(
  "email_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    groupKey: text("group_key"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    notificationIds: uuid("notification_ids").array().notNull(),
    status: emailJobStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("email_jobs_due_idx")
      .on(table.runAfter)
      .where(sql`${table.status} IN ('pending', 'sending')`),
    uniqueIndex("email_jobs_open_group_idx")
      .on(table.groupKey)
      .where(sql`${table.status} = 'pending' AND ${table.groupKey} IS NOT NULL`),
  ],
);

/** The development mailbox: where email goes when no SMTP server is configured. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text_body").notNull(),
    html: text("html_body").notNull(),
    messageId: text("message_id").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("dev_mailbox_created_idx").on(table.createdAt.desc().nullsFirst())],
);
