import type { Actor } from "./types";

export type PremiumDenialReason = "signed_out" | "not_subscribed" | "payment_failed" | "role_not_eligible";

export type PremiumAccess = { allowed: true } | { allowed: false; reason: PremiumDenialReason };

/**
 * The single, trusted answer to "may this actor use premium features": premium
 * profile data, starting conversations, contact requests, collections.
 * Admins always may. Talents never need it. Professionals and companies need an
 * active subscription, which the billing module will record; until then no one
 * but an admin holds one.
 */
export function checkPremiumAccess(actor: Actor | null): PremiumAccess {
  if (!actor) return { allowed: false, reason: "signed_out" };
  if (actor.role === "ADMIN") return { allowed: true };
  if (actor.role === "TALENT") return { allowed: false, reason: "role_not_eligible" };
  return { allowed: false, reason: "not_subscribed" };
}
