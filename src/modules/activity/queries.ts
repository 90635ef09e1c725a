import "server-only";
import { and, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { activityDaily, activitySenderTotals } from "@/db/schema/activity";
import { toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { canModerate, canSubscribe } from "@/modules/access/policies";
import { getAccountFacts } from "@/modules/access/internal";
import type { Actor } from "@/modules/access/types";
import { getPlanCapabilities } from "@/modules/billing/plans";
import { countCollectors } from "@/modules/collections/internal";
import { getMonthlyUsage } from "@/modules/contact-requests/queries";
import { getRequestMetrics, getRequestsByWeek, listRecentRequestActivity } from "@/modules/contact-requests/internal";
import type { RequestActivity, RequestMetrics } from "@/modules/contact-requests/types";
import { canSendRequests } from "@/modules/contact-requests/policies";
import { getMessageCounts } from "@/modules/messaging/internal";
import { canManageOwnProfile } from "@/modules/talents/policies";
import { getProfileIdOfUser, getProfileViewsByDay } from "@/modules/talents/internal";
import type { DateRange } from "./inputs";
import { measureDays, platformMetrics, type PlatformMetric } from "./metrics";
import { addDays, dayOf, daysBetween, lastWeeks, monthStart, startOf, weekOf } from "./periods";
import { getLastRolledDay, getRolledDays } from "./rollup";

const WEEKS = 12;

export type WeekPoint = { week: string; created: number; approved: number };

export type ProfessionalDashboard = {
  month: RequestMetrics;
  quota: { used: number; limit: number } | null;
  messages: { sent: number; received: number };
  weeks: WeekPoint[];
  recent: RequestActivity[];
};

/** Fills in the weeks without activity, so a chart shows them as zero rather than skipping them. */
function everyWeek(now: Date, rows: WeekPoint[]): WeekPoint[] {
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  return lastWeeks(now, WEEKS).map((week) => byWeek.get(week) ?? { week, created: 0, approved: 0 });
}

/** A professional's or company's own figures: this month's requests, messages and quota, 12 weeks of requests. */
export async function getProfessionalDashboard(db: Db, actor: Actor, now = new Date()): Promise<ProfessionalDashboard> {
  if (!canSendRequests(actor))
    throw new AppError("forbidden", "This dashboard is for casting professionals and companies.");
  const since = monthStart(now);
  const [month, messages, weeks, recent, used] = await Promise.all([
    getRequestMetrics(db, actor.userId, "sent", since),
    getMessageCounts(db, actor.userId, since),
    getRequestsByWeek(db, actor.userId, "sent", startOf(lastWeeks(now, WEEKS)[0]!)),
    listRecentRequestActivity(db, actor.userId),
    getMonthlyUsage(db, actor, now),
  ]);
  const quota =
    !canSubscribe(actor) || !actor.subscription
      ? null
      : { used, limit: getPlanCapabilities(actor.subscription.plan).contactRequestsPerMonth };
  return { month, quota, messages, weeks: everyWeek(now, weeks), recent };
}

export type TalentDashboard = {
  views: { last30Days: number; thisMonth: number };
  weeks: { week: string; views: number; requests: number }[];
  month: RequestMetrics;
  messages: { sent: number; received: number };
  collectors: number;
  recent: RequestActivity[];
};

/** A talent's own figures: profile views, requests received and answered, messages, and in how many collections they are. */
export async function getTalentDashboard(db: Db, actor: Actor, now = new Date()): Promise<TalentDashboard> {
  if (!canManageOwnProfile(actor)) throw new AppError("forbidden", "This dashboard is for talents.");
  const since = monthStart(now);
  const firstWeek = lastWeeks(now, WEEKS)[0]!;
  const today = dayOf(now);
  const profileId = await getProfileIdOfUser(db, actor.userId);
  const viewsFrom = [firstWeek, addDays(today, -29), dayOf(since)].sort()[0]!;
  const [views, requests, month, messages, collectors, recent] = await Promise.all([
    profileId ? getProfileViewsByDay(db, profileId, viewsFrom) : [],
    getRequestsByWeek(db, actor.userId, "received", startOf(firstWeek)),
    getRequestMetrics(db, actor.userId, "received", since),
    getMessageCounts(db, actor.userId, since),
    profileId ? countCollectors(db, profileId) : 0,
    listRecentRequestActivity(db, actor.userId),
  ]);
  const sum = (from: string) =>
    views.filter((row) => row.day >= from && row.day <= today).reduce((total, row) => total + row.views, 0);
  const viewsByWeek = new Map<string, number>();
  for (const row of views) viewsByWeek.set(weekOf(row.day), (viewsByWeek.get(weekOf(row.day)) ?? 0) + row.views);
  const requestsByWeek = new Map(requests.map((row) => [row.week, row.created]));
  return {
    views: { last30Days: sum(addDays(today, -29)), thisMonth: sum(dayOf(since)) },
    weeks: lastWeeks(now, WEEKS).map((week) => ({
      week,
      views: viewsByWeek.get(week) ?? 0,
      requests: requestsByWeek.get(week) ?? 0,
    })),
    month,
    messages,
    collectors,
    recent,
  };
}

export type SenderRow = {
  senderId: string;
  name: string;
  email: string;
  sent: number;
  answered: number;
  averageAnswerSeconds: number | null;
};

export type AdminDashboard = {
  range: DateRange;
  days: string[];
  series: Record<PlatformMetric, number[]>;
  totals: {
    signups: { TALENT: number; PROFESSIONAL: number; COMPANY: number };
    messages: number;
    requests: { sent: number; approved: number; declined: number; expired: number; withdrawn: number };
    acceptanceRate: number | null;
    profileViews: number;
    activeSubscriptions: { start: number; end: number };
    mrrCents: { start: number; end: number };
  };
  busiest: SenderRow[];
  slowest: SenderRow[];
};

/** Senders need this many answered requests in the range before they are ranked by how long talents take to answer them. */
export const SLOWEST_MIN_ANSWERED = 3;
const TOP = 10;

/**
 * The rolled-up per-sender figures of a range, summed per sender. A month
 * whose rolled days all fall in the range is read from its month row; the
 * other rolled days in the range from their day rows.
 */
async function readSenderTotals(db: Db, range: DateRange, days: string[], rolled: Set<string>) {
  const t = activitySenderTotals;
  const lastRolled = await getLastRolledDay(db);
  const months: string[] = [];
  const singleDays: string[] = [];
  for (const month of new Set(days.map((day) => dayOf(monthStart(startOf(day)))))) {
    const monthEnd = addDays(dayOf(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))), -1);
    const coversRolledDays =
      month >= range.from && (monthEnd <= range.to || (lastRolled !== null && lastRolled <= range.to));
    if (coversRolledDays) months.push(month);
    else singleDays.push(...days.filter((day) => day.startsWith(month.slice(0, 7)) && rolled.has(day)));
  }
  if (months.length === 0 && singleDays.length === 0) return [];
  const wanted = [
    ...(months.length ? [and(eq(t.period, "month"), inArray(t.start, months))!] : []),
    ...(singleDays.length ? [and(eq(t.period, "day"), inArray(t.start, singleDays))!] : []),
  ];
  return db
    .select({
      senderId: t.senderId,
      sent: sql<number>`sum(${t.sent})::float8`,
      answered: sql<number>`sum(${t.answered})::float8`,
      answerSeconds: sql<number>`sum(${t.answerSeconds})::float8`,
    })
    .from(t)
    .where(or(...wanted))
    .groupBy(t.senderId);
}

/** Runs of consecutive days, to compute the days not rolled up yet in as few passes as possible. */
function spans(days: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (const day of days) {
    const last = result.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else result.push([day, day]);
  }
  return result;
}

/**
 * The admin dashboard over a range of UTC days: daily series and totals for
 * the platform, and the busiest and slowest-answered senders. Closed days come
 * from the rollups (one indexed range read per metric); the days not rolled up
 * yet (today, and any the worker has not reached) are computed from the source
 * tables by the same code the rollup uses.
 */
export async function getAdminDashboard(db: Db, actor: Actor, range: DateRange): Promise<AdminDashboard> {
  if (!canModerate(actor)) throw new AppError("forbidden", "The platform dashboard is for admins.");
  const days = daysBetween(range.from, range.to);
  const rolled = await getRolledDays(db, range.from, range.to);
  const inRange = and(gte(activityDaily.day, range.from), lte(activityDaily.day, range.to));
  const [stored, storedSenders, live] = await Promise.all([
    db
      .select({ metric: activityDaily.metric, day: activityDaily.day, value: activityDaily.value })
      .from(activityDaily)
      .where(and(inArray(activityDaily.metric, [...platformMetrics]), inRange, eq(activityDaily.subject, ""))),
    readSenderTotals(db, range, days, rolled),
    Promise.all(spans(days.filter((day) => !rolled.has(day))).map(([from, to]) => measureDays(db, from, to))).then(
      (parts) => parts.flat(),
    ),
  ]);

  const index = new Map(days.map((day, position) => [day, position]));
  const series = Object.fromEntries(platformMetrics.map((metric) => [metric, days.map(() => 0)])) as Record<
    PlatformMetric,
    number[]
  >;
  const place = (row: { metric: string; day: string; value: number }) => {
    const position = index.get(row.day);
    if (position !== undefined && row.metric in series)
      series[row.metric as PlatformMetric][position] = Number(row.value);
  };
  stored.forEach(place);
  const senders = new Map(
    storedSenders.map((row) => [
      row.senderId,
      { sent: row.sent, answered: row.answered, answerSeconds: row.answerSeconds },
    ]),
  );
  for (const row of live) {
    if (row.subject === "") place(row);
    else {
      const sender = senders.get(row.subject) ?? { sent: 0, answered: 0, answerSeconds: 0 };
      if (row.metric === "sender.sent") sender.sent += row.value;
      if (row.metric === "sender.answered") sender.answered += row.value;
      if (row.metric === "sender.answer_seconds") sender.answerSeconds += row.value;
      senders.set(row.subject, sender);
    }
  }

  const total = (metric: PlatformMetric) => series[metric].reduce((sum, value) => sum + value, 0);
  const requests = {
    sent: total("requests.sent"),
    approved: total("requests.approved"),
    declined: total("requests.declined"),
    expired: total("requests.expired"),
    withdrawn: total("requests.withdrawn"),
  };
  const decided = requests.approved + requests.declined + requests.expired;
  const ranked = [...senders.entries()].map(([senderId, figures]) => ({
    senderId,
    ...figures,
    average: figures.answered ? figures.answerSeconds / figures.answered : null,
  }));
  const busiest = ranked
    .filter((row) => row.sent > 0)
    .sort((a, b) => b.sent - a.sent || a.senderId.localeCompare(b.senderId))
    .slice(0, TOP);
  const slowest = ranked
    .filter((row) => row.answered >= SLOWEST_MIN_ANSWERED)
    .sort((a, b) => b.average! - a.average! || a.senderId.localeCompare(b.senderId))
    .slice(0, TOP);
  const accounts = await getAccountFacts(db, [...new Set([...busiest, ...slowest].map((row) => row.senderId))]);
  const toRow = (row: (typeof ranked)[number]): SenderRow => ({
    senderId: row.senderId,
    name: accounts.get(row.senderId)?.name ?? "A deleted account",
    email: accounts.get(row.senderId)?.email ?? "",
    sent: row.sent,
    answered: row.answered,
    averageAnswerSeconds: row.average,
  });
  const first = (metric: PlatformMetric) => series[metric][0] ?? 0;
  const last = (metric: PlatformMetric) => series[metric].at(-1) ?? 0;
  return {
    range,
    days,
    series,
    totals: {
      signups: {
        TALENT: total("signups.TALENT"),
        PROFESSIONAL: total("signups.PROFESSIONAL"),
        COMPANY: total("signups.COMPANY"),
      },
      messages: total("messages"),
      requests,
      acceptanceRate: decided > 0 ? requests.approved / decided : null,
      profileViews: total("profile_views"),
      activeSubscriptions: { start: first("subscriptions.active"), end: last("subscriptions.active") },
      mrrCents: { start: first("revenue.mrr_cents"), end: last("revenue.mrr_cents") },
    },
    busiest: busiest.map(toRow),
    slowest: slowest.map(toRow),
  };
}

const csvColumns: [PlatformMetric, string][] = [
  ["signups.TALENT", "Talent sign-ups"],
  ["signups.PROFESSIONAL", "Professional sign-ups"],
  ["signups.COMPANY", "Company sign-ups"],
  ["subscriptions.active", "Active subscriptions"],
  ["revenue.mrr_cents", "MRR (USD)"],
  ["messages", "Messages"],
  ["requests.sent", "Requests sent"],
  ["requests.approved", "Requests approved"],
  ["requests.declined", "Requests declined"],
  ["requests.expired", "Requests expired"],
  ["requests.withdrawn", "Requests withdrawn"],
  ["profile_views", "Profile views"],
];

/** The admin dashboard's daily series as CSV, one row per UTC day. */
export function adminDashboardCsv(dashboard: AdminDashboard): { filename: string; csv: string } {
  const rows = dashboard.days.map((day, position) => [
    day,
    ...csvColumns.map(([metric]) =>
      metric === "revenue.mrr_cents"
        ? (dashboard.series[metric][position]! / 100).toFixed(2)
        : dashboard.series[metric][position]!,
    ),
  ]);
  return {
    filename: `callback-activity-${dashboard.range.from}-to-${dashboard.range.to}.csv`,
    csv: toCsv(["Day (UTC)", ...csvColumns.map(([, label]) => label)], rows),
  };
}
