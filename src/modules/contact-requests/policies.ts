import { allow, deny, type Decision } from "@/lib/decision";
import { hasPermission, type Permission } from "@/modules/access/permissions";
import { canBeApproached, canModerate, canSubscribe, canUsePremium } from "@/modules/access/policies";
import type { Role } from "@/modules/access/roles";
import type { Actor } from "@/modules/access/types";
import { formatDate } from "@/lib/dates";

export const requestStatuses = ["PENDING", "APPROVED", "DECLINED", "EXPIRED", "WITHDRAWN"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The state machine: only a pending request moves, and only to these. */
const transitions: Record<RequestStatus, readonly RequestStatus[]> = {
  PENDING: ["APPROVED", "DECLINED", "EXPIRED", "WITHDRAWN"],
  APPROVED: [],
  DECLINED: [],
  EXPIRED: [],
  WITHDRAWN: [],
};

/** Which side of a request moves it to a status, and the permission that takes: the talent answers, the sender withdraws. */
const movers: Partial<Record<RequestStatus, { side: RequestSide; permission: Permission }>> = {
  APPROVED: { side: "talent", permission: "contact-request:respond" },
  DECLINED: { side: "talent", permission: "contact-request:respond" },
  WITHDRAWN: { side: "sender", permission: "contact-request:send" },
};

export type RequestSide = "talent" | "sender";

export const NO_LONGER_PENDING = "This request is no longer pending: it was answered, withdrawn or has expired.";

/**
 * Whether the actor, as the given side of a request, may move it from one
 * status to another: the side that makes the move, holding its permission, and
 * a move the state machine allows. Anyone else learns nothing of the request
 * (the same answer as for one that does not exist); expiry is the worker's.
 */
export function canTransition(actor: Actor, side: RequestSide, from: RequestStatus, to: RequestStatus): Decision {
  const mover = movers[to];
  if (!mover || mover.side !== side || !hasPermission(actor.role, mover.permission))
    return deny("not_found", "That request does not exist.");
  if (!transitions[from].includes(to)) return deny("conflict", NO_LONGER_PENDING);
  return allow();
}

/** Whether the actor's role sends contact requests at all, its subscription aside: professionals, companies, admins. */
export function canSendRequests(actor: Actor): boolean {
  return hasPermission(actor.role, "contact-request:send");
}

/** Whether the actor's requests count against a plan's monthly quota and the daily cap: a subscriber's do, an admin's do not. */
export function hasRequestQuota(actor: Actor): boolean {
  return canSubscribe(actor);
}

/**
 * Whether the actor may see a sender's track record: the talent deciding on a
 * request from that sender (one who answers requests and has received one from
 * them), and moderators.
 */
export function canSeeSenderStats(actor: Actor, facts: { hasReceivedRequestFromSender: boolean }): Decision {
  if (canModerate(actor)) return allow();
  if (hasPermission(actor.role, "contact-request:respond") && facts.hasReceivedRequestFromSender) return allow();
  return deny("not_found", "We could not find that sender.");
}

export type TalentFacts = {
  userId: string | null;
  role: Role | null;
  isSuspended: boolean;
  hasBlockedSender: boolean;
  isListed: boolean;
};

/** Subscribed professionals and companies, and admins, may ask a listed talent for contact details. */
export function canSendContactRequest(actor: Actor, talent: TalentFacts): Decision {
  if (actor.userId === talent.userId) return deny("invalid_input", "You cannot send a contact request to yourself.");
  if (!canSendRequests(actor)) return deny("forbidden", "Talents receive contact requests; they do not send them.");
  if (!canUsePremium(actor)) return deny("subscription_required", "Subscribe to send contact requests.");
  if (!talent.userId || !canBeApproached(talent) || !talent.isListed)
    return deny("invalid_input", "That talent's profile is not available.");
  if (talent.isSuspended) return deny("conflict", "This talent's account is unavailable.");
  if (talent.hasBlockedSender) return deny("forbidden", "This talent is not accepting contact requests from you.");
  return allow();
}

export const contactFields = ["phone", "email", "agent"] as const;
export type ContactField = (typeof contactFields)[number];

/**
 * Which contact details a viewer of a request may see: the talent sees its own,
 * the sender sees exactly the fields shared on an approval that was not revoked,
 * and nobody else sees any.
 */
export function revealedFields(
  viewerId: string,
  request: {
    senderId: string;
    talentUserId: string;
    status: RequestStatus;
    sharedFields: string[];
    revokedAt: Date | null;
  },
): ContactField[] {
  if (viewerId === request.talentUserId) return [...contactFields];
  if (viewerId !== request.senderId || request.status !== "APPROVED" || request.revokedAt) return [];
  return contactFields.filter((field) => request.sharedFields.includes(field));
}

/** The windows a request counts against, for the monthly quota and the daily cap. */
export function quotaWindows(now: Date): { month: string; day: string } {
  const iso = now.toISOString();
  return { month: `month:${iso.slice(0, 7)}`, day: `day:${iso.slice(0, 10)}` };
}

/** When a monthly window ends, to tell a sender at its limit when to try again. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** What the actor's earlier requests to one talent say about asking again now. */
export type PairFacts = {
  /** The actor's request to the talent that is still waiting for an answer. */
  pendingRequestId: string | null;
  /** When the talent last declined the actor, if within the cooldown. */
  lastDeclinedAt: Date | null;
  cooldownDays: number;
};

/**
 * Whether the actor may ask this talent again before filling in a request: not
 * while a request to them is pending, nor within the cooldown after their
 * decline. The send mutation holds the same rules in the database.
 */
export function canAskTalentAgain(facts: PairFacts): Decision {
  if (facts.pendingRequestId)
    return deny(
      "conflict",
      "You already have a pending request to this talent. Wait for the answer, or withdraw it first.",
    );
  if (facts.lastDeclinedAt) {
    const again = new Date(facts.lastDeclinedAt.getTime() + facts.cooldownDays * 86_400_000);
    return deny(
      "rate_limited",
      `This talent declined your last request. You can ask again from ${formatDate(again, "UTC", { month: "long" })}.`,
    );
  }
  return allow();
}

/** A sender's use of the monthly quota of their plan and of the daily cap. */
export type QuotaFacts = { monthUsed: number; monthLimit: number; dayUsed: number; dayCap: number };

/** Whether a sender with a quota has a request left, this month and today. */
export function canUseRequestQuota(quota: QuotaFacts, now: Date): Decision {
  if (quota.monthUsed >= quota.monthLimit)
    return deny(
      "rate_limited",
      `You have used all ${quota.monthLimit} contact requests of your plan this month. More are available from ${formatDate(nextMonthStart(now), "UTC", { month: "long" })}.`,
    );
  if (quota.dayUsed >= quota.dayCap)
    return deny(
      "rate_limited",
      `You can send at most ${quota.dayCap} contact requests a day. Try again tomorrow (after midnight UTC).`,
    );
  return allow();
}

/**
 * How many requests a sender has left, by the tighter of the two limits: the
 * daily figure when today's cap leaves fewer than the month does.
 */
export function describeRemainingQuota(quota: QuotaFacts): string {
  const month = Math.max(0, quota.monthLimit - quota.monthUsed);
  const day = Math.max(0, quota.dayCap - quota.dayUsed);
  const [count, when] = day < month ? [day, "today"] : [month, "this month"];
  return `You have ${count} request${count === 1 ? "" : "s"} left ${when}.`;
}
