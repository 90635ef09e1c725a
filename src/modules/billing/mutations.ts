import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { billingCustomers, subscriptions, testCheckoutSessions } from "@/db/schema/billing";
import { AppError } from "@/lib/errors";
import type { Role } from "@/modules/access/roles";
import type { Actor } from "@/modules/access/types";
import { processBillingEvent, type BillingEvent } from "./events";
import type { CheckoutInput, TestCheckoutInput } from "./inputs";
import { getPlan, periodEndFrom, planForRole, type BillingInterval } from "./plans";
import type { BillingProvider } from "./provider";
import { getOwnSubscription } from "./queries";

/** Why an account without a plan of its own has nothing to subscribe to. */
const noPlanReasons: Partial<Record<Role, string>> = {
  TALENT: "Talents use Callback for free: there is nothing to subscribe to.",
  ADMIN: "Admins have full access without a subscription.",
};

/** The plan the account subscribes to; accounts whose role has no plan are refused. */
function requireSubscriber(actor: Actor) {
  const plan = planForRole(actor.role);
  if (!plan) throw new AppError("forbidden", noPlanReasons[actor.role]);
  return plan;
}

/**
 * Starts a subscription: checks the plan fits the account, refuses a second
 * subscription, and returns the address of the provider's checkout. A return
 * path (validated by the input as a page of this site) is where the
 * subscriber goes once paid, or back to when they cancel.
 */
export async function startCheckout(
  db: Db,
  provider: BillingProvider,
  actor: Actor,
  input: CheckoutInput,
  appUrl: string,
): Promise<string> {
  const plan = requireSubscriber(actor);
  if (input.plan !== plan) {
    throw new AppError(
      "invalid_input",
      `The ${getPlan(input.plan).name} plan is for ${input.plan === "COMPANY" ? "company" : "professional"} accounts. Choose the ${getPlan(plan).name} plan.`,
    );
  }
  const current = await getOwnSubscription(db, actor);
  if (current && current.status !== "canceled" && current.status !== "incomplete") {
    throw new AppError("conflict", "You already have a subscription. Change or cancel it on your billing page.");
  }
  return provider.startCheckout(db, {
    user: { id: actor.userId, email: actor.email, name: actor.name },
    plan,
    interval: input.interval,
    successUrl: `${appUrl}/billing?checkout=success${input.returnTo ? `&next=${encodeURIComponent(input.returnTo)}` : ""}`,
    cancelUrl: input.returnTo ? `${appUrl}${input.returnTo}` : `${appUrl}/pricing?checkout=canceled`,
    returnTo: input.returnTo,
  });
}

function testEvent(
  customerId: string,
  userId: string,
): Pick<BillingEvent, "id" | "provider" | "createdAt" | "customerId" | "userId"> {
  return { id: `test_evt_${randomUUID()}`, provider: "test", createdAt: new Date(), customerId, userId };
}

/**
 * The outcome of a test-mode checkout, chosen on the local checkout page:
 * paid (an active subscription), payment failed (an incomplete one), or
 * canceled (nothing changes). Exactly one outcome per checkout, even if the
 * page is submitted twice.
 */
export async function completeTestCheckout(
  db: Db,
  actor: Actor,
  input: TestCheckoutInput,
): Promise<"active" | "payment_failed" | "canceled"> {
  requireSubscriber(actor);
  const status = input.outcome === "pay" ? "completed" : input.outcome === "fail" ? "payment_failed" : "canceled";
  const [session] = await db
    .update(testCheckoutSessions)
    .set({ status })
    .where(
      and(
        eq(testCheckoutSessions.id, input.sessionId),
        eq(testCheckoutSessions.userId, actor.userId),
        eq(testCheckoutSessions.status, "open"),
        gt(testCheckoutSessions.expiresAt, new Date()),
      ),
    )
    .returning({ plan: testCheckoutSessions.plan, interval: testCheckoutSessions.interval });
  if (!session) throw new AppError("not_found", "This checkout is no longer open. Start again from the pricing page.");
  if (input.outcome === "cancel") return "canceled";

  const [customer] = await db
    .select({ customerId: billingCustomers.customerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.userId, actor.userId));
  if (!customer) throw new AppError("not_found", "This checkout is no longer open. Start again from the pricing page.");
  const now = new Date();
  await processBillingEvent(db, {
    ...testEvent(customer.customerId, actor.userId),
    type: "checkout.completed",
    subscription: {
      id: `test_sub_${randomUUID()}`,
      plan: session.plan,
      interval: session.interval,
      status: input.outcome === "pay" ? "active" : "incomplete",
      currentPeriodEnd: periodEndFrom(now, session.interval),
      cancelAtPeriodEnd: false,
    },
  });
  return input.outcome === "pay" ? "active" : "payment_failed";
}

/** The account's test-mode subscription, for the changes the billing page offers in test mode. */
async function ownTestSubscription(db: Db, actor: Actor) {
  requireSubscriber(actor);
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, actor.userId));
  if (!row || row.provider !== "test") throw new AppError("not_found", "There is no test-mode subscription to change.");
  return row;
}

async function changeTestSubscription(
  db: Db,
  actor: Actor,
  change: (row: typeof subscriptions.$inferSelect) => Partial<typeof subscriptions.$inferSelect>,
) {
  const row = await ownTestSubscription(db, actor);
  const next = { ...row, ...change(row) };
  await processBillingEvent(db, {
    ...testEvent(row.customerId, actor.userId),
    type: "subscription.changed",
    subscription: {
      id: next.subscriptionId,
      plan: next.plan,
      interval: next.interval,
      status: next.status,
      currentPeriodEnd: next.currentPeriodEnd,
      cancelAtPeriodEnd: next.cancelAtPeriodEnd,
    },
  });
}

/** Cancels at the end of the paid period: access continues until then. */
export async function cancelTestSubscription(db: Db, actor: Actor) {
  await changeTestSubscription(db, actor, (row) => {
    if (row.status === "canceled") throw new AppError("conflict", "This subscription has already ended.");
    return { cancelAtPeriodEnd: true };
  });
}

export async function resumeTestSubscription(db: Db, actor: Actor) {
  await changeTestSubscription(db, actor, (row) => {
    if (!row.cancelAtPeriodEnd || row.status === "canceled")
      throw new AppError("conflict", "This subscription is not set to end, so there is nothing to resume.");
    return { cancelAtPeriodEnd: false };
  });
}

/** Switches between monthly and yearly billing; the new period starts now. */
export async function changeTestInterval(db: Db, actor: Actor, interval: BillingInterval) {
  await changeTestSubscription(db, actor, (row) => {
    if (row.status !== "active" && row.status !== "trialing")
      throw new AppError("conflict", "Only an active subscription can change its billing period.");
    if (row.interval === interval)
      throw new AppError("conflict", `You are already billed ${interval === "month" ? "monthly" : "yearly"}.`);
    return { interval, currentPeriodEnd: periodEndFrom(new Date(), interval), cancelAtPeriodEnd: false };
  });
}

/** Pays the failed invoice in test mode: the subscription is active again, for a new period from today. */
export async function retryTestPayment(db: Db, actor: Actor) {
  await changeTestSubscription(db, actor, (row) => {
    if (row.status !== "past_due" && row.status !== "unpaid" && row.status !== "incomplete")
      throw new AppError("conflict", "There is no failed payment to retry.");
    return { status: "active", currentPeriodEnd: periodEndFrom(new Date(), row.interval) };
  });
}
