import { and, arrayOverlaps, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import {
  contactRequestCounters,
  contactRequestEvents,
  contactRequests,
  contactRevealViews,
} from "@/db/schema/contact-requests";
import { getEnv } from "@/lib/env";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { getAccountFacts } from "@/modules/access/queries";
import type { Actor } from "@/modules/access/types";
import { getPlanCapabilities } from "@/modules/billing/plans";
import { blockUser } from "@/modules/messaging/mutations";
import { isBlocked } from "@/modules/messaging/queries";
import { notify } from "@/modules/notifications/notify";
import { getProfileOwner } from "@/modules/talents/queries";
import type { ContactRequestInput } from "./inputs";
import {
  canSendContactRequest,
  contactFields,
  nextMonthStart,
  quotaWindows,
  type ContactField,
  type RequestStatus,
} from "./policies";

const r = contactRequests;
const DAY_MS = 86_400_000;
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function enforce(decision: ReturnType<typeof canSendContactRequest>) {
  if (!decision.allowed) throw new AppError(decision.code, decision.message);
}

/** Raises a sender's counter for a window only while it is under the limit; false when the limit is reached. */
async function takeFromQuota(tx: Db, senderId: string, window: string, limit: number): Promise<boolean> {
  const [row] = await tx
    .insert(contactRequestCounters)
    .values({ senderId, window, used: 1 })
    .onConflictDoUpdate({
      target: [contactRequestCounters.senderId, contactRequestCounters.window],
      set: { used: sql`${contactRequestCounters.used} + 1` },
      setWhere: sql`${contactRequestCounters.used} < ${limit}`,
    })
    .returning({ used: contactRequestCounters.used });
  return Boolean(row) && row!.used <= limit;
}

async function record(
  tx: Db,
  requestId: string,
  actorId: string | null,
  from: RequestStatus | null,
  to: RequestStatus,
  note = "",
) {
  await tx.insert(contactRequestEvents).values({ requestId, actorId, fromStatus: from, toStatus: to, note });
}

/**
 * Sends a contact request. In one transaction: the rules, the 30-day cooldown
 * after a decline, the monthly quota of the plan and the daily cap (counters
 * raised only while under their limit, so concurrent sends never exceed them),
 * the request itself (one PENDING per sender and talent, by a partial unique
 * index), its first history entry and the talent's notification.
 */
export async function sendContactRequest(
  db: Db,
  actor: Actor,
  input: ContactRequestInput,
  now = new Date(),
): Promise<string> {
  const env = getEnv();
  const owner = await getProfileOwner(db, input.profileId);
  const account = owner ? (await getAccountFacts(db, [owner.userId])).get(owner.userId) : undefined;
  enforce(
    canSendContactRequest(actor, {
      userId: owner?.userId ?? null,
      role: account?.role ?? null,
      isSuspended: account?.isSuspended ?? false,
      hasBlockedSender: owner ? await isBlocked(db, owner.userId, actor.userId) : false,
      isListed: owner?.isListed ?? false,
    }),
  );
  const talentUserId = owner!.userId;

  const [lastDecline] = await db
    .select({ respondedAt: r.respondedAt })
    .from(r)
    .where(
      and(
        eq(r.senderId, actor.userId),
        eq(r.talentUserId, talentUserId),
        eq(r.status, "DECLINED"),
        gt(r.respondedAt, new Date(now.getTime() - env.CONTACT_REQUEST_COOLDOWN_DAYS * DAY_MS)),
      ),
    )
    .orderBy(desc(r.respondedAt))
    .limit(1);
  if (lastDecline?.respondedAt) {
    const again = new Date(lastDecline.respondedAt.getTime() + env.CONTACT_REQUEST_COOLDOWN_DAYS * DAY_MS);
    throw new AppError(
      "rate_limited",
      `This talent declined your last request. You can ask again from ${dateFormat.format(again)}.`,
    );
  }

  try {
    return await db.transaction(async (tx) => {
      if (actor.role !== "ADMIN") {
        const windows = quotaWindows(now);
        const monthly = getPlanCapabilities(actor.subscription?.plan ?? "PROFESSIONAL").contactRequestsPerMonth;
        if (!(await takeFromQuota(tx, actor.userId, windows.month, monthly))) {
          throw new AppError(
            "rate_limited",
            `You have used all ${monthly} contact requests of your plan this month. More are available from ${dateFormat.format(nextMonthStart(now))}.`,
          );
        }
        if (!(await takeFromQuota(tx, actor.userId, windows.day, env.CONTACT_REQUEST_DAILY_CAP))) {
          throw new AppError(
            "rate_limited",
            `You can send at most ${env.CONTACT_REQUEST_DAILY_CAP} contact requests a day. Try again tomorrow (after midnight UTC).`,
          );
        }
      }
      const [created] = await tx
        .insert(r)
        .values({
          senderId: actor.userId,
          talentUserId,
          talentProfileId: input.profileId,
          projectTitle: input.projectTitle,
          role: input.role,
          productionType: input.productionType,
          description: input.description,
          shootStart: input.shootStart ?? null,
          shootEnd: input.shootEnd ?? null,
          location: input.location,
          isPaid: input.isPaid,
          rate: input.isPaid ? input.rate : "",
          message: input.message,
          createdAt: now,
          expiresAt: new Date(now.getTime() + env.CONTACT_REQUEST_EXPIRY_DAYS * DAY_MS),
        })
        .returning({ id: r.id });
      await record(tx, created!.id, actor.userId, null, "PENDING");
      await notify(tx, {
        userId: talentUserId,
        type: "contact_request.received",
        payload: { requestId: created!.id, projectTitle: input.projectTitle, otherName: actor.name },
        now,
      });
      return created!.id;
    });
  } catch (error) {
    if (postgresErrorCode(error) === UNIQUE_VIOLATION)
      throw new AppError(
        "conflict",
        "You already have a pending request to this talent. Wait for the answer, or withdraw it first.",
      );
    throw error;
  }
}

const NO_LONGER_PENDING = "This request is no longer pending: it was answered, withdrawn or has expired.";

/**
 * Moves a request out of PENDING with one conditional UPDATE (the actor's own,
 * still pending, not expired), so among concurrent answers exactly one wins;
 * the others learn the request is no longer pending. An id that is not the
 * actor's answers "not found", as for one that does not exist.
 */
async function transition(
  db: Db,
  actor: Actor,
  requestId: string,
  side: "talent" | "sender",
  to: RequestStatus,
  values: Partial<typeof r.$inferInsert>,
  after: (tx: Db, request: typeof r.$inferSelect) => Promise<void>,
) {
  if (!isUuid(requestId)) throw new AppError("not_found", "That request does not exist.");
  const owner = side === "talent" ? eq(r.talentUserId, actor.userId) : eq(r.senderId, actor.userId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(r)
      .set({ status: to, respondedAt: new Date(), ...values })
      .where(and(eq(r.id, requestId), owner, eq(r.status, "PENDING"), gt(r.expiresAt, sql`now()`)))
      .returning();
    if (!updated) {
      const [exists] = await tx
        .select({ id: r.id })
        .from(r)
        .where(and(eq(r.id, requestId), owner));
      throw exists
        ? new AppError("conflict", NO_LONGER_PENDING)
        : new AppError("not_found", "That request does not exist.");
    }
    await record(tx, requestId, actor.userId, "PENDING", to);
    await after(tx, updated);
    return updated;
  });
}

function payloadOf(request: typeof r.$inferSelect, otherName: string) {
  return { requestId: request.id, projectTitle: request.projectTitle, otherName };
}

export async function approveContactRequest(
  db: Db,
  actor: Actor,
  input: { requestId: string; sharedFields: ContactField[] },
) {
  return transition(
    db,
    actor,
    input.requestId,
    "talent",
    "APPROVED",
    { sharedFields: input.sharedFields },
    (tx, request) =>
      notify(tx, {
        userId: request.senderId,
        type: "contact_request.approved",
        payload: payloadOf(request, actor.name),
      }).then(() => undefined),
  );
}

export async function declineContactRequest(
  db: Db,
  actor: Actor,
  input: { requestId: string; reason?: (typeof r.$inferSelect)["declineReason"]; block: boolean },
) {
  return transition(
    db,
    actor,
    input.requestId,
    "talent",
    "DECLINED",
    { declineReason: input.reason ?? null },
    async (tx, request) => {
      if (input.block) await blockUser(tx, actor.userId, request.senderId);
      await notify(tx, {
        userId: request.senderId,
        type: "contact_request.declined",
        payload: payloadOf(request, actor.name),
      });
    },
  );
}

export async function withdrawContactRequest(db: Db, actor: Actor, requestId: string) {
  return transition(db, actor, requestId, "sender", "WITHDRAWN", {}, async () => undefined);
}

/** The talent takes back an approval: the requester loses access to the details at once. */
export async function revokeApproval(db: Db, actor: Actor, requestId: string) {
  if (!isUuid(requestId)) throw new AppError("not_found", "There is no approval to revoke on that request.");
  const [revoked] = await db
    .update(r)
    .set({ revokedAt: new Date() })
    .where(and(eq(r.id, requestId), eq(r.talentUserId, actor.userId), eq(r.status, "APPROVED"), isNull(r.revokedAt)))
    .returning({ id: r.id });
  if (!revoked) throw new AppError("not_found", "There is no approval to revoke on that request.");
  await record(db, requestId, actor.userId, "APPROVED", "APPROVED", "approval revoked");
}

/**
 * Records that the sender of a request saw the details the talent shared, for
 * the talent's "viewed" count. One conditional insert: only the sender of an
 * approved, unrevoked request with shared fields and a profile (the sender's
 * side of revealedFields, as getRequestView applies it) gets a row; for anyone
 * or anything else nothing is written. True when a view was recorded.
 */
export async function recordRevealView(db: Db, actor: Actor, requestId: string): Promise<boolean> {
  if (!isUuid(requestId)) return false;
  const recorded = await db
    .insert(contactRevealViews)
    .select(
      db
        .select({
          id: sql<string>`gen_random_uuid()`.as("id"),
          requestId: r.id,
          viewerId: r.senderId,
          viewedAt: sql<Date>`now()`.as("viewed_at"),
        })
        .from(r)
        .where(
          and(
            eq(r.id, requestId),
            eq(r.senderId, actor.userId),
            eq(r.status, "APPROVED"),
            isNull(r.revokedAt),
            isNotNull(r.talentProfileId),
            arrayOverlaps(r.sharedFields, [...contactFields]),
          ),
        ),
    )
    .returning({ id: contactRevealViews.id });
  return recorded.length > 0;
}

/**
 * Expires pending requests with the same conditional UPDATE as every other
 * transition, records each in the history and tells its sender, unless the
 * sender is the account that is going away.
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
