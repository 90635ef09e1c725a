import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db";
import { billingCustomers, testCheckoutSessions } from "@/db/schema/billing";
import { getEnv } from "@/lib/env";
import type { BillingInterval, Plan } from "./plans";
import type { PriceMap } from "./stripe";

export type CheckoutRequest = {
  user: { id: string; email: string; name: string };
  plan: Plan;
  interval: BillingInterval;
  successUrl: string;
  cancelUrl: string;
  /** The page of this site to return to after paying, already validated; the test checkout carries it along. */
  returnTo?: string;
};

/** A payment provider: where a person goes to subscribe, and to manage what they pay. */
export interface BillingProvider {
  readonly kind: "stripe" | "test";
  /** The address of the checkout for this plan. */
  startCheckout(db: Db, request: CheckoutRequest): Promise<string>;
  /** The address where the customer manages payment details, plan and cancellation; null when the app itself offers that. */
  managementUrl(db: Db, userId: string, returnUrl: string): Promise<string | null>;
  /** Ends a subscription at once, with no further charge: when its account is deleted. */
  cancelSubscriptionNow(subscriptionId: string): Promise<void>;
}

async function existingCustomer(db: Db, userId: string) {
  const [row] = await db
    .select({ customerId: billingCustomers.customerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.userId, userId));
  return row?.customerId ?? null;
}

/**
 * Stripe Checkout and the Customer Portal. The Stripe customer is created (and
 * recorded) before checkout, so every webhook that follows names a customer we know.
 */
export class StripeBillingProvider implements BillingProvider {
  readonly kind = "stripe";

  constructor(
    private readonly stripe: Stripe,
    private readonly prices: PriceMap,
  ) {}

  private async customerFor(db: Db, user: CheckoutRequest["user"]) {
    const known = await existingCustomer(db, user.id);
    if (known) return known;
    const customer = await this.stripe.customers.create({
      email: user.email,
      name: user.name,
      metadata: { userId: user.id },
    });
    await db
      .insert(billingCustomers)
      .values({ userId: user.id, provider: "stripe", customerId: customer.id })
      .onConflictDoNothing();
    return (await existingCustomer(db, user.id)) ?? customer.id;
  }

  async startCheckout(db: Db, request: CheckoutRequest) {
    const customer = await this.customerFor(db, request.user);
    const session = await this.stripe.checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: request.user.id,
      line_items: [{ price: this.prices[request.plan][request.interval], quantity: 1 }],
      subscription_data: { metadata: { userId: request.user.id } },
      allow_promotion_codes: true,
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    });
    if (!session.url) throw new Error("Stripe returned a checkout session without an address.");
    return session.url;
  }

  async managementUrl(db: Db, userId: string, returnUrl: string) {
    const customer = await existingCustomer(db, userId);
    if (!customer) return null;
    const portal = await this.stripe.billingPortal.sessions.create({ customer, return_url: returnUrl });
    return portal.url;
  }

  async cancelSubscriptionNow(subscriptionId: string) {
    const subscription = await this.stripe.subscriptions.retrieve(subscriptionId);
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired") return;
    await this.stripe.subscriptions.cancel(subscriptionId);
  }
}

/**
 * The offline stand-in used whenever Stripe is not configured: checkout is a
 * local page, clearly labelled as test mode, whose outcomes become the same
 * billing events Stripe's webhooks do.
 */
export class TestBillingProvider implements BillingProvider {
  readonly kind = "test";

  async startCheckout(db: Db, request: CheckoutRequest) {
    if (!(await existingCustomer(db, request.user.id))) {
      await db
        .insert(billingCustomers)
        .values({ userId: request.user.id, provider: "test", customerId: `test_cus_${randomUUID()}` })
        .onConflictDoNothing();
    }
    const [session] = await db
      .insert(testCheckoutSessions)
      .values({
        userId: request.user.id,
        plan: request.plan,
        interval: request.interval,
        expiresAt: new Date(Date.now() + 3600_000),
      })
      .returning({ id: testCheckoutSessions.id });
    const next = request.returnTo ? `?next=${encodeURIComponent(request.returnTo)}` : "";
    return `/billing/checkout/${session!.id}${next}`;
  }

  async managementUrl() {
    return null;
  }

  /** Test-mode subscriptions exist only in our database; the deletion records the end there. */
  async cancelSubscriptionNow(_subscriptionId: string) {}
}

export function stripePrices(): PriceMap | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  return {
    PROFESSIONAL: { month: env.STRIPE_PRICE_PROFESSIONAL_MONTHLY!, year: env.STRIPE_PRICE_PROFESSIONAL_YEARLY! },
    COMPANY: { month: env.STRIPE_PRICE_COMPANY_MONTHLY!, year: env.STRIPE_PRICE_COMPANY_YEARLY! },
  };
}

const globalForBilling = globalThis as unknown as { callbackBillingProvider?: BillingProvider };

/** Stripe when STRIPE_SECRET_KEY is set; the test-mode provider otherwise. */
export function getBillingProvider(): BillingProvider {
  const prices = stripePrices();
  globalForBilling.callbackBillingProvider ??= prices
    ? new StripeBillingProvider(new Stripe(getEnv().STRIPE_SECRET_KEY!), prices)
    : new TestBillingProvider();
  return globalForBilling.callbackBillingProvider;
}
