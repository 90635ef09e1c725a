import "server-only";
import { and, arrayOverlaps, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contactRequestCounters, contactRequests, contactRevealViews } from "@/db/schema/contact-requests";
import { getEnv } from "@/lib/env";
import { enforce } from "@/lib/decision";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { getAccountFacts } from "@/modules/access/internal";
import type { Actor } from "@/modules/access/types";
import { getPlanCapabilities } from "@/modules/billing/plans";
import { blockUser } from "@/modules/messaging/internal";
import { isBlocked } from "@/modules/messaging/queries";
import { resolveContactRequestNotifications } from "@/modules/notifications/internal";
import { notify } from "@/modules/notifications/notify";
import { getProfileOwner } from "@/modules/talents/queries";
import type { ContactRequestInput } from "./inputs";
import {
  canSendContactRequest,
  canTransition,
  contactFields,
  hasRequestQuota,
  nextMonthStart,
  NO_LONGER_PENDING,
  quotaWindows,
  type ContactField,
  type RequestSide,
  type RequestStatus,
} from "./policies";
import { DAY_MS, payloadOf, record } from "./internal";
import { formatDateTime } from "@/lib/dates";

const r = contactRequests;
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
      `This talent declined your last request. You can ask again from ${formatDateTime(again, actor.timeZone, { zone: true })}.`,
    );
  }

  try {
    return await db.transaction(async (tx) => {
      if (hasRequestQuota(actor)) {
        const windows = quotaWindows(now);
        const monthly = getPlanCapabilities(actor.subscription?.plan ?? "PROFESSIONAL").contactRequestsPerMonth;
        if (!(await takeFromQuota(tx, actor.userId, windows.month, monthly))) {
          throw new AppError(
            "rate_limited",
            `You have used all ${monthly} contact requests of your plan this month. More are available from ${formatDateTime(nextMonthStart(now), actor.timeZone, { zone: true })}.`,
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

const outcomes = { APPROVED: "approved", DECLINED: "declined", WITHDRAWN: "withdrawn", EXPIRED: "expired" } as const;

/**
 * Moves a request out of PENDING with one conditional UPDATE (the actor's own,
 * still pending, not expired), so among concurrent answers exactly one wins;
 * the others learn the request is no longer pending. The state machine and the
 * side's permission decide the move first (canTransition). An id that is not
 * the actor's answers "not found", as for one that does not exist. In the same
 * transaction, the talent's notifications asking them to act on the request
 * are marked done with what happened.
 */
async function transition(
  db: Db,
  actor: Actor,
  requestId: string,
  side: RequestSide,
  to: RequestStatus,
  values: Partial<typeof r.$inferInsert>,
  after: (tx: Db, request: typeof r.$inferSelect) => Promise<void>,
) {
  if (!isUuid(requestId)) throw new AppError("not_found", "That request does not exist.");
  const from: RequestStatus = "PENDING";
  enforce(canTransition(actor, side, from, to));
  const owner = side === "talent" ? eq(r.talentUserId, actor.userId) : eq(r.senderId, actor.userId);
  const outcome = outcomes[to as keyof typeof outcomes];
  return db.transaction(async (tx) => {
    const respondedAt = new Date();
    const [updated] = await tx
      .update(r)
      .set({ status: to, respondedAt, ...values })
      .where(and(eq(r.id, requestId), owner, eq(r.status, from), gt(r.expiresAt, sql`now()`)))
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
    await record(tx, requestId, actor.userId, from, to);
    await resolveContactRequestNotifications(tx, {
      talentUserId: updated.talentUserId,
      requestId,
      outcome,
      at: respondedAt,
    });
    await after(tx, updated);
    return updated;
  });
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
