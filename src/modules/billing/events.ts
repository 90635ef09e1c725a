import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { billingCustomers, billingEvents, subscriptions } from "@/db/schema/billing";
import { lockKey } from "@/db/sql";
import { getLogger } from "@/lib/logger";
import { accountExists } from "@/modules/access/internal";
import { notify } from "@/modules/notifications/notify";
import { getPlan, type BillingInterval, type Plan, type SubscriptionStatus } from "./plans";

/** A subscription as the provider describes it at one moment. */
export type SubscriptionSnapshot = {
  id: string;
  plan: Plan;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/**
 * What a payment provider tells us, in our own words. Stripe's webhook events
 * and the offline test provider both become these, and both go through
 * processBillingEvent: one path for every change of subscription state.
 */
export type BillingEvent = {
  id: string;
  provider: "stripe" | "test";
  /** When the provider produced the event; an older event never overwrites a newer state. */
  createdAt: Date;
  customerId: string;
  /** The account the provider was told about at checkout, when the event carries it. */
  userId?: string;
} & (
  | { type: "checkout.completed"; subscription: SubscriptionSnapshot | null }
  | { type: "subscription.changed"; subscription: SubscriptionSnapshot }
  | { type: "subscription.deleted"; subscriptionId: string }
  | { type: "invoice.paid"; subscriptionId: string }
  | { type: "invoice.payment_failed"; subscriptionId: string }
);

export type EventOutcome = "applied" | "duplicate" | "unknown_customer" | "unchanged";

/** The account a provider customer belongs to, linking it on first sight when the event names the account. */
async function resolveAccount(tx: Db, event: BillingEvent): Promise<string | null> {
  const [known] = await tx
    .select({ userId: billingCustomers.userId })
    .from(billingCustomers)
    .where(eq(billingCustomers.customerId, event.customerId));
  if (known) return known.userId;
  if (!event.userId) return null;
  if (!(await accountExists(tx, event.userId))) return null;
  const linked = await tx
    .insert(billingCustomers)
    .values({ userId: event.userId, provider: event.provider, customerId: event.customerId })
    .onConflictDoNothing()
    .returning({ userId: billingCustomers.userId });
  return linked.length > 0 ? event.userId : null;
}

async function applySnapshot(
  tx: Db,
  userId: string,
  event: BillingEvent,
  snapshot: SubscriptionSnapshot,
): Promise<EventOutcome> {
  const state = {
    provider: event.provider,
    customerId: event.customerId,
    subscriptionId: snapshot.id,
    plan: snapshot.plan,
    interval: snapshot.interval,
    status: snapshot.status,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    stateAt: event.createdAt,
  };
  const applied = await tx
    .insert(subscriptions)
    .values({ userId, ...state })
    .onConflictDoUpdate({
      target: subscriptions.userId,
      set: { ...state, updatedAt: new Date() },
      setWhere: sql`${subscriptions.stateAt} <= ${event.createdAt}`,
    })
    .returning({ userId: subscriptions.userId });
  return applied.length > 0 ? "applied" : "unchanged";
}

/** Changes the status of the account's subscription, if this is that subscription and nothing newer was recorded. */
async function setStatus(
  tx: Db,
  userId: string,
  event: BillingEvent,
  subscriptionId: string,
  status: SubscriptionStatus,
  onlyFrom: SubscriptionStatus[],
) {
  const changed = await tx
    .update(subscriptions)
    .set({
      status,
      stateAt: event.createdAt,
      updatedAt: new Date(),
      ...(status === "canceled" ? { cancelAtPeriodEnd: false } : {}),
    })
    .where(
      and(
        eq(subscriptions.userId, userId),
        eq(subscriptions.subscriptionId, subscriptionId),
        inArray(subscriptions.status, onlyFrom),
        sql`${subscriptions.stateAt} <= ${event.createdAt}`,
      ),
    )
    .returning({ userId: subscriptions.userId });
  return changed.length > 0 ? "applied" : "unchanged";
}

async function currentState(tx: Db, userId: string) {
  const [row] = await tx
    .select({ status: subscriptions.status, plan: subscriptions.plan })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .for("update");
  return row ?? null;
}

const live = (status: SubscriptionStatus | undefined) => status === "active" || status === "trialing";
const failing = (status: SubscriptionStatus | undefined) => status === "past_due" || status === "unpaid";

/** Tells the account when its subscription starts, fails to renew, or ends: in the same transaction as the change. */
async function notifyStatusChange(
  tx: Db,
  userId: string,
  before: { status: SubscriptionStatus } | null,
  after: { status: SubscriptionStatus; plan: Plan } | null,
) {
  if (!after || before?.status === after.status) return;
  const payload = { planName: getPlan(after.plan).name };
  if (live(after.status) && !live(before?.status))
    await notify(tx, { userId, type: "subscription.activated", payload });
  else if (failing(after.status) && !failing(before?.status))
    await notify(tx, { userId, type: "subscription.payment_failed", payload });
  else if (after.status === "canceled") await notify(tx, { userId, type: "subscription.canceled", payload });
}

const allStatuses: SubscriptionStatus[] = ["trialing", "active", "past_due", "canceled", "incomplete", "unpaid"];

/**
 * Applies one provider event exactly once. The event id is recorded in the
 * same transaction as its effect, so a replay (even a concurrent one, which
 * waits on the id's unique index) changes nothing, and a failure rolls both
 * back for the provider to retry. Different events of one customer take turns. Events for customers we do not know are
 * recorded and acknowledged, never retried forever.
 */
export async function processBillingEvent(db: Db, event: BillingEvent): Promise<EventOutcome> {
  const log = getLogger();
  const outcome = await db.transaction(async (tx) => {
    const recorded = await tx
      .insert(billingEvents)
      .values({
        id: event.id,
        provider: event.provider,
        type: event.type,
        outcome: "processing",
        eventCreatedAt: event.createdAt,
      })
      .onConflictDoNothing()
      .returning({ id: billingEvents.id });
    if (recorded.length === 0) return "duplicate" as const;

    // One customer's events apply one after another: the second of two events for a customer seen for the
    // first time finds the account the first linked, and reads the state the first left (so it is told once).
    await lockKey(tx, `billing:${event.provider}:${event.customerId}`);
    const userId = await resolveAccount(tx, event);
    const before = userId ? await currentState(tx, userId) : null;
    let result: EventOutcome;
    if (!userId) result = "unknown_customer";
    else if (event.type === "checkout.completed")
      result = event.subscription ? await applySnapshot(tx, userId, event, event.subscription) : "applied";
    else if (event.type === "subscription.changed") result = await applySnapshot(tx, userId, event, event.subscription);
    else if (event.type === "subscription.deleted")
      result = await setStatus(tx, userId, event, event.subscriptionId, "canceled", allStatuses);
    else if (event.type === "invoice.paid")
      result = await setStatus(tx, userId, event, event.subscriptionId, "active", ["past_due", "unpaid", "incomplete"]);
    else result = await setStatus(tx, userId, event, event.subscriptionId, "past_due", ["active", "trialing"]);

    await tx.update(billingEvents).set({ outcome: result }).where(eq(billingEvents.id, event.id));
    if (userId && result === "applied") await notifyStatusChange(tx, userId, before, await currentState(tx, userId));
    return result;
  });
  const details = { eventId: event.id, type: event.type, provider: event.provider, outcome };
  if (outcome === "unknown_customer") log.warn(details, "billing event for an unknown customer acknowledged");
  else log.info(details, "billing event processed");
  return outcome;
}
