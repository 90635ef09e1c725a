import { hasPermission } from "./permissions";
import type { Actor } from "./types";

export type PremiumDenialReason = "signed_out" | "not_subscribed" | "payment_failed" | "role_not_eligible";

export type PremiumAccess = { allowed: true } | { allowed: false; reason: PremiumDenialReason };

/**
 * The single, trusted answer to "may this actor use premium features":
 * premium profile data, starting conversations, contact requests, collections.
 * A role without "talent:view-premium" (talents) is not eligible. A role that
 * holds it without "subscription:manage" (admins) always may. A role that
 * subscribes (professionals and companies) needs a subscription that is active
 * or trialing and whose period has not ended; one whose payment failed is told
 * so, so the page can say what to fix.
 */
export function checkPremiumAccess(actor: Actor | null, now = new Date()): PremiumAccess {
  if (!actor) return { allowed: false, reason: "signed_out" };
  if (!hasPermission(actor.role, "talent:view-premium")) return { allowed: false, reason: "role_not_eligible" };
  if (!hasPermission(actor.role, "subscription:manage")) return { allowed: true };
  const subscription = actor.subscription;
  if (!subscription) return { allowed: false, reason: "not_subscribed" };
  if (subscription.status === "past_due" || subscription.status === "unpaid" || subscription.status === "incomplete") {
    return { allowed: false, reason: "payment_failed" };
  }
  const isCurrent = subscription.currentPeriodEnd.getTime() > now.getTime();
  if ((subscription.status === "active" || subscription.status === "trialing") && isCurrent) return { allowed: true };
  return { allowed: false, reason: "not_subscribed" };
}
