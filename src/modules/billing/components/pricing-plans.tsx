"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import { startCheckoutAction } from "../actions";
import { monthsFreeYearly, planFeatures } from "./plan-features";
import { getPlan, intervalLabels, intervals, plans, type BillingInterval, type Plan } from "../plans";

/** What the viewer can do on the pricing page. */
export type PricingViewer =
  | { kind: "visitor" }
  | { kind: "talent" }
  | { kind: "admin" }
  | { kind: "subscriber"; plan: Plan; isSubscribed: boolean };

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

/** The billing period switch: a radio group, moved through with the arrow keys like native radios. */
function IntervalSwitch({
  interval,
  onChange,
  monthsFree,
}: {
  interval: BillingInterval;
  onChange: (interval: BillingInterval) => void;
  monthsFree: number;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = (index + step + intervals.length) % intervals.length;
    onChange(intervals[next]!);
    buttons.current[next]?.focus();
  };
  return (
    <div role="radiogroup" aria-label="Billing period" className="mx-auto flex w-fit rounded-full bg-stone-200 p-1">
      {intervals.map((value, index) => (
        <button
          key={value}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={interval === value}
          tabIndex={interval === value ? 0 : -1}
          onClick={() => onChange(value)}
          onKeyDown={(event) => onKeyDown(event, index)}
          className={cn(
            "flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-semibold",
            interval === value ? "bg-white text-stone-900 shadow" : "text-stone-700 hover:text-stone-900",
          )}
        >
          {intervalLabels[value]}
          {value === "year" && monthsFree > 0 ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
              {monthsFree} months free
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

export function PricingPlans({ viewer, dailyRequestCap }: { viewer: PricingViewer; dailyRequestCap: number }) {
  const [interval, setInterval] = useState<BillingInterval>("month");
  // The smallest saving of any plan, so the switch never overstates one.
  const monthsFree = Math.min(...plans.map((plan) => monthsFreeYearly(getPlan(plan).price)));
  return (
    <div className="space-y-6">
      <IntervalSwitch interval={interval} onChange={setInterval} monthsFree={monthsFree} />
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
                <span className="text-stone-600"> / {interval}</span>
              </p>
              <ul className="flex-1 space-y-2 text-sm">
                {planFeatures(plan, dailyRequestCap).map((line) => (
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
