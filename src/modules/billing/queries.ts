import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { z } from "zod";
import { subscriptions, testCheckoutSessions } from "@/db/schema/billing";
import type { Actor, SubscriptionFacts } from "@/modules/access/types";
import type { BillingInterval, Plan, SubscriptionStatus } from "./plans";

export type SubscriptionView = {
  provider: string;
  plan: Plan;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/** What access decisions need to know of an account's subscription; read with the session. */
export async function getSubscriptionFacts(db: Db, userId: string): Promise<SubscriptionFacts | null> {
  const [row] = await db
    .select({ plan: subscriptions.plan, status: subscriptions.status, currentPeriodEnd: subscriptions.currentPeriodEnd })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId));
  return row ?? null;
}

/** The signed-in account's own subscription, for its billing page. */
export async function getOwnSubscription(db: Db, actor: Actor): Promise<SubscriptionView | null> {
  const [row] = await db
    .select({
      provider: subscriptions.provider,
      plan: subscriptions.plan,
      interval: subscriptions.interval,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
    })
    .from(subscriptions)
    .where(eq(subscriptions.userId, actor.userId));
  return row ?? null;
}

/** Each account's subscription status, as a subquery other modules' lists can join on user id. */
export function subscriptionStatusByUser(db: Db) {
  return db.select({ userId: subscriptions.userId, status: subscriptions.status }).from(subscriptions).as("subscription_status");
}

/** An open test-mode checkout of this account; null for anyone else's, a finished one, or an unknown id. */
export async function getOpenTestCheckout(db: Db, actor: Actor, sessionId: string) {
  if (!z.uuid().safeParse(sessionId).success) return null;
  const [row] = await db
    .select({ id: testCheckoutSessions.id, plan: testCheckoutSessions.plan, interval: testCheckoutSessions.interval, expiresAt: testCheckoutSessions.expiresAt })
    .from(testCheckoutSessions)
    .where(and(eq(testCheckoutSessions.id, sessionId), eq(testCheckoutSessions.userId, actor.userId), eq(testCheckoutSessions.status, "open")));
  return row && row.expiresAt > new Date() ? row : null;
}
