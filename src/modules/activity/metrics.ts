import "server-only";
import type { Db } from "@/db";
import { dailySignups } from "@/modules/access/internal";
import { getSubscriptionTotalsAt } from "@/modules/billing/internal";
import { dailyRequestActivity } from "@/modules/contact-requests/internal";
import { dailyMessages } from "@/modules/messaging/internal";
import { dailyProfileViews } from "@/modules/talents/internal";
import { addDays, daysBetween, startOf } from "./periods";

/** The platform-wide daily figures, each one value per UTC day. */
export const platformMetrics = [
  "signups.TALENT",
  "signups.PROFESSIONAL",
  "signups.COMPANY",
  "messages",
  "requests.sent",
  "requests.approved",
  "requests.declined",
  "requests.expired",
  "requests.withdrawn",
  "profile_views",
  "subscriptions.active",
  "revenue.mrr_cents",
] as const;
export type PlatformMetric = (typeof platformMetrics)[number];

/** Per-sender daily figures (the subject is the sender's account id). */
export const senderMetrics = ["sender.sent", "sender.answered", "sender.answer_seconds"] as const;
export type SenderMetric = (typeof senderMetrics)[number];

export type MetricRow = { metric: PlatformMetric | SenderMetric; day: string; subject: string; value: number };

/**
 * Every daily figure for the UTC days from `from` to `to` (both included),
 * read from the modules that own the data. The rollup stores these for closed
 * days; the dashboards compute the days not rolled up yet (today) the same way.
 * Zero values are left out.
 */
export async function measureDays(db: Db, from: string, to: string): Promise<MetricRow[]> {
  const start = startOf(from);
  const end = startOf(addDays(to, 1));
  // One after another: inside the rollup's transaction they share one connection.
  const signups = await dailySignups(db, start, end);
  const messages = await dailyMessages(db, start, end);
  const requests = await dailyRequestActivity(db, start, end);
  const views = await dailyProfileViews(db, from, addDays(to, 1));
  const rows: MetricRow[] = [];
  const platform = (metric: PlatformMetric, day: string, value: number) =>
    value && rows.push({ metric, day, subject: "", value });
  for (const row of signups) if (row.role !== "ADMIN") platform(`signups.${row.role}`, row.day, row.count);
  for (const row of messages) platform("messages", row.day, row.count);
  for (const row of views) platform("profile_views", row.day, row.count);
  for (const row of requests.sent) platform("requests.sent", row.day, row.count);
  for (const row of requests.closed) {
    if (row.status !== "PENDING")
      platform(
        `requests.${row.status.toLowerCase() as "approved" | "declined" | "expired" | "withdrawn"}`,
        row.day,
        row.count,
      );
  }
  for (const row of requests.bySender) {
    const sender = (metric: SenderMetric, value: number) =>
      value && rows.push({ metric, day: row.day, subject: row.senderId, value });
    sender("sender.sent", row.sent);
    sender("sender.answered", row.answered);
    sender("sender.answer_seconds", Math.round(row.answerSeconds));
  }
  for (const day of daysBetween(from, to)) {
    const totals = await getSubscriptionTotalsAt(db, startOf(addDays(day, 1)));
    platform("subscriptions.active", day, totals.active);
    platform("revenue.mrr_cents", day, totals.mrrCents);
  }
  return rows;
}
