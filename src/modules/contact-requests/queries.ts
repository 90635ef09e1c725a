import "server-only";
import { and, count, desc, eq, gt, gte, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { contactRequestCounters, contactRequests, contactRevealViews } from "@/db/schema/contact-requests";
import { containsPattern, exactTimestamp, keysetBefore, keysetCursor } from "@/db/sql";
import { enforce } from "@/lib/decision";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { canModerate } from "@/modules/access/policies";
import { findUserIdsByName, getAccountFacts } from "@/modules/access/internal";
import type { Actor } from "@/modules/access/types";
import { getPlanCapabilities } from "@/modules/billing/plans";
import { countBlocksOf, countReportsAgainst } from "@/modules/messaging/internal";
import { readContactDetails } from "@/modules/talents/internal";
import type { ContactDetails } from "@/modules/talents/types";
import { requestIdInput } from "./inputs";
import {
  canAskTalentAgain,
  canSeeSenderStats,
  canSendRequests,
  canUseRequestQuota,
  describeRemainingQuota,
  hasRequestQuota,
  quotaWindows,
  revealedFields,
  type RequestStatus,
} from "./policies";
import type { RequestBlock, RequestPrecheck } from "./types";
import { pick } from "./internal";

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
  if (!hasRequestQuota(actor)) return null;
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

/**
 * A sender's track record, shown to the talent deciding on their request (and
 * to moderators); for anyone else the sender is "not found". One read: the
 * figures, and whether the actor received a request from the sender.
 */
export async function getSenderStats(db: Db, actor: Actor, senderId: string): Promise<SenderStats> {
  if (!isUuid(senderId)) throw new AppError("not_found", "We could not find that sender.");
  const [row] = await db
    .select({
      ...statColumns,
      received: sql<number>`(count(*) filter (where ${r.talentUserId} = ${actor.userId}))::int`,
    })
    .from(r)
    .where(eq(r.senderId, senderId));
  const { received, ...stats } = row ?? { sent: 0, approved: 0, declined: 0, received: 0 };
  enforce(canSeeSenderStats(actor, { hasReceivedRequestFromSender: received > 0 }));
  return statsOf(stats);
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
  if (!canModerate(actor)) throw new AppError("not_found");
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
  if (!canModerate(actor)) throw new AppError("not_found");
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

/** Contact requests sent on the platform since a moment, for monitoring. */
// Public: a platform-wide count with no personal data, for the token-guarded metrics endpoint.
export async function countRequestsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db.select({ total: count() }).from(r).where(gte(r.createdAt, since));
  return row?.total ?? 0;
}

/**
 * Before a request form is filled in: whether the actor's quota has a request
 * left (and how many), and for each talent profile whether a request to them
 * is pending or the cooldown after their decline still runs. Two reads (the
 * counters, the actor's open or recently declined requests to these talents);
 * only the actor's own data. The send mutation checks all of it again in the
 * database.
 */
export async function getRequestPrecheck(
  db: Db,
  actor: Actor,
  profileIds: string[],
  now = new Date(),
): Promise<RequestPrecheck> {
  if (!canSendRequests(actor)) throw new AppError("not_found");
  const env = getEnv();
  const ids = [...new Set(profileIds.filter(isUuid))];
  const cooldownStart = new Date(now.getTime() - env.CONTACT_REQUEST_COOLDOWN_DAYS * 86_400_000);
  const [used, rows] = await Promise.all([
    hasRequestQuota(actor) ? getQuotaUsage(db, actor, now) : null,
    ids.length
      ? db
          .select({ id: r.id, profileId: r.talentProfileId, status: r.status, respondedAt: r.respondedAt })
          .from(r)
          .where(
            and(
              eq(r.senderId, actor.userId),
              inArray(r.talentProfileId, ids),
              or(eq(r.status, "PENDING"), and(eq(r.status, "DECLINED"), gt(r.respondedAt, cooldownStart))),
            ),
          )
      : [],
  ]);
  const quota = used
    ? {
        monthUsed: used.month,
        monthLimit: getPlanCapabilities(actor.subscription?.plan ?? "PROFESSIONAL").contactRequestsPerMonth,
        dayUsed: used.day,
        dayCap: env.CONTACT_REQUEST_DAILY_CAP,
      }
    : null;
  const quotaDecision = quota ? canUseRequestQuota(quota, now) : null;
  const talentBlocks: Record<string, RequestBlock> = {};
  for (const profileId of ids) {
    const mine = rows.filter((row) => row.profileId === profileId);
    const pending = mine.find((row) => row.status === "PENDING");
    const declinedAt = mine
      .filter((row) => row.status === "DECLINED" && row.respondedAt)
      .map((row) => row.respondedAt!.getTime())
      .sort((a, b) => b - a)[0];
    const decision = canAskTalentAgain({
      pendingRequestId: pending?.id ?? null,
      lastDeclinedAt: declinedAt === undefined ? null : new Date(declinedAt),
      cooldownDays: env.CONTACT_REQUEST_COOLDOWN_DAYS,
    });
    if (!decision.allowed)
      talentBlocks[profileId] = { message: decision.message, pendingRequestId: pending?.id ?? null };
  }
  return {
    quotaBlock:
      quotaDecision && !quotaDecision.allowed ? { message: quotaDecision.message, pendingRequestId: null } : null,
    remainingNote: quota ? describeRemainingQuota(quota) : null,
    talentBlocks,
  };
}
