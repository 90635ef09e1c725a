import { and, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import {
  contactRequestCounters,
  contactRequestEvents,
  contactRequests,
  contactRevealViews,
} from "@/db/schema/contact-requests";
import { containsPattern, exactTimestamp, keysetBefore, keysetCursor, utcDay, utcWeek } from "@/db/sql";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasPermission } from "@/modules/access/permissions";
import { findUserIdsByName, getAccountFacts } from "@/modules/access/queries";
import type { Actor } from "@/modules/access/types";
import { getPlanCapabilities } from "@/modules/billing/plans";
import { countBlocksOf, countReportsAgainst } from "@/modules/messaging/queries";
import { readContactDetails } from "@/modules/talents/queries";
import type { ContactDetails } from "@/modules/talents/types";
import { requestIdInput } from "./inputs";
import { quotaWindows, requestStatuses, revealedFields, type ContactField, type RequestStatus } from "./policies";

const r = contactRequests;

export type RequestSummary = {
  id: string;
  status: RequestStatus;
  projectTitle: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  otherName: string;
  otherUserId: string;
  /** Null when the talent has deleted their account. */
  talentProfileId: string | null;
};

export type RequestView = RequestSummary & {
  side: "talent" | "sender";
  productionType: string;
  description: string;
  shootStart: string | null;
  shootEnd: string | null;
  location: string;
  isPaid: boolean;
  rate: string;
  message: string;
  declineReason: string | null;
  sharedFields: string[];
  isRevoked: boolean;
  /** Exactly the contact details this viewer may see: none unless approved (or the talent's own). */
  revealed: Partial<ContactDetails> | null;
};

function pick(contact: ContactDetails, fields: ContactField[]): Partial<ContactDetails> {
  const shared: Partial<ContactDetails> = {};
  if (fields.includes("phone")) shared.phone = contact.phone;
  if (fields.includes("email")) shared.email = contact.email;
  if (fields.includes("agent"))
    Object.assign(shared, {
      agentName: contact.agentName,
      agency: contact.agency,
      agentPhone: contact.agentPhone,
      agentEmail: contact.agentEmail,
    });
  return shared;
}

/**
 * A request as its talent or its sender sees it, or null for anyone else (the
 * same answer as for an unknown id). Contact details are read only when the
 * reveal rule allows them. A pure read: the page that shows the sender the
 * details records the view with recordRevealView.
 */
export async function getRequestView(db: Db, actor: Actor, requestId: string): Promise<RequestView | null> {
  if (!requestIdInput.safeParse(requestId).success) return null;
  const [request] = await db
    .select()
    .from(r)
    .where(and(eq(r.id, requestId), sql`(${r.senderId} = ${actor.userId} or ${r.talentUserId} = ${actor.userId})`));
  if (!request) return null;
  const side = request.talentUserId === actor.userId ? "talent" : "sender";
  const otherUserId = side === "talent" ? request.senderId : request.talentUserId;
  const other = (await getAccountFacts(db, [otherUserId])).get(otherUserId);
  const fields = revealedFields(actor.userId, request);
  let revealed: Partial<ContactDetails> | null = null;
  if (fields.length > 0 && request.talentProfileId)
    revealed = pick(await readContactDetails(db, request.talentProfileId), fields);
  return {
    id: request.id,
    side,
    status: request.status,
    projectTitle: request.projectTitle,
    role: request.role,
    productionType: request.productionType,
    description: request.description,
    shootStart: request.shootStart,
    shootEnd: request.shootEnd,
    location: request.location,
    isPaid: request.isPaid,
    rate: request.rate,
    message: request.message,
    declineReason: request.declineReason,
    sharedFields: request.sharedFields,
    isRevoked: request.revokedAt !== null,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    otherName: other?.name ?? "Deleted user",
    otherUserId,
    talentProfileId: request.talentProfileId,
    revealed,
  };
}

/** Requests the actor sent or received, newest first, optionally of one status, keyset paginated. */
export type RequestListFilter = {
  status?: RequestStatus;
  q?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
};

/** Requests the actor sent or received, newest first: by status, project title or the other person's name, and date range. */
export async function listRequests(db: Db, actor: Actor, side: "sent" | "received", options: RequestListFilter = {}) {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const mine = side === "sent" ? eq(r.senderId, actor.userId) : eq(r.talentUserId, actor.userId);
  const otherSide = side === "sent" ? r.talentUserId : r.senderId;
  const named = options.q ? await findUserIdsByName(db, options.q) : [];
  const search = options.q
    ? or(ilike(r.projectTitle, containsPattern(options.q)), named.length ? inArray(otherSide, named) : undefined)
    : undefined;
  const isDate = (value?: string) =>
    Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));
  const from = isDate(options.from) ? gte(r.createdAt, new Date(`${options.from}T00:00:00Z`)) : undefined;
  const to = isDate(options.to)
    ? lt(r.createdAt, new Date(Date.parse(`${options.to}T00:00:00Z`) + 86_400_000))
    : undefined;
  const rows = await db
    .select({
      id: r.id,
      status: r.status,
      projectTitle: r.projectTitle,
      role: r.role,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      senderId: r.senderId,
      talentUserId: r.talentUserId,
      talentProfileId: r.talentProfileId,
      key: exactTimestamp(r.createdAt),
    })
    .from(r)
    .where(
      and(
        mine,
        options.status ? eq(r.status, options.status) : undefined,
        search,
        from,
        to,
        keysetBefore(options.cursor, r.createdAt, r.id),
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const accounts = await getAccountFacts(db, [
    ...new Set(page.map((row) => (side === "sent" ? row.talentUserId : row.senderId))),
  ]);
  const last = page.at(-1);
  return {
    items: page.map(({ key: _key, senderId, talentUserId, ...row }): RequestSummary => {
      const otherUserId = side === "sent" ? talentUserId : senderId;
      return { ...row, otherUserId, otherName: accounts.get(otherUserId)?.name ?? "Deleted user" };
    }),
    nextCursor: rows.length > limit && last ? keysetCursor(last) : null,
  };
}

/** How many requests the actor has, per status, on one side. */
export async function countRequestsByStatus(
  db: Db,
  actor: Actor,
  side: "sent" | "received",
): Promise<Partial<Record<RequestStatus, number>>> {
  const mine = side === "sent" ? eq(r.senderId, actor.userId) : eq(r.talentUserId, actor.userId);
  const rows = await db.select({ status: r.status, total: count() }).from(r).where(mine).groupBy(r.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.total]));
}

/** Who viewed the talent's shared details, and when: for the talent's own requests only. */
export async function listRevealViews(db: Db, actor: Actor, requestId: string) {
  if (!requestIdInput.safeParse(requestId).success) return [];
  return db
    .select({ viewedAt: contactRevealViews.viewedAt })
    .from(contactRevealViews)
    .innerJoin(r, eq(r.id, contactRevealViews.requestId))
    .where(and(eq(contactRevealViews.requestId, requestId), eq(r.talentUserId, actor.userId)))
    .orderBy(desc(contactRevealViews.viewedAt))
    .limit(50);
}

/** Contact requests the actor sent this month, against the plan's quota (for the billing page). */
export async function getMonthlyUsage(db: Db, actor: Actor, now = new Date()): Promise<number> {
  return (await getQuotaUsage(db, actor, now)).month;
}

/**
 * How many contact requests the actor may still send this month and today
 * (null for admins, who have no quota), so a bulk send can be refused whole
 * rather than run out halfway.
 */
export async function getRemainingQuota(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<{ month: number; day: number } | null> {
  if (actor.role === "ADMIN") return null;
  const used = await getQuotaUsage(db, actor, now);
  const monthly = getPlanCapabilities(actor.subscription?.plan ?? "PROFESSIONAL").contactRequestsPerMonth;
  return { month: Math.max(0, monthly - used.month), day: Math.max(0, getEnv().CONTACT_REQUEST_DAILY_CAP - used.day) };
}

async function getQuotaUsage(db: Db, actor: Actor, now: Date): Promise<{ month: number; day: number }> {
  const windows = quotaWindows(now);
  const rows = await db
    .select({ window: contactRequestCounters.window, used: contactRequestCounters.used })
    .from(contactRequestCounters)
    .where(
      and(
        eq(contactRequestCounters.senderId, actor.userId),
        inArray(contactRequestCounters.window, [windows.month, windows.day]),
      ),
    );
  const used = new Map(rows.map((row) => [row.window, row.used]));
  return { month: used.get(windows.month) ?? 0, day: used.get(windows.day) ?? 0 };
}

/**
 * The details a talent shared with the actor through an approved, unrevoked
 * request, for the talent's profile page; null when there is none. A pure
 * read: the page records the view with recordRevealView.
 */
export async function getSharedContactForProfile(
  db: Db,
  actor: Actor,
  profileId: string,
): Promise<{ requestId: string; details: Partial<ContactDetails> } | null> {
  if (!z.uuid().safeParse(profileId).success) return null;
  const [request] = await db
    .select()
    .from(r)
    .where(
      and(
        eq(r.talentProfileId, profileId),
        eq(r.senderId, actor.userId),
        eq(r.status, "APPROVED"),
        isNull(r.revokedAt),
      ),
    )
    .orderBy(desc(r.respondedAt))
    .limit(1);
  if (!request) return null;
  const fields = revealedFields(actor.userId, request);
  if (fields.length === 0) return null;
  return { requestId: request.id, details: pick(await readContactDetails(db, profileId), fields) };
}

export type SenderStats = {
  sent: number;
  approved: number;
  declined: number;
  answered: number;
  acceptanceRate: number | null;
};

function statsOf(row: { sent: number; approved: number; declined: number }): SenderStats {
  const answered = row.approved + row.declined;
  return { ...row, answered, acceptanceRate: answered > 0 ? row.approved / answered : null };
}

const statColumns = {
  sent: sql<number>`count(*)::int`,
  approved: sql<number>`(count(*) filter (where ${r.status} = 'APPROVED'))::int`,
  declined: sql<number>`(count(*) filter (where ${r.status} = 'DECLINED'))::int`,
};

/** A sender's track record, shown to the talent deciding on their request. */
export async function getSenderStats(db: Db, senderId: string): Promise<SenderStats> {
  const [row] = await db.select(statColumns).from(r).where(eq(r.senderId, senderId));
  return statsOf(row ?? { sent: 0, approved: 0, declined: 0 });
}

export const FLAG_MIN_REQUESTS = 10;
export const FLAG_MAX_ACCEPTANCE = 0.2;

export type SenderOversight = SenderStats & {
  senderId: string;
  name: string;
  email: string;
  isSuspended: boolean;
  blocks: number;
  reports: number;
  isFlagged: boolean;
};

/**
 * Per-sender statistics for admins, most active first: requests, answers,
 * acceptance, how many talents block them and how many reports name them.
 * Senders with at least FLAG_MIN_REQUESTS answered requests and an acceptance
 * below FLAG_MAX_ACCEPTANCE are flagged.
 */
export async function listSenderOversight(
  db: Db,
  actor: Actor,
  options: { flaggedOnly?: boolean; limit?: number } = {},
): Promise<SenderOversight[]> {
  if (!hasPermission(actor.role, "user:moderate")) throw new AppError("not_found");
  const rows = await db
    .select({ senderId: r.senderId, ...statColumns })
    .from(r)
    .groupBy(r.senderId)
    .orderBy(sql`count(*) desc`)
    .limit(options.limit ?? 200);
  const ids = rows.map((row) => row.senderId);
  const [accounts, blocks, reports] = await Promise.all([
    getAccountFacts(db, ids),
    countBlocksOf(db, ids),
    countReportsAgainst(db, ids),
  ]);
  const all = rows.map((row) => {
    const stats = statsOf(row);
    const account = accounts.get(row.senderId);
    return {
      ...stats,
      senderId: row.senderId,
      name: account?.name ?? "Deleted user",
      email: account?.email ?? "",
      isSuspended: account?.isSuspended ?? false,
      blocks: blocks.get(row.senderId) ?? 0,
      reports: reports.get(row.senderId) ?? 0,
      isFlagged: stats.answered >= FLAG_MIN_REQUESTS && (stats.acceptanceRate ?? 1) < FLAG_MAX_ACCEPTANCE,
    };
  });
  return options.flaggedOnly ? all.filter((row) => row.isFlagged) : all;
}

/** Every request, for admins: newest first, by status, searchable by project title; never the contact details. */
export async function listRequestsForAdmin(
  db: Db,
  actor: Actor,
  options: { status?: RequestStatus; q?: string; limit?: number } = {},
) {
  if (!hasPermission(actor.role, "user:moderate")) throw new AppError("not_found");
  const rows = await db
    .select({
      id: r.id,
      status: r.status,
      projectTitle: r.projectTitle,
      createdAt: r.createdAt,
      senderId: r.senderId,
      talentUserId: r.talentUserId,
    })
    .from(r)
    .where(
      and(
        options.status ? eq(r.status, options.status) : undefined,
        options.q ? ilike(r.projectTitle, containsPattern(options.q)) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(options.limit ?? 100);
  const accounts = await getAccountFacts(db, [...new Set(rows.flatMap((row) => [row.senderId, row.talentUserId]))]);
  return rows.map((row) => ({
    ...row,
    senderName: accounts.get(row.senderId)?.name ?? "Deleted user",
    talentName: accounts.get(row.talentUserId)?.name ?? "Deleted user",
  }));
}

const answerSeconds = sql<number>`extract(epoch from (${r.respondedAt} - ${r.createdAt}))`;
const isAnswered = inArray(r.status, ["APPROVED", "DECLINED"]);

export type DailyRequestActivity = {
  /** Requests sent per UTC day. */
  sent: { day: string; count: number }[];
  /** Requests that left PENDING per UTC day, by the status they reached, with the seconds the answered ones waited. */
  closed: { day: string; status: RequestStatus; count: number; answerSeconds: number }[];
  /** Per sender and UTC day: requests sent, requests answered by the talent and the seconds those waited. */
  bySender: { day: string; senderId: string; sent: number; answered: number; answerSeconds: number }[];
};

/** Contact request activity per UTC day in [from, to), for the activity rollups. */
export async function dailyRequestActivity(db: Db, from: Date, to: Date): Promise<DailyRequestActivity> {
  const sentDay = utcDay(r.createdAt);
  const closedDay = utcDay(r.respondedAt);
  const createdIn = and(gte(r.createdAt, from), lt(r.createdAt, to));
  const respondedIn = and(gte(r.respondedAt, from), lt(r.respondedAt, to));
  const seconds = sql<number>`coalesce(sum(${answerSeconds}) filter (where ${isAnswered}), 0)::float8`;
  // One after another, so this also runs inside a transaction (one connection).
  const sent = await db.select({ day: sentDay, count: count() }).from(r).where(createdIn).groupBy(sentDay);
  const closed = await db
    .select({ day: closedDay, status: r.status, count: count(), answerSeconds: seconds })
    .from(r)
    .where(respondedIn)
    .groupBy(closedDay, r.status);
  const senderSent = await db
    .select({ day: sentDay, senderId: r.senderId, count: count() })
    .from(r)
    .where(createdIn)
    .groupBy(sentDay, r.senderId);
  const senderAnswered = await db
    .select({ day: closedDay, senderId: r.senderId, count: count(), answerSeconds: seconds })
    .from(r)
    .where(and(respondedIn, isAnswered))
    .groupBy(closedDay, r.senderId);
  const bySender = new Map<string, DailyRequestActivity["bySender"][number]>();
  const entry = (day: string, senderId: string) => {
    const key = `${day}|${senderId}`;
    if (!bySender.has(key)) bySender.set(key, { day, senderId, sent: 0, answered: 0, answerSeconds: 0 });
    return bySender.get(key)!;
  };
  for (const row of senderSent) entry(row.day, row.senderId).sent = row.count;
  for (const row of senderAnswered)
    Object.assign(entry(row.day, row.senderId), { answered: row.count, answerSeconds: row.answerSeconds });
  return {
    sent,
    closed: closed.map((row) => ({ ...row, status: row.status as RequestStatus })),
    bySender: [...bySender.values()],
  };
}

export type RequestMetrics = {
  byStatus: Record<RequestStatus, number>;
  total: number;
  acceptanceRate: number | null;
  medianAnswerSeconds: number | null;
};

/**
 * An account's requests created since a moment (sent, or received by a
 * talent): how many by status, the share approved among those the talent
 * decided on or let expire, and the median time the answered ones waited.
 */
export async function getRequestMetrics(
  db: Db,
  userId: string,
  side: "sent" | "received",
  since: Date,
): Promise<RequestMetrics> {
  const mine = and(side === "sent" ? eq(r.senderId, userId) : eq(r.talentUserId, userId), gte(r.createdAt, since));
  const [rows, [median]] = await Promise.all([
    db.select({ status: r.status, total: count() }).from(r).where(mine).groupBy(r.status),
    db
      .select({ seconds: sql<number | null>`percentile_cont(0.5) within group (order by ${answerSeconds})` })
      .from(r)
      .where(and(mine, isAnswered)),
  ]);
  const byStatus = Object.fromEntries(requestStatuses.map((status) => [status, 0])) as Record<RequestStatus, number>;
  for (const row of rows) byStatus[row.status as RequestStatus] = row.total;
  const decided = byStatus.APPROVED + byStatus.DECLINED + byStatus.EXPIRED;
  return {
    byStatus,
    total: rows.reduce((sum, row) => sum + row.total, 0),
    acceptanceRate: decided > 0 ? byStatus.APPROVED / decided : null,
    medianAnswerSeconds: median?.seconds == null ? null : Number(median.seconds),
  };
}

/** An account's requests per UTC week (Monday) since a moment: created, and approved (by the week of the approval). */
export async function getRequestsByWeek(
  db: Db,
  userId: string,
  side: "sent" | "received",
  since: Date,
): Promise<{ week: string; created: number; approved: number }[]> {
  const owner = side === "sent" ? eq(r.senderId, userId) : eq(r.talentUserId, userId);
  const createdWeek = utcWeek(r.createdAt);
  const approvedWeek = utcWeek(r.respondedAt);
  const [created, approved] = await Promise.all([
    db
      .select({ week: createdWeek, total: count() })
      .from(r)
      .where(and(owner, gte(r.createdAt, since)))
      .groupBy(createdWeek),
    db
      .select({ week: approvedWeek, total: count() })
      .from(r)
      .where(and(owner, eq(r.status, "APPROVED"), gte(r.respondedAt, since)))
      .groupBy(approvedWeek),
  ]);
  const weeks = new Map<string, { week: string; created: number; approved: number }>();
  const at = (week: string) => weeks.get(week) ?? weeks.set(week, { week, created: 0, approved: 0 }).get(week)!;
  for (const row of created) at(row.week).created = row.total;
  for (const row of approved) at(row.week).approved = row.total;
  return [...weeks.values()];
}

export type RequestActivity = {
  at: Date;
  requestId: string;
  projectTitle: string;
  status: RequestStatus;
  isNew: boolean;
  side: "sent" | "received";
  otherName: string;
};

/** The latest changes to requests an account sent or received: new requests and their answers, newest first. */
export async function listRecentRequestActivity(db: Db, userId: string, limit = 10): Promise<RequestActivity[]> {
  const recent = (side: "sent" | "received") =>
    db
      .select({
        at: contactRequestEvents.at,
        requestId: r.id,
        projectTitle: r.projectTitle,
        status: contactRequestEvents.toStatus,
        from: contactRequestEvents.fromStatus,
        senderId: r.senderId,
        talentUserId: r.talentUserId,
      })
      .from(r)
      .innerJoin(contactRequestEvents, eq(contactRequestEvents.requestId, r.id))
      .where(side === "sent" ? eq(r.senderId, userId) : eq(r.talentUserId, userId))
      .orderBy(desc(contactRequestEvents.at))
      .limit(limit);
  const [sent, received] = await Promise.all([recent("sent"), recent("received")]);
  const rows = [
    ...sent.map((row) => ({ ...row, side: "sent" as const })),
    ...received.map((row) => ({ ...row, side: "received" as const })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
  const names = await getAccountFacts(db, [
    ...new Set(rows.map((row) => (row.side === "sent" ? row.talentUserId : row.senderId))),
  ]);
  return rows.map((row) => ({
    at: row.at,
    requestId: row.requestId,
    projectTitle: row.projectTitle,
    status: row.status as RequestStatus,
    isNew: row.from === null,
    side: row.side,
    otherName: names.get(row.side === "sent" ? row.talentUserId : row.senderId)?.name ?? "A former member",
  }));
}

/** Contact requests sent on the platform since a moment, for monitoring. */
export async function countRequestsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db.select({ total: count() }).from(r).where(gte(r.createdAt, since));
  return row?.total ?? 0;
}

/**
 * Every request an account sent or received, with its history, for its data
 * export. On an approved request it sent, the details the talent shared (by
 * the same reveal rule as the request page; reading them here is not logged
 * as a view). Also its request counters.
 */
export async function exportContactRequests(db: Db, userId: string) {
  const rows = await db
    .select()
    .from(r)
    .where(or(eq(r.senderId, userId), eq(r.talentUserId, userId)))
    .orderBy(desc(r.createdAt), desc(r.id));
  const events = rows.length
    ? await db
        .select({
          requestId: contactRequestEvents.requestId,
          actorId: contactRequestEvents.actorId,
          fromStatus: contactRequestEvents.fromStatus,
          toStatus: contactRequestEvents.toStatus,
          note: contactRequestEvents.note,
          at: contactRequestEvents.at,
        })
        .from(contactRequestEvents)
        .where(
          inArray(
            contactRequestEvents.requestId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(contactRequestEvents.at)
    : [];
  const accounts = await getAccountFacts(db, [
    ...new Set(rows.map((row) => (row.senderId === userId ? row.talentUserId : row.senderId))),
  ]);
  const requests = await Promise.all(
    rows.map(async (row) => {
      const side = row.senderId === userId ? "sent" : "received";
      const otherId = side === "sent" ? row.talentUserId : row.senderId;
      const fields = side === "sent" ? revealedFields(userId, row) : [];
      const sharedWithYou =
        fields.length > 0 && row.talentProfileId
          ? pick(await readContactDetails(db, row.talentProfileId), fields)
          : null;
      return {
        id: row.id,
        side,
        otherName: accounts.get(otherId)?.name ?? "Deleted user",
        status: row.status,
        projectTitle: row.projectTitle,
        role: row.role,
        productionType: row.productionType,
        description: row.description,
        shootStart: row.shootStart,
        shootEnd: row.shootEnd,
        location: row.location,
        isPaid: row.isPaid,
        rate: row.rate,
        message: row.message,
        declineReason: row.declineReason,
        sharedFields: row.sharedFields,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        respondedAt: row.respondedAt,
        revokedAt: row.revokedAt,
        sharedWithYou,
        history: events
          .filter((event) => event.requestId === row.id)
          .map((event) => ({
            by: event.actorId === userId ? "you" : event.actorId ? "the other side" : "Callback",
            fromStatus: event.fromStatus,
            toStatus: event.toStatus,
            note: event.note,
            at: event.at,
          })),
      };
    }),
  );
  const counters = await db
    .select({ window: contactRequestCounters.window, used: contactRequestCounters.used })
    .from(contactRequestCounters)
    .where(eq(contactRequestCounters.senderId, userId));
  return {
    sent: requests.filter((request) => request.side === "sent"),
    received: requests.filter((request) => request.side === "received"),
    counters,
  };
}
