import { allow, deny, type Decision } from "@/lib/decision";
import { hasPermission, type Permission } from "./permissions";
import { checkPremiumAccess } from "./premium";
import type { Role } from "./roles";
import type { Actor } from "./types";

/**
 * The access-level rules: what an account may do by its role alone, read from
 * the permission table. They take anything with a role (the actor, or what is
 * known of another account); no account (signed out, deleted) holds nothing.
 * Domain rules (who may message whom, who sees which part of a profile) are in
 * each module's policies.ts and build on these.
 */
export type RoleHolder = { role: Role | null } | null | undefined;

function holds(account: RoleHolder, permission: Permission): boolean {
  return Boolean(account?.role) && hasPermission(account!.role!, permission);
}

/** Admins: see every account and all content, moderate it, suspend and reinstate users. */
export function canModerate(account: RoleHolder): boolean {
  return holds(account, "user:moderate");
}

/** Admins may message any user, whatever their role, and no block stops them. */
export function canMessageAnyone(account: RoleHolder): boolean {
  return holds(account, "user:message-any");
}

/** Professionals and companies subscribe; their premium rights follow the subscription and its plan. */
export function canSubscribe(account: RoleHolder): boolean {
  return holds(account, "subscription:manage");
}

/** The accounts professionals approach, by message or contact request: those who answer contact requests (talents). */
export function canBeApproached(account: RoleHolder): boolean {
  return holds(account, "contact-request:respond");
}

/** Whether the actor may use premium features now (checkPremiumAccess says why not). */
export function canUsePremium(actor: Actor | null, now = new Date()): boolean {
  return checkPremiumAccess(actor, now).allowed;
}

/**
 * Suspending an account: moderators only (anyone else learns nothing of the
 * account), and never another moderator's account.
 */
export function canSuspend(actor: RoleHolder, target: RoleHolder): Decision {
  if (!canModerate(actor)) return deny("not_found", "That account does not exist.");
  if (canModerate(target)) return deny("forbidden", "Admin accounts cannot be suspended here.");
  return allow();
}

/** Why a subscribing account cannot use premium now: it never subscribed, its payment is past due, or it ended. */
export type UpgradeReason = "never_subscribed" | "past_due" | "canceled";

/**
 * What an account that subscribes must do to use premium now, or null when it
 * may already (or has nothing to subscribe to: talents, admins). A first
 * checkout whose payment failed (incomplete) is not a subscription yet.
 */
export function getUpgradeReason(actor: Actor | null, now = new Date()): UpgradeReason | null {
  if (!actor || !canSubscribe(actor)) return null;
  const access = checkPremiumAccess(actor, now);
  if (access.allowed) return null;
  const status = actor.subscription?.status;
  if (!status || status === "incomplete") return "never_subscribed";
  if (status === "past_due" || status === "unpaid") return "past_due";
  return "canceled";
}

/**
 * The Message and Request contact details buttons on a talent's profile:
 * "open" for those who may use them now, "locked" (shown, opening the upgrade
 * prompt) for accounts that may use them with a current subscription,
 * "none" for everyone else (signed out, talents). The mutations decide again.
 */
export function getApproachActions(actor: Actor | null, now = new Date()): "open" | "locked" | "none" {
  if (!actor || !hasPermission(actor.role, "conversation:start")) return "none";
  if (canUsePremium(actor, now)) return "open";
  return canSubscribe(actor) ? "locked" : "none";
}
