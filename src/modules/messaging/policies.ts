import { allow, deny, type Decision } from "@/lib/decision";
import { hasPermission } from "@/modules/access/permissions";
import { canBeApproached, canMessageAnyone, canSubscribe, canUsePremium } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import type { Role } from "@/modules/access/roles";

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

/** Whether the actor's role starts conversations at all (talents only reply). */
export function canInitiateConversations(actor: Actor): boolean {
  return hasPermission(actor.role, "conversation:start");
}

/**
 * Who may start a conversation with whom: someone who may message anyone
 * (admins) with any account that can receive messages; otherwise a subscriber
 * who may start conversations, with a talent who has not blocked them.
 */
export function canStartConversation(actor: Actor, target: CounterpartFacts): Decision {
  if (actor.userId === target.userId) return deny("invalid_input", "You cannot message yourself.");
  const problem = counterpartProblem(target);
  if (problem) return problem;
  if (canMessageAnyone(actor)) return allow();
  if (!canInitiateConversations(actor))
    return deny("forbidden", "Talents reply to conversations; they do not start them.");
  if (!canUsePremium(actor)) return deny("subscription_required", "Subscribe to contact talents.");
  if (!canBeApproached(target)) return deny("forbidden", "Casting professionals and companies can message talents.");
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
  if (!hasPermission(actor.role, "conversation:reply"))
    return deny("forbidden", "You cannot reply in conversations with this account.");
  if (canSubscribe(actor) && !canUsePremium(actor))
    return deny(
      "subscription_required",
      "Your subscription is not active, so you can read this conversation but not reply. Renew it to continue.",
    );
  return allow();
}

/**
 * Talents block senders; a block is about the other person, so it needs one,
 * and it cannot stop someone who may message anyone (admins).
 */
export function canBlock(actor: Actor, counterpart: CounterpartFacts): Decision {
  if (!hasPermission(actor.role, "sender:block")) return deny("forbidden", "Only talents can block senders.");
  if (!counterpart.userId) return deny("conflict", "This account has been deleted already.");
  if (canMessageAnyone(counterpart)) return deny("forbidden", "Messages from Callback admins cannot be blocked.");
  return allow();
}
