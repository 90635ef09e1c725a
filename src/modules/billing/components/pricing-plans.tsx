"use client";

import { useState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import { startCheckoutAction } from "../actions";
import {
  getPlan,
  getPlanCapabilities,
  intervalLabels,
  intervals,
  plans,
  type BillingInterval,
  type Plan,
} from "../plans";

/** What the viewer can do on the pricing page. */
export type PricingViewer =
  | { kind: "visitor" }
  | { kind: "talent" }
  | { kind: "admin" }
  | { kind: "subscriber"; plan: Plan; isSubscribed: boolean };

function capabilityLines(plan: Plan) {
  const capabilities = getPlanCapabilities(plan);
  return [
    "Full talent profiles: bio, credits, every photo, rates",
    "Direct messages to talents",
    `${capabilities.contactRequestsPerMonth} contact requests a month`,
    "Collections and shortlists, shareable with your team",
    capabilities.teamSeats > 1 ? `Up to ${capabilities.teamSeats} team members` : "One seat",
  ];
}

function PlanAction({ plan, interval, viewer }: { plan: Plan; interval: BillingInterval; viewer: PricingViewer }) {
  const { failure, formAction, formKey } = useFormAction(startCheckoutAction);
  if (viewer.kind === "visitor") {
    return (
      <ButtonLink href={`/sign-up?as=${plan.toLowerCase()}`} className="w-full">
        Create a {plan === "COMPANY" ? "company" : "casting"} account
      </ButtonLink>
    );
  }
  if (viewer.kind !== "subscriber") return null;
  if (viewer.plan !== plan)
    return (
      <p className="text-center text-sm text-stone-500">
        For {plan === "COMPANY" ? "company" : "professional"} accounts
      </p>
    );
  if (viewer.isSubscribed) {
    return (
      <ButtonLink href="/billing" variant="secondary" className="w-full">
        Manage your subscription
      </ButtonLink>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-2">
      <input type="hidden" name="plan" value={plan} />
      <input type="hidden" name="interval" value={interval} />
      <div className="[&>button]:w-full">
        <SubmitButton pendingText="Opening checkout...">
          Subscribe {interval === "year" ? "yearly" : "monthly"}
        </SubmitButton>
      </div>
      <FormError message={failure?.message} />
    </form>
  );
}

export function PricingPlans({ viewer }: { viewer: PricingViewer }) {
  const [interval, setInterval] = useState<BillingInterval>("month");
  return (
    <div className="space-y-6">
      <div role="radiogroup" aria-label="Billing period" className="mx-auto flex w-fit rounded-full bg-stone-200 p-1">
        {intervals.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={interval === value}
            onClick={() => setInterval(value)}
            className={cn(
              "rounded-full px-4 py-1.5 text-sm font-semibold",
              interval === value ? "bg-white shadow" : "text-stone-600",
            )}
          >
            {intervalLabels[value]}
            {value === "year" ? <span className="ml-1 text-xs text-emerald-700">2 months free</span> : null}
          </button>
        ))}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {plans.map((plan) => {
          const definition = getPlan(plan);
          return (
            <Card key={plan} className="flex flex-col gap-4" aria-labelledby={`plan-${plan}`}>
              <div>
                <h2 id={`plan-${plan}`} className="text-xl font-bold">
                  {definition.name}
                </h2>
                <p className="text-sm text-stone-600">{definition.summary}</p>
              </div>
              <p>
                <span className="text-4xl font-bold">${definition.price[interval].toLocaleString("en")}</span>
                <span className="text-stone-500"> / {interval}</span>
              </p>
              <ul className="flex-1 space-y-2 text-sm">
                {capabilityLines(plan).map((line) => (
                  <li key={line} className="flex gap-2">
                    <span aria-hidden className="font-bold text-brand-600">
                      +
                    </span>
                    {line}
                  </li>
                ))}
              </ul>
              <PlanAction plan={plan} interval={interval} viewer={viewer} />
            </Card>
          );
        })}
      </div>
    </div>
  );
}
