import { AppError } from "@/lib/errors";
import { hasPermission } from "@/modules/access/permissions";
import { checkPremiumAccess, type PremiumDenialReason } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";

/**
 * What an account may do with its collections. Subscribers (and admins) keep
 * and change them; an account whose subscription lapsed still reads its own,
 * exports them and can revoke a share link, but changes nothing until it
 * renews. Talents keep none.
 */
export type CollectionRights =
  | { read: true; write: true }
  | { read: true; write: false; reason: PremiumDenialReason }
  | { read: false; write: false };

export function collectionRights(actor: Actor | null, now = new Date()): CollectionRights {
  if (!actor || !hasPermission(actor.role, "collection:manage")) return { read: false, write: false };
  const access = checkPremiumAccess(actor, now);
  return access.allowed ? { read: true, write: true } : { read: true, write: false, reason: access.reason };
}

export function readOnlyMessage(reason: PremiumDenialReason): string {
  return reason === "payment_failed"
    ? "Your last payment failed, so your collections are read-only. Update your payment details on the billing page to change them again."
    : "Your collections are read-only without an active subscription. Subscribe to add talents and change them.";
}

/** A share token: 32 random bytes, URL-safe. */
export function newShareToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString("base64url");
}

/**
 * The check every collection query and mutation starts with: the account may
 * keep collections at all, and (with `write`) may change them now.
 */
export function requireCollectionRights(actor: Actor, options: { write: boolean }): CollectionRights {
  const rights = collectionRights(actor);
  if (!rights.read) throw new AppError("forbidden", "Collections are for casting professionals, companies and admins.");
  if (options.write && !rights.write) throw new AppError("subscription_required", readOnlyMessage(rights.reason));
  return rights;
}
