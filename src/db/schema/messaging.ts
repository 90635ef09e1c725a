import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
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

/**
 * A conversation between exactly two people. The pair is stored ordered
 * (user_lo < user_hi) under a unique index, so two people can never have two
 * conversations, however many "contact" clicks race. A participant whose
 * account is deleted becomes NULL here; the other side keeps the history.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userLo: text("user_lo").references(() => users.id, { onDelete: "set null" }),
    userHi: text("user_hi").references(() => users.id, { onDelete: "set null" }),
    startedBy: text("started_by").references(() => users.id, { onDelete: "set null" }),
    /** The seq of the newest message, advanced under this row's lock. */
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text("last_message_preview").notNull().default(""),
    lastSenderId: text("last_sender_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("conversations_pair_idx").on(table.userLo, table.userHi),
    check(
      "conversations_ordered_pair",
      sql`${table.userLo} IS NULL OR ${table.userHi} IS NULL OR ${table.userLo} < ${table.userHi}`,
    ),
  ],
);

/** Each participant's view of a conversation: the inbox order and the read pointer. */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Copies of the conversation's last_seq and last_message_at, so the inbox and the unread badge read one index. */
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    /** Set when the participant archives the conversation: it leaves their inbox until the next message. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** "Mark unread": the conversation counts as one unread until it is opened again. */
    markedUnread: boolean("marked_unread").notNull().default(false),
    /** No emails about this conversation's messages for this participant (the notifications stay). */
    emailMuted: boolean("email_muted").notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.userId] }),
    // The inbox and the Archived view are each one range scan of their own partial index.
    index("conversation_participants_inbox_idx")
      .on(table.userId, table.lastMessageAt.desc().nullsFirst(), table.conversationId.desc().nullsFirst())
      .where(sql`${table.archivedAt} is null`),
    index("conversation_participants_archived_idx")
      .on(table.userId, table.lastMessageAt.desc().nullsFirst(), table.conversationId.desc().nullsFirst())
      .where(sql`${table.archivedAt} is not null`),
    // The unread sum reads this index alone (an index-only scan), whoever has how many unread conversations.
    index("conversation_participants_unread_idx")
      .on(table.userId, table.lastSeq, table.lastReadSeq, table.markedUnread)
      .where(unreadInInbox(table)),
  ],
);

/** A conversation the badge counts: in the inbox, with messages not yet read or marked unread. */
export function unreadInInbox(table: {
  lastSeq: AnyPgColumn;
  lastReadSeq: AnyPgColumn;
  markedUnread: AnyPgColumn;
  archivedAt: AnyPgColumn;
}) {
  return sql`(${table.lastSeq} > ${table.lastReadSeq} or ${table.markedUnread}) and ${table.archivedAt} is null`;
}

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom().$defaultFn(timeOrderedId),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    senderId: text("sender_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** The sender's idempotency key: sending the same message twice stores it once. */
    clientKey: text("client_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("messages_conversation_seq_idx").on(table.conversationId, table.seq),
    uniqueIndex("messages_sender_client_key_idx")
      .on(table.senderId, table.clientKey)
      .where(sql`${table.clientKey} IS NOT NULL`),
    index("messages_created_idx").on(table.createdAt),
    index("messages_sender_created_idx").on(table.senderId, table.createdAt),
  ],
);

/** A talent's block of a sender: no messages and no contact requests from them. */
export const userBlocks = pgTable(
  "user_blocks",
  {
    blockerId: text("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: text("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.blockerId, table.blockedId] })],
);

export const reportReason = pgEnum("report_reason", ["spam", "harassment", "inappropriate", "scam", "other"]);

export const conversationReports = pgTable(
  "conversation_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: reportReason("reason").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("conversation_reports_created_idx").on(table.createdAt.desc().nullsFirst())],
);
