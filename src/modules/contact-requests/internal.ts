import "server-only";
import type { DailyRequestActivity, RequestActivity, RequestMetrics } from "./types";
import { and, desc, eq, gt, isNull, sql, type SQL, count, gte, inArray, lt, or, lte } from "drizzle-orm";
import { contactRequestCounters, contactRequestEvents, contactRequests } from "@/db/schema/contact-requests";
import { getAccountFacts } from "@/modules/access/internal";
import { type ContactField, type RequestStatus, revealedFields, requestStatuses } from "./policies";
import { utcDay, utcWeek } from "@/db/sql";
import type { ContactDetails } from "@/modules/talents/types";
import { resolveContactRequestNotifications } from "@/modules/notifications/internal";
import { notify } from "@/modules/notifications/notify";
import type { Db } from "@/db";
import { readContactDetails } from "@/modules/talents/internal";

/*
 * The contact-requests module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

const r = contactRequests;

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

/**
 * The scheduled part, run by the worker: reminds talents of requests expiring
 * within 48 hours (once), and expires the overdue ones with the same
 * conditional UPDATE as every other transition, telling their senders.
 */
export async function expireContactRequests(db: Db, now = new Date()): Promise<{ reminded: number; expired: number }> {
  return db.transaction(async (tx) => {
    const reminded = await tx
      .update(r)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(r.status, "PENDING"),
          isNull(r.reminderSentAt),
          lte(r.expiresAt, new Date(now.getTime() + 2 * DAY_MS)),
          gt(r.expiresAt, now),
        ),
      )
      .returning();
    const accounts = await getAccountFacts(tx, [...new Set(reminded.map((request) => request.senderId))]);
    for (const request of reminded) {
      await notify(tx, {
        userId: request.talentUserId,
        type: "contact_request.expiring_soon",
        payload: payloadOf(request, accounts.get(request.senderId)?.name ?? "A casting professional"),
        now,
      });
    }
    const expired = await expirePending(tx, lte(r.expiresAt, now), now);
    return { reminded: reminded.length, expired };
  });
}

/**
 * For an account being deleted, in the caller's transaction: every pending
 * request it sent or received expires now. Senders of requests it received are
 * told, as at any expiry; talents simply no longer see the request waiting.
 */
export async function expireRequestsOfDeletedAccount(tx: Db, userId: string, now = new Date()): Promise<number> {
  return expirePending(tx, or(eq(r.senderId, userId), eq(r.talentUserId, userId))!, now, userId);
}

/** For an account being deleted, in the caller's transaction: its request counters go (its requests stay for the other side). */
export async function removeRequestCountersOfAccount(tx: Db, userId: string): Promise<void> {
  await tx.delete(contactRequestCounters).where(eq(contactRequestCounters.senderId, userId));
}

export function pick(contact: ContactDetails, fields: ContactField[]): Partial<ContactDetails> {
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

const answerSeconds = sql<number>`extract(epoch from (${r.respondedAt} - ${r.createdAt}))`;

const isAnswered = inArray(r.status, ["APPROVED", "DECLINED"]);

export const DAY_MS = 86_400_000;

export function payloadOf(request: typeof r.$inferSelect, otherName: string) {
  return { requestId: request.id, projectTitle: request.projectTitle, otherName };
}

/**
 * Expires pending requests with the same conditional UPDATE as every other
 * transition, records each in the history, marks the talent's notifications of
 * it as expired, and tells its sender, unless the sender is the account that is
 * going away.
 */
async function expirePending(tx: Db, where: SQL, now: Date, quietFor?: string) {
  const expired = await tx
    .update(r)
    .set({ status: "EXPIRED", respondedAt: now })
    .where(and(eq(r.status, "PENDING"), where))
    .returning();
  const accounts = await getAccountFacts(tx, [...new Set(expired.map((request) => request.talentUserId))]);
  for (const request of expired) {
    await record(tx, request.id, null, "PENDING", "EXPIRED");
    await resolveContactRequestNotifications(tx, {
      talentUserId: request.talentUserId,
      requestId: request.id,
      outcome: "expired",
      at: now,
    });
    if (request.senderId === quietFor) continue;
    await notify(tx, {
      userId: request.senderId,
      type: "contact_request.expired",
      payload: payloadOf(request, accounts.get(request.talentUserId)?.name ?? "The talent"),
      now,
    });
  }
  return expired.length;
}

export async function record(
  tx: Db,
  requestId: string,
  actorId: string | null,
  from: RequestStatus | null,
  to: RequestStatus,
  note = "",
) {
  await tx.insert(contactRequestEvents).values({ requestId, actorId, fromStatus: from, toStatus: to, note });
}
