import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { z } from "zod";
import { subscriptions, testCheckoutSessions } from "@/db/schema/billing";
import type { Actor } from "@/modules/access/types";
import { type BillingInterval, type Plan, type SubscriptionStatus } from "./plans";

export type SubscriptionView = {
  provider: string;
  plan: Plan;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

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

/** An open test-mode checkout of this account; null for anyone else's, a finished one, or an unknown id. */
export async function getOpenTestCheckout(db: Db, actor: Actor, sessionId: string) {
  if (!z.uuid().safeParse(sessionId).success) return null;
  const [row] = await db
    .select({
      id: testCheckoutSessions.id,
      plan: testCheckoutSessions.plan,
      interval: testCheckoutSessions.interval,
      expiresAt: testCheckoutSessions.expiresAt,
    })
    .from(testCheckoutSessions)
    .where(
      and(
        eq(testCheckoutSessions.id, sessionId),
        eq(testCheckoutSessions.userId, actor.userId),
        eq(testCheckoutSessions.status, "open"),
      ),
    );
  return row && row.expiresAt > new Date() ? row : null;
}
