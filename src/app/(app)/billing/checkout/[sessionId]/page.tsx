import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { TestCheckoutForm } from "@/modules/billing/components/test-checkout-form";
import { returnPathInput } from "@/modules/billing/inputs";
import { getPlan, intervalLabels } from "@/modules/billing/plans";
import { getOpenTestCheckout } from "@/modules/billing/queries";

export const metadata: Metadata = { title: "Test checkout" };

/** The local checkout of test mode: no card, no payment; the three outcomes a real checkout can have. */
export default async function TestCheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const actor = await requirePermission("subscription:manage");
  const checkout = await getOpenTestCheckout(getDb(), actor, (await params).sessionId);
  if (!checkout) notFound();
  const returnTo = returnPathInput.safeParse((await searchParams).next);
  const plan = getPlan(checkout.plan);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <p className="rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-center text-sm font-bold uppercase tracking-wide text-amber-900">
        Test mode - no payment is taken
      </p>
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Checkout</h1>
        <dl className="space-y-1 text-sm">
          <div className="flex justify-between">
            <dt>Plan</dt>
            <dd className="font-semibold">
              {plan.name}, {intervalLabels[checkout.interval].toLowerCase()}
            </dd>
          </div>
          <div className="flex justify-between">
            <dt>Price</dt>
            <dd className="font-semibold">
              ${plan.price[checkout.interval].toLocaleString("en")} / {checkout.interval}
            </dd>
          </div>
          <div className="flex justify-between">
            <dt>Account</dt>
            <dd>{actor.email}</dd>
          </div>
        </dl>
        <TestCheckoutForm sessionId={checkout.id} returnTo={returnTo.success ? returnTo.data : undefined} />
      </Card>
    </div>
  );
}
