import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contactRequestCounters, contactRequests, contactRevealViews } from "@/db/schema/contact-requests";
import { exactTimestamp } from "@/db/sql";
import { getAccountFacts } from "@/modules/access/queries";
import type { Actor } from "@/modules/access/types";
import { readContactDetails } from "@/modules/talents/queries";
import type { ContactDetails } from "@/modules/talents/types";
import { requestIdInput } from "./inputs";
import { quotaWindows, revealedFields, type ContactField, type RequestStatus } from "./policies";

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
  talentProfileId: string;
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
  if (fields.includes("agent")) Object.assign(shared, { agentName: contact.agentName, agency: contact.agency, agentPhone: contact.agentPhone, agentEmail: contact.agentEmail });
  return shared;
}

/**
 * A request as its talent or its sender sees it, or null for anyone else (the
 * same answer as for an unknown id). Contact details are read only when the
 * reveal rule allows them, and each time the sender sees them it is logged.
 */
export async function getRequestView(db: Db, actor: Actor, requestId: string): Promise<RequestView | null> {
  if (!requestIdInput.safeParse(requestId).success) return null;
  const [request] = await db.select().from(r).where(and(eq(r.id, requestId), sql`(${r.senderId} = ${actor.userId} or ${r.talentUserId} = ${actor.userId})`));
  if (!request) return null;
  const side = request.talentUserId === actor.userId ? "talent" : "sender";
  const otherUserId = side === "talent" ? request.senderId : request.talentUserId;
  const other = (await getAccountFacts(db, [otherUserId])).get(otherUserId);
  const fields = revealedFields(actor.userId, request);
  let revealed: Partial<ContactDetails> | null = null;
  if (fields.length > 0) {
    revealed = pick(await readContactDetails(db, request.talentProfileId), fields);
    if (side === "sender") await db.insert(contactRevealViews).values({ requestId: request.id, viewerId: actor.userId });
  }
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

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/;

/** Requests the actor sent or received, newest first, optionally of one status, keyset paginated. */
export async function listRequests(db: Db, actor: Actor, side: "sent" | "received", options: { status?: RequestStatus; cursor?: string; limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const mine = side === "sent" ? eq(r.senderId, actor.userId) : eq(r.talentUserId, actor.userId);
  const after = options.cursor?.match(cursorPattern);
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
    .where(and(mine, options.status ? eq(r.status, options.status) : undefined, after ? sql`(${r.createdAt}, ${r.id}) < (${after[1]}::timestamptz, ${after[2]}::uuid)` : undefined))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const accounts = await getAccountFacts(db, [...new Set(page.map((row) => (side === "sent" ? row.talentUserId : row.senderId)))]);
  const last = page.at(-1);
  return {
    items: page.map(({ key: _key, senderId, talentUserId, ...row }): RequestSummary => {
      const otherUserId = side === "sent" ? talentUserId : senderId;
      return { ...row, otherUserId, otherName: accounts.get(otherUserId)?.name ?? "Deleted user" };
    }),
    nextCursor: rows.length > limit && last ? `${last.key}|${last.id}` : null,
  };
}

/** How many requests the actor has, per status, on one side. */
export async function countRequestsByStatus(db: Db, actor: Actor, side: "sent" | "received"): Promise<Partial<Record<RequestStatus, number>>> {
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
  const [row] = await db
    .select({ used: contactRequestCounters.used })
    .from(contactRequestCounters)
    .where(and(eq(contactRequestCounters.senderId, actor.userId), eq(contactRequestCounters.window, quotaWindows(now).month)));
  return row?.used ?? 0;
}

/**
 * The details a talent shared with the actor through an approved, unrevoked
 * request, for the talent's profile page; null when there is none. Each view is logged.
 */
export async function getSharedContactForProfile(db: Db, actor: Actor, profileId: string): Promise<{ requestId: string; details: Partial<ContactDetails> } | null> {
  if (!requestIdInput.safeParse(profileId).success) return null;
  const [request] = await db
    .select()
    .from(r)
    .where(and(eq(r.talentProfileId, profileId), eq(r.senderId, actor.userId), eq(r.status, "APPROVED"), isNull(r.revokedAt)))
    .orderBy(desc(r.respondedAt))
    .limit(1);
  if (!request) return null;
  const fields = revealedFields(actor.userId, request);
  if (fields.length === 0) return null;
  await db.insert(contactRevealViews).values({ requestId: request.id, viewerId: actor.userId });
  return { requestId: request.id, details: pick(await readContactDetails(db, profileId), fields) };
}
