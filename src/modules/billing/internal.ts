import "server-only";
import { and, eq, notInArray, count, desc, inArray, lt } from "drizzle-orm";
import type { SubscriptionFacts } from "@/modules/access/types";
import { getPlan, type BillingInterval, type SubscriptionStatus, type Plan } from "./plans";
import { billingCustomers, subscriptions, testCheckoutSessions, subscriptionChanges } from "@/db/schema/billing";
import { AppError } from "@/lib/errors";
import type { BillingProvider } from "./provider";
import type { Db } from "@/db";

/*
 * The billing module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

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

/** Each account's subscription status, as a subquery other modules' lists can join on user id. */
export function subscriptionStatusByUser(db: Db) {
  return db
    .select({ userId: subscriptions.userId, status: subscriptions.status })
    .from(subscriptions)
    .as("subscription_status");
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

/**
 * The first step of deleting an account, before its transaction (it calls the
 * payment provider): a subscription that is not over yet ends at the provider
 * now, so the person is never charged again. A subscription held with a
 * provider this server cannot reach stops the deletion, with nothing changed.
 */
export async function cancelSubscriptionForDeletion(db: Db, provider: BillingProvider, userId: string): Promise<void> {
  const [row] = await db
    .select({
      provider: subscriptions.provider,
      subscriptionId: subscriptions.subscriptionId,
      status: subscriptions.status,
    })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId));
  if (!row || ended.includes(row.status)) return;
  if (row.provider !== provider.kind) {
    throw new AppError(
      "unavailable",
      "Your subscription is with a payment provider this server cannot reach right now, so nothing was deleted. Please try again later.",
    );
  }
  try {
    await provider.cancelSubscriptionNow(row.subscriptionId);
  } catch {
    throw new AppError(
      "unavailable",
      "We could not cancel your subscription with the payment provider, so nothing was deleted. Please try again in a few minutes.",
    );
  }
}

/**
 * In the deletion's transaction: records that the subscription has ended (the
 * history of changes keeps the billing record for accounting), without telling
 * the account, which is going away. A late "canceled" event from the provider
 * then changes nothing.
 */
export async function endSubscriptionOfDeletedAccount(tx: Db, userId: string, now: Date): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ status: "canceled", cancelAtPeriodEnd: false, currentPeriodEnd: now, stateAt: now, updatedAt: now })
    .where(and(eq(subscriptions.userId, userId), notInArray(subscriptions.status, ended)));
  await tx.delete(testCheckoutSessions).where(eq(testCheckoutSessions.userId, userId));
}

const ended: SubscriptionStatus[] = ["canceled"];
