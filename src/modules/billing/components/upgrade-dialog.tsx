"use client";

import type { ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import type { UpgradeReason } from "@/modules/access/policies";
import { startCheckoutAction } from "../actions";
import { describePlanUnlocks, getPlan, intervalLabels, intervals, type Plan } from "../plans";

const standing: Record<UpgradeReason, string> = {
  never_subscribed: "Your account has no subscription yet.",
  past_due: "Your last payment did not go through, so your subscription is paused until it is paid.",
  canceled: "Your subscription has ended.",
};

type UpgradeDialogProps = {
  /** The button's label, e.g. "Message Ana"; the button looks like the action it stands for. */
  label: string;
  variant?: "primary" | "secondary";
  /** What the person was about to do, completing "Subscribe to ...". */
  purpose: string;
  reason: UpgradeReason;
  plan: Plan;
  /** The page of this site to go to once paid (or back to when the checkout is canceled). */
  returnTo: string;
};

/**
 * A premium action shown to an account that cannot use it yet: the button
 * opens a dialog that says which state the account is in, what the plan
 * unlocks, and leads to checkout (or, when a payment failed, to billing).
 */
export function UpgradeDialog({ label, variant = "primary", purpose, reason, plan, returnTo }: UpgradeDialogProps) {
  const definition = getPlan(plan);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button type="button" variant={variant} aria-haspopup="dialog">
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={reason === "past_due" ? "Fix your payment to continue" : `Subscribe to ${purpose}`}
        description={standing[reason]}
        data-testid="upgrade-dialog"
      >
        <section aria-label={`What the ${definition.name} plan unlocks`} className="space-y-2">
          <h3 className="text-sm font-semibold text-stone-900">The {definition.name} plan unlocks</h3>
          <ul className="space-y-1 text-sm text-stone-700">
            {describePlanUnlocks(plan).map((line) => (
              <li key={line} className="flex gap-2">
                <span aria-hidden className="font-bold text-brand-600">
                  +
                </span>
                {line}
              </li>
            ))}
          </ul>
        </section>
        <div className="mt-5">
          {reason === "past_due" ? (
            <PastDue />
          ) : (
            <CheckoutChoice plan={plan} returnTo={returnTo}>
              {reason === "canceled" ? "Subscribe again" : "Continue to checkout"}
            </CheckoutChoice>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

function PastDue() {
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">
        Retry the payment or update your payment details on your billing page; everything opens again once it is paid.
      </p>
      <ButtonLink href="/billing">Fix the payment</ButtonLink>
    </div>
  );
}

function CheckoutChoice({ plan, returnTo, children }: { plan: Plan; returnTo: string; children: ReactNode }) {
  const { failure, formAction, formKey } = useFormAction(startCheckoutAction);
  const definition = getPlan(plan);
  return (
    <form key={formKey} action={formAction} className="space-y-4">
      <input type="hidden" name="plan" value={plan} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-stone-900">Billing period</legend>
        {intervals.map((interval) => (
          <label
            key={interval}
            className="flex cursor-pointer items-center gap-3 rounded-lg border border-stone-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="interval"
              value={interval}
              defaultChecked={interval === "month"}
              className="accent-brand-600"
            />
            <span className="font-medium">{intervalLabels[interval]}</span>
            <span className="ml-auto text-stone-700">
              ${definition.price[interval].toLocaleString("en")} / {interval}
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingText="Opening checkout...">{children}</SubmitButton>
      <FormError message={failure?.message} />
    </form>
  );
}
