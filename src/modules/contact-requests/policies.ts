import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";

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

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return transitions[from].includes(to);
}

export type Decision =
  | { allowed: true }
  | { allowed: false; code: "invalid_input" | "forbidden" | "subscription_required" | "conflict"; message: string };
const allow = (): Decision => ({ allowed: true });
const deny = (code: Exclude<Decision, { allowed: true }>["code"], message: string): Decision => ({
  allowed: false,
  code,
  message,
});

export type TalentFacts = {
  userId: string | null;
  role: string | null;
  isSuspended: boolean;
  hasBlockedSender: boolean;
  isListed: boolean;
};

/** Subscribed professionals and companies, and admins, may ask a listed talent for contact details. */
export function canSendContactRequest(actor: Actor, talent: TalentFacts): Decision {
  if (actor.userId === talent.userId) return deny("invalid_input", "You cannot send a contact request to yourself.");
  if (actor.role === "TALENT") return deny("forbidden", "Talents receive contact requests; they do not send them.");
  if (actor.role !== "ADMIN" && !checkPremiumAccess(actor).allowed)
    return deny("subscription_required", "Subscribe to send contact requests.");
  if (!talent.userId || talent.role !== "TALENT" || !talent.isListed)
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
