import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { billingCustomers, billingEvents, subscriptions } from "@/db/schema/billing";
import { createProfessional } from "@/db/seed/factories";
import type { Db } from "@/db";
import { checkPremiumAccess } from "@/modules/access/premium";
import { freshDatabase } from "@/test/database";
import { getSubscriptionFacts } from "./internal";
import type { PriceMap } from "./stripe";
import { handleStripeWebhook } from "./webhook";

const secret = "whsec_test_secret_for_callback";
const prices: PriceMap = {
  PROFESSIONAL: { month: "price_pro_month", year: "price_pro_year" },
  COMPANY: { month: "price_company_month", year: "price_company_year" },
};
const nowSeconds = () => Math.floor(Date.now() / 1000);
let sequence = 0;

function stripeEvent(type: string, object: Record<string, unknown>, created = nowSeconds()) {
  sequence += 1;
  return { id: `evt_${sequence}_${Date.now()}`, object: "event", type, created, data: { object } };
}

function subscriptionObject(customer: string, overrides: Record<string, unknown> = {}) {
  return {
    id: "sub_123",
    object: "subscription",
    customer,
    status: "active",
    cancel_at_period_end: false,
    metadata: {},
    items: { data: [{ price: { id: "price_pro_month" }, current_period_end: nowSeconds() + 30 * 86_400 }] },
    ...overrides,
  };
}

function deliver(
  db: Db,
  event: object,
  options: { signWith?: string; timestamp?: number; signature?: string | null } = {},
) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature !== undefined
      ? options.signature
      : Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.signWith ?? secret,
          timestamp: options.timestamp ?? nowSeconds(),
        });
  return handleStripeWebhook(db, { payload, signature, secret, prices });
}

describe("the Stripe webhook", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  async function customer(name: string) {
    const user = await createProfessional(db, { name });
    const customerId = `cus_${user.id.slice(0, 8)}`;
    await db.insert(billingCustomers).values({ userId: user.id, provider: "stripe", customerId });
    return { user, customerId };
  }

  it("activates a subscription from a signed event, and premium access follows", async () => {
    const { user, customerId } = await customer("Webhook Pro");
    const answer = await deliver(
      db,
      stripeEvent("customer.subscription.created", subscriptionObject(customerId, { id: "sub_activate" })),
    );
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    const facts = await getSubscriptionFacts(db, user.id);
    expect(facts).toMatchObject({ plan: "PROFESSIONAL", status: "active" });
    expect(checkPremiumAccess({ ...user.actor, subscription: facts })).toEqual({ allowed: true });
  });

  it("refuses a bad signature, a missing one and a stale timestamp with 400, changing nothing", async () => {
    const { user, customerId } = await customer("Forged");
    const event = stripeEvent("customer.subscription.created", subscriptionObject(customerId, { id: "sub_forged" }));
    expect((await deliver(db, event, { signWith: "whsec_someone_else" })).status).toBe(400);
    expect((await deliver(db, event, { signature: null })).status).toBe(400);
    expect((await deliver(db, event, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect((await deliver(db, event, { timestamp: nowSeconds() - 3600 })).status).toBe(400);
    expect(await getSubscriptionFacts(db, user.id)).toBeNull();
    expect(await db.select().from(billingEvents).where(eq(billingEvents.id, event.id))).toHaveLength(0);
  });

  it("applies a replayed event once, whether it comes twice in a row or twice at the same moment", async () => {
    const { user, customerId } = await customer("Replayed");
    await deliver(
      db,
      stripeEvent("customer.subscription.created", subscriptionObject(customerId, { id: "sub_replay" })),
    );
    const failed = stripeEvent("invoice.payment_failed", {
      id: "in_1",
      customer: customerId,
      parent: { subscription_details: { subscription: "sub_replay" } },
    });
    expect((await deliver(db, failed)).body).toMatchObject({ outcome: "applied" });
    expect((await deliver(db, failed)).body).toMatchObject({ outcome: "duplicate" });

    const paid = stripeEvent("invoice.paid", { id: "in_2", customer: customerId, subscription: "sub_replay" });
    const answers = await Promise.all([deliver(db, paid), deliver(db, paid), deliver(db, paid)]);
    expect(answers.map((answer) => answer.body.outcome).sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect((await getSubscriptionFacts(db, user.id))?.status).toBe("active");
    expect(await db.select().from(billingEvents).where(eq(billingEvents.id, paid.id))).toHaveLength(1);
  });

  it("never lets an older event overwrite a newer state: an update delivered after the deletion is ignored", async () => {
    const { user, customerId } = await customer("Out Of Order");
    const created = nowSeconds() - 100;
    await deliver(
      db,
      stripeEvent("customer.subscription.created", subscriptionObject(customerId, { id: "sub_order" }), created),
    );
    const deleted = stripeEvent(
      "customer.subscription.deleted",
      subscriptionObject(customerId, { id: "sub_order", status: "canceled" }),
      created + 20,
    );
    const olderUpdate = stripeEvent(
      "customer.subscription.updated",
      subscriptionObject(customerId, { id: "sub_order", cancel_at_period_end: true }),
      created + 10,
    );
    expect((await deliver(db, deleted)).body).toMatchObject({ outcome: "applied" });
    expect((await deliver(db, olderUpdate)).body).toMatchObject({ outcome: "unchanged" });
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, user.id));
    expect(row).toMatchObject({ status: "canceled", cancelAtPeriodEnd: false });
  });

  it("marks a failed renewal past due, which pauses premium access with the reason", async () => {
    const { user, customerId } = await customer("Card Declined");
    await deliver(
      db,
      stripeEvent(
        "customer.subscription.created",
        subscriptionObject(customerId, { id: "sub_declined" }),
        nowSeconds() - 5,
      ),
    );
    await deliver(
      db,
      stripeEvent("invoice.payment_failed", {
        customer: customerId,
        parent: { subscription_details: { subscription: "sub_declined" } },
      }),
    );
    const facts = await getSubscriptionFacts(db, user.id);
    expect(facts?.status).toBe("past_due");
    expect(checkPremiumAccess({ ...user.actor, subscription: facts })).toEqual({
      allowed: false,
      reason: "payment_failed",
    });
  });

  it("links the customer from a completed checkout, even when its subscription events arrive first", async () => {
    const user = await createProfessional(db, { name: "Early Bird" });
    const early = stripeEvent(
      "customer.subscription.created",
      subscriptionObject("cus_early", { id: "sub_early", metadata: { userId: user.id } }),
    );
    expect((await deliver(db, early)).body).toMatchObject({ outcome: "applied" });
    const checkout = stripeEvent("checkout.session.completed", {
      id: "cs_1",
      mode: "subscription",
      customer: "cus_early",
      client_reference_id: user.id,
      subscription: "sub_early",
    });
    expect((await deliver(db, checkout)).body).toMatchObject({ outcome: "applied" });
    expect((await getSubscriptionFacts(db, user.id))?.status).toBe("active");
  });

  it("acknowledges events for unknown customers and of unhandled types, without effect and without a retry loop", async () => {
    const unknown = await deliver(
      db,
      stripeEvent("customer.subscription.updated", subscriptionObject("cus_nobody", { id: "sub_nobody" })),
    );
    expect(unknown).toEqual({ status: 200, body: { received: true, outcome: "unknown_customer" } });
    const other = await deliver(db, stripeEvent("charge.refunded", { id: "ch_1" }));
    expect(other).toMatchObject({ status: 200, body: { received: true } });
    const foreignPrice = await deliver(
      db,
      stripeEvent(
        "customer.subscription.updated",
        subscriptionObject("cus_x", { items: { data: [{ price: { id: "price_other" }, current_period_end: 1 }] } }),
      ),
    );
    expect(foreignPrice).toMatchObject({ status: 200, body: { ignored: "price price_other is none of our plans" } });
    expect(await db.select().from(subscriptions).where(eq(subscriptions.subscriptionId, "sub_nobody"))).toHaveLength(0);
  });

  it("rolls back and answers with an error when applying fails, so Stripe retries", async () => {
    const { customerId } = await customer("Broken Apply");
    const event = stripeEvent("customer.subscription.created", subscriptionObject(customerId, { id: "sub_activate" })); // already held by another account
    await expect(deliver(db, event)).rejects.toThrow();
    expect(await db.select().from(billingEvents).where(eq(billingEvents.id, event.id))).toHaveLength(0);
  });
});
