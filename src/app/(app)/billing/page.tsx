import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { checkPremiumAccess } from "@/modules/access/premium";
import { SubscriptionControls } from "@/modules/billing/components/subscription-panel";
import { TestModeNotice } from "@/modules/billing/components/test-mode-notice";
import { getPlan, getPlanCapabilities, intervalLabels, statusLabels } from "@/modules/billing/plans";
import { getBillingProvider } from "@/modules/billing/provider";
import { getOwnSubscription } from "@/modules/billing/queries";
import { getMonthlyUsage } from "@/modules/contact-requests/queries";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const actor = await requirePermission("subscription:manage");
  const { checkout } = await searchParams;
  const [subscription, usage] = await Promise.all([
    getOwnSubscription(getDb(), actor),
    getMonthlyUsage(getDb(), actor),
  ]);
  const access = checkPremiumAccess(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Billing</h1>
      {getBillingProvider().kind === "test" ? <TestModeNotice /> : null}
      {checkout === "success" ? (
        <p role="status" className="rounded-xl bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          Thank you - your subscription is {subscription?.status === "active" ? "active" : "being confirmed"}.
        </p>
      ) : null}
      {checkout === "failed" ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-2 text-sm text-red-900">
          The payment did not go through, so the subscription is not active yet. Retry the payment below.
        </p>
      ) : null}
      {!subscription ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">You have no subscription</h2>
          <p className="text-sm text-stone-600">
            Subscribe to see full talent profiles, message talents and send contact requests.
          </p>
          <ButtonLink href="/pricing">See plans</ButtonLink>
        </Card>
      ) : (
        <Card className="space-y-5">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-lg font-semibold">
              {getPlan(subscription.plan).name} plan, {intervalLabels[subscription.interval].toLowerCase()}
            </h2>
            <Badge tone={access.allowed ? "success" : "danger"} data-testid="subscription-status">
              {subscription.cancelAtPeriodEnd && access.allowed
                ? "Ends at period end"
                : statusLabels[subscription.status]}
            </Badge>
          </div>
          <p className="text-sm text-stone-700">
            {subscription.status === "canceled"
              ? `Ended. Subscribe again any time from the pricing page.`
              : subscription.cancelAtPeriodEnd
                ? `Your access continues until ${formatDate(subscription.currentPeriodEnd, actor.timeZone, { month: "long" })}; it will not renew.`
                : access.allowed
                  ? `Renews on ${formatDate(subscription.currentPeriodEnd, actor.timeZone, { month: "long" })}.`
                  : "Your last payment failed. Premium profiles and contacting talents are paused until it is paid."}
          </p>
          <div>
            <h3 className="text-sm font-semibold">Your plan includes</h3>
            <ul className="mt-2 grid gap-1 text-sm text-stone-700 sm:grid-cols-2">
              <li>Full talent profiles</li>
              <li>Direct messages to talents</li>
              <li data-testid="request-usage">
                Contact requests this month: {usage} of {getPlanCapabilities(subscription.plan).contactRequestsPerMonth}
              </li>
              <li>Collections of talents</li>
            </ul>
          </div>
          <SubscriptionControls subscription={subscription} />
          {subscription.status === "canceled" ? <ButtonLink href="/pricing">See plans</ButtonLink> : null}
        </Card>
      )}
    </div>
  );
}
