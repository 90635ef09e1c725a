import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";
import type { Role } from "@/modules/access/roles";

export type Decision =
  | { allowed: true }
  | { allowed: false; code: "invalid_input" | "forbidden" | "subscription_required" | "conflict"; message: string };

const allow = (): Decision => ({ allowed: true });
const deny = (code: Exclude<Decision, { allowed: true }>["code"], message: string): Decision => ({
  allowed: false,
  code,
  message,
});

/** What is known of the other person when starting or continuing a conversation. */
export type CounterpartFacts = {
  userId: string | null;
  role: Role | null;
  isSuspended: boolean;
  /** The counterpart (a talent) has blocked the actor. */
  hasBlockedActor: boolean;
};

function counterpartProblem(target: CounterpartFacts): Decision | null {
  if (!target.userId) return deny("conflict", "This account has been deleted, so it cannot receive messages.");
  if (target.isSuspended) return deny("conflict", "This account is unavailable, so it cannot receive messages.");
  return null;
}

export function canStartConversation(actor: Actor, target: CounterpartFacts): Decision {
  if (actor.userId === target.userId) return deny("invalid_input", "You cannot message yourself.");
  const problem = counterpartProblem(target);
  if (problem) return problem;
  if (actor.role === "ADMIN") return allow();
  if (actor.role === "TALENT") return deny("forbidden", "Talents reply to conversations; they do not start them.");
  if (!checkPremiumAccess(actor).allowed) return deny("subscription_required", "Subscribe to contact talents.");
  if (target.role !== "TALENT") return deny("forbidden", "Casting professionals and companies can message talents.");
  if (target.hasBlockedActor) return deny("forbidden", "This talent is not accepting messages from you.");
  return allow();
}

/**
 * Whether the actor may send in a conversation it is part of: talents may
 * always reply; professionals and companies need premium access (a lapsed
 * subscriber keeps reading its history); nobody writes to a deleted or
 * unavailable account, or to a talent who has blocked them.
 */
export function canSendMessage(actor: Actor, counterpart: CounterpartFacts): Decision {
  const problem = counterpartProblem(counterpart);
  if (problem) return problem;
  if (counterpart.hasBlockedActor) return deny("forbidden", "This talent is not accepting messages from you.");
  if (actor.role === "ADMIN" || actor.role === "TALENT") return allow();
  if (!checkPremiumAccess(actor).allowed)
    return deny(
      "subscription_required",
      "Your subscription is not active, so you can read this conversation but not reply. Renew it to continue.",
    );
  return allow();
}

/** Talents block senders; a block is about the other person, so it needs one. */
export function canBlock(actor: Actor, counterpart: CounterpartFacts): Decision {
  if (actor.role !== "TALENT") return deny("forbidden", "Only talents can block senders.");
  if (!counterpart.userId) return deny("conflict", "This account has been deleted already.");
  if (counterpart.role === "ADMIN") return deny("forbidden", "Messages from Callback admins cannot be blocked.");
  return allow();
}
