import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { users } from "./auth";
import { talentProfiles } from "./talents";

export const contactRequestStatus = pgEnum("contact_request_status", [
  "PENDING",
  "APPROVED",
  "DECLINED",
  "EXPIRED",
  "WITHDRAWN",
]);
export const declineReason = pgEnum("contact_request_decline_reason", [
  "not_right",
  "unavailable",
  "rate_too_low",
  "other",
]);

/**
 * A request for a talent's contact details. It moves PENDING -> APPROVED |
 * DECLINED | EXPIRED | WITHDRAWN by conditional UPDATEs only, so races have one
 * winner; at most one PENDING request per sender and talent.
 */
export const contactRequests = pgTable(
  "contact_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: text("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    talentUserId: text("talent_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null once the talent deleted their account: the sender keeps the request, without the profile. */
    talentProfileId: uuid("talent_profile_id").references(() => talentProfiles.id, { onDelete: "set null" }),
    projectTitle: text("project_title").notNull(),
    role: text("role").notNull(),
    productionType: text("production_type").notNull(),
    description: text("description").notNull(),
    shootStart: date("shoot_start", { mode: "string" }),
    shootEnd: date("shoot_end", { mode: "string" }),
    location: text("location").notNull().default(""),
    isPaid: boolean("is_paid").notNull(),
    rate: text("rate").notNull().default(""),
    message: text("message").notNull().default(""),
    status: contactRequestStatus("status").notNull().default("PENDING"),
    declineReason: declineReason("decline_reason"),
    /** What the talent chose to share on approval: phone, email, agent. */
    sharedFields: text("shared_fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("contact_requests_one_pending_idx")
      .on(table.senderId, table.talentUserId)
      .where(sql`${table.status} = 'PENDING'`),
    index("contact_requests_talent_idx").on(
      table.talentUserId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("contact_requests_sender_idx").on(
      table.senderId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("contact_requests_created_idx").on(table.createdAt),
    index("contact_requests_responded_idx")
      .on(table.respondedAt)
      .where(sql`${table.respondedAt} IS NOT NULL`),
    index("contact_requests_pending_expiry_idx")
      .on(table.expiresAt)
      .where(sql`${table.status} = 'PENDING'`),
  ],
);

/** Every transition of a request: who made it, when, from which status to which. */
export const contactRequestEvents = pgTable(
  "contact_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => contactRequests.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    fromStatus: contactRequestStatus("from_status"),
    toStatus: contactRequestStatus("to_status").notNull(),
    note: text("note").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("contact_request_events_request_idx").on(table.requestId, table.at)],
);

/** Each time an approved requester views the shared details. */
export const contactRevealViews = pgTable(
  "contact_reveal_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => contactRequests.id, { onDelete: "cascade" }),
    viewerId: text("viewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("contact_reveal_views_request_idx").on(table.requestId, table.viewedAt)],
);

/** Requests counted per sender per window ("month:2026-11", "day:2026-11-21"), raised only while under the limit. */
export const contactRequestCounters = pgTable(
  "contact_request_counters",
  {
    senderId: text("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    window: text("window").notNull(),
    used: integer("used").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.senderId, table.window] })],
);
