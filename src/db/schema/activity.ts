import { bigint, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Daily rollups for the dashboards: one value per metric, UTC day and subject
 * ("" for platform totals, a user id for per-sender figures). Written once per
 * closed day by the worker; days not rolled up yet are computed from the
 * source tables by the same code.
 */
export const activityDaily = pgTable(
  "activity_daily",
  {
    metric: text("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    subject: text("subject").notNull().default(""),
    value: bigint("value", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.metric, table.day, table.subject] })],
);

/** The UTC days whose rollups are complete in activity_daily. */
export const activityRolledDays = pgTable("activity_rolled_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  rolledAt: timestamp("rolled_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Contact request figures per sender, for the admin's busiest and slowest
 * lists: one row per sender and rolled-up day, and one per sender and month
 * (the sum of that month's day rows), so a year reads about twelve rows per
 * sender instead of one per active day.
 */
export const activitySenderTotals = pgTable(
  "activity_sender_totals",
  {
    period: text("period", { enum: ["day", "month"] }).notNull(),
    /** The day, or the first day of the month. */
    start: date("start", { mode: "string" }).notNull(),
    senderId: text("sender_id").notNull(),
    sent: integer("sent").notNull(),
    answered: integer("answered").notNull(),
    answerSeconds: bigint("answer_seconds", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.period, table.start, table.senderId] })],
);
