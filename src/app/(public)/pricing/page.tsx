import type { Metadata } from "next";
import { getActor } from "@/modules/access/actor";
import { canSubscribe } from "@/modules/access/policies";
import { PricingPlans, type PricingViewer } from "@/modules/billing/components/pricing-plans";
import { TestModeNotice } from "@/modules/billing/components/test-mode-notice";
import { planForRole } from "@/modules/billing/plans";
import { getBillingProvider } from "@/modules/billing/provider";
import { canManageOwnProfile } from "@/modules/talents/policies";

export const metadata: Metadata = { title: "Pricing" };

export default async function PricingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const actor = await getActor();
  const { checkout } = await searchParams;
  const plan = actor ? planForRole(actor.role) : null;
  const status = actor?.subscription?.status;
  const viewer: PricingViewer = !actor
    ? { kind: "visitor" }
    : canManageOwnProfile(actor)
      ? { kind: "talent" }
      : !canSubscribe(actor) || !plan
        ? { kind: "admin" }
        : {
            kind: "subscriber",
            plan,
            isSubscribed: Boolean(status && status !== "canceled" && status !== "incomplete"),
          };
  return (
    <div className="space-y-8">
      <div className="text-center">
        <h1 className="text-4xl font-bold tracking-tight">Find and reach the right talent</h1>
        <p className="mt-2 text-stone-600">
          Browsing the gallery is free. A subscription opens full profiles and lets you contact talents.
        </p>
      </div>
      {getBillingProvider().kind === "test" ? <TestModeNotice /> : null}
      {checkout === "canceled" ? (
        <p role="status" className="rounded-xl bg-stone-100 px-4 py-2 text-sm">
          Checkout canceled. Nothing was charged.
        </p>
      ) : null}
      {viewer.kind === "talent" ? (
        <p className="rounded-xl bg-brand-50 px-4 py-3 text-center text-sm">
          Talents use Callback for free. These plans are for casting professionals and companies.
        </p>
      ) : null}
      <PricingPlans viewer={viewer} />
    </div>
  );
}
