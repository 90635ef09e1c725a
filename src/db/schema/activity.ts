import { bigint, date, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
