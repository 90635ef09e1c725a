import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import type { BillingEvent, SubscriptionSnapshot } from "./events";
import { intervals, plans, type BillingInterval, type Plan } from "./plans";

/** Which Stripe price is which of our plans, from the STRIPE_PRICE_* settings. */
export type PriceMap = Record<Plan, Record<BillingInterval, string>>;

export function planOfPrice(prices: PriceMap, priceId: string): { plan: Plan; interval: BillingInterval } | null {
  for (const plan of plans)
    for (const interval of intervals) if (prices[plan][interval] === priceId) return { plan, interval };
  return null;
}

const id = z.string().min(1);
/** An expandable Stripe reference: the id, or the object that carries it. */
const ref = z.union([id, z.object({ id }).transform((object) => object.id)]);

const subscriptionObject = z.object({
  id,
  customer: ref,
  status: z.enum([
    "trialing",
    "active",
    "past_due",
    "canceled",
    "incomplete",
    "incomplete_expired",
    "unpaid",
    "paused",
  ]),
  cancel_at_period_end: z.boolean().default(false),
  current_period_end: z.number().optional(),
  metadata: z.record(z.string(), z.string()).default({}),
  items: z.object({
    data: z.array(z.object({ price: z.object({ id }), current_period_end: z.number().optional() })).min(1),
  }),
});

const checkoutObject = z.object({
  customer: ref.nullable(),
  client_reference_id: z.string().nullable().optional(),
  mode: z.string(),
});

const invoiceObject = z.object({
  customer: ref,
  subscription: ref.nullable().optional(),
  parent: z
    .object({ subscription_details: z.object({ subscription: ref }).nullable().optional() })
    .nullable()
    .optional(),
});

type Translation = { event: BillingEvent } | { ignored: string };

function snapshotOf(prices: PriceMap, object: z.infer<typeof subscriptionObject>): SubscriptionSnapshot | null {
  const item = object.items.data[0]!;
  const plan = planOfPrice(prices, item.price.id);
  const periodEnd = item.current_period_end ?? object.current_period_end;
  if (!plan || periodEnd === undefined) return null;
  const status =
    object.status === "incomplete_expired" ? "canceled" : object.status === "paused" ? "past_due" : object.status;
  return {
    id: object.id,
    ...plan,
    status,
    currentPeriodEnd: new Date(periodEnd * 1000),
    cancelAtPeriodEnd: object.cancel_at_period_end,
  };
}

/**
 * Turns a verified Stripe event into our billing event, or says why it was
 * ignored (a type we do not handle, a price that is none of our plans, a
 * payload we cannot read). Ignored events are acknowledged, never retried.
 */
export function translateStripeEvent(event: Stripe.Event, prices: PriceMap): Translation {
  const base = { id: event.id, provider: "stripe" as const, createdAt: new Date(event.created * 1000) };
  const object = event.data.object as unknown;
  switch (event.type) {
    case "checkout.session.completed": {
      const session = checkoutObject.safeParse(object);
      if (!session.success || session.data.mode !== "subscription" || !session.data.customer)
        return { ignored: "not a subscription checkout" };
      return {
        event: {
          ...base,
          type: "checkout.completed",
          customerId: session.data.customer,
          userId: session.data.client_reference_id ?? undefined,
          subscription: null,
        },
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = subscriptionObject.safeParse(object);
      if (!subscription.success) return { ignored: "unreadable subscription" };
      const common = { ...base, customerId: subscription.data.customer, userId: subscription.data.metadata.userId };
      if (event.type === "customer.subscription.deleted")
        return { event: { ...common, type: "subscription.deleted", subscriptionId: subscription.data.id } };
      const snapshot = snapshotOf(prices, subscription.data);
      if (!snapshot) return { ignored: `price ${subscription.data.items.data[0]!.price.id} is none of our plans` };
      return { event: { ...common, type: "subscription.changed", subscription: snapshot } };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = invoiceObject.safeParse(object);
      const subscriptionId = invoice.success
        ? (invoice.data.parent?.subscription_details?.subscription ?? invoice.data.subscription)
        : null;
      if (!invoice.success || !subscriptionId) return { ignored: "not a subscription invoice" };
      const type = event.type === "invoice.paid" ? "invoice.paid" : "invoice.payment_failed";
      return { event: { ...base, type, customerId: invoice.data.customer, subscriptionId } };
    }
    default:
      return { ignored: `event type ${event.type} is not handled` };
  }
}

/** Verifies a webhook's signature on the raw body (and that it is recent) and parses it. Throws when it does not verify. */
export function verifyStripeWebhook(payload: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(payload, signature, secret, 300);
}
