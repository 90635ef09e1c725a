import { and, count, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { z } from "zod";
import { billingCustomers, subscriptionChanges, subscriptions, testCheckoutSessions } from "@/db/schema/billing";
import type { Actor, SubscriptionFacts } from "@/modules/access/types";
import { getPlan, type BillingInterval, type Plan, type SubscriptionStatus } from "./plans";

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
    .select({
      plan: subscriptions.plan,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
    })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId));
  return row ?? null;
}

/** The same facts as a subquery the session read joins on the account id (`userId`). */
export function subscriptionFactsByUser(db: Db) {
  return db
    .select({
      userId: subscriptions.userId,
      plan: subscriptions.plan,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
    })
    .from(subscriptions)
    .as("subscription_facts");
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
  return db
    .select({ userId: subscriptions.userId, status: subscriptions.status })
    .from(subscriptions)
    .as("subscription_status");
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

/** A plan's price per month in cents: the monthly price, or a twelfth of the yearly one. */
export function monthlyRevenueCents(plan: Plan, interval: BillingInterval): number {
  const price = getPlan(plan).price;
  return interval === "month" ? price.month * 100 : Math.round((price.year * 100) / 12);
}

/**
 * Subscriptions active (or trialing) at a moment, and the monthly recurring
 * revenue they bring at the plans' list prices, from the history of changes:
 * each account's latest change before that moment decides.
 */
export async function getSubscriptionTotalsAt(db: Db, at: Date): Promise<{ active: number; mrrCents: number }> {
  const h = subscriptionChanges;
  const latest = db
    .selectDistinctOn([h.userId], { plan: h.plan, interval: h.interval, status: h.status })
    .from(h)
    .where(lt(h.at, at))
    .orderBy(h.userId, desc(h.at), desc(h.id))
    .as("latest");
  const rows = await db
    .select({ plan: latest.plan, interval: latest.interval, total: count() })
    .from(latest)
    .where(inArray(latest.status, ["active", "trialing"]))
    .groupBy(latest.plan, latest.interval);
  return {
    active: rows.reduce((sum, row) => sum + row.total, 0),
    mrrCents: rows.reduce((sum, row) => sum + row.total * monthlyRevenueCents(row.plan, row.interval), 0),
  };
}

/** An account's billing record, for its data export: its customer at the provider, its subscription and every change to it, its test-mode checkouts. */
export async function exportBillingData(db: Db, userId: string) {
  const [customer] = await db
    .select({
      provider: billingCustomers.provider,
      customerId: billingCustomers.customerId,
      createdAt: billingCustomers.createdAt,
    })
    .from(billingCustomers)
    .where(eq(billingCustomers.userId, userId));
  const [subscription] = await db
    .select({
      provider: subscriptions.provider,
      subscriptionId: subscriptions.subscriptionId,
      plan: subscriptions.plan,
      interval: subscriptions.interval,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      createdAt: subscriptions.createdAt,
      updatedAt: subscriptions.updatedAt,
    })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId));
  const history = await db
    .select({
      plan: subscriptionChanges.plan,
      interval: subscriptionChanges.interval,
      status: subscriptionChanges.status,
      at: subscriptionChanges.at,
    })
    .from(subscriptionChanges)
    .where(eq(subscriptionChanges.userId, userId))
    .orderBy(subscriptionChanges.at, subscriptionChanges.id);
  const checkouts = await db
    .select({
      plan: testCheckoutSessions.plan,
      interval: testCheckoutSessions.interval,
      status: testCheckoutSessions.status,
      createdAt: testCheckoutSessions.createdAt,
    })
    .from(testCheckoutSessions)
    .where(eq(testCheckoutSessions.userId, userId))
    .orderBy(testCheckoutSessions.createdAt);
  return { customer: customer ?? null, subscription: subscription ?? null, history, testCheckouts: checkouts };
}
