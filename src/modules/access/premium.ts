import type { Actor } from "./types";

export type PremiumDenialReason = "signed_out" | "not_subscribed" | "payment_failed" | "role_not_eligible";

export type PremiumAccess = { allowed: true } | { allowed: false; reason: PremiumDenialReason };

/**
 * The single, trusted answer to "may this actor use premium features":
 * premium profile data, starting conversations, contact requests, collections.
 * Admins always may. Talents never need it. Professionals and companies need a
 * subscription that is active or trialing and whose period has not ended; one
 * whose payment failed is told so, so the page can say what to fix.
 */
export function checkPremiumAccess(actor: Actor | null, now = new Date()): PremiumAccess {
  if (!actor) return { allowed: false, reason: "signed_out" };
  if (actor.role === "ADMIN") return { allowed: true };
  if (actor.role === "TALENT") return { allowed: false, reason: "role_not_eligible" };
  const subscription = actor.subscription;
  if (!subscription) return { allowed: false, reason: "not_subscribed" };
  if (subscription.status === "past_due" || subscription.status === "unpaid" || subscription.status === "incomplete") {
    return { allowed: false, reason: "payment_failed" };
  }
  const isCurrent = subscription.currentPeriodEnd.getTime() > now.getTime();
  if ((subscription.status === "active" || subscription.status === "trialing") && isCurrent) return { allowed: true };
  return { allowed: false, reason: "not_subscribed" };
}
