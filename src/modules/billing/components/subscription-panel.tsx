"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import {
  cancelSubscriptionAction,
  changeIntervalAction,
  openBillingPortalAction,
  resumeSubscriptionAction,
  retryPaymentAction,
} from "../actions";
import type { SubscriptionView } from "../queries";

/** The changes a subscriber can make: in the Stripe portal, or here in test mode. */
export function SubscriptionControls({ subscription }: { subscription: SubscriptionView }) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.message);
    });

  if (subscription.provider === "stripe") {
    return (
      <div className="space-y-2">
        <Button type="button" disabled={isPending} onClick={() => run(openBillingPortalAction)}>
          Manage payment, plan and cancellation
        </Button>
        <FormError message={error} />
      </div>
    );
  }
  const failed =
    subscription.status === "past_due" || subscription.status === "unpaid" || subscription.status === "incomplete";
  const isLive = subscription.status === "active" || subscription.status === "trialing";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {failed ? (
          <Button type="button" disabled={isPending} onClick={() => run(retryPaymentAction)}>
            Retry the payment (test mode)
          </Button>
        ) : null}
        {isLive ? (
          <Button
            type="button"
            variant="secondary"
            disabled={isPending}
            onClick={() => run(() => changeIntervalAction(subscription.interval === "month" ? "year" : "month"))}
          >
            Switch to {subscription.interval === "month" ? "yearly" : "monthly"} billing
          </Button>
        ) : null}
        {isLive && !subscription.cancelAtPeriodEnd ? (
          <Button type="button" variant="secondary" disabled={isPending} onClick={() => run(cancelSubscriptionAction)}>
            Cancel at the end of the period
          </Button>
        ) : null}
        {isLive && subscription.cancelAtPeriodEnd ? (
          <Button type="button" disabled={isPending} onClick={() => run(resumeSubscriptionAction)}>
            Resume subscription
          </Button>
        ) : null}
      </div>
      <FormError message={error} />
    </div>
  );
}
