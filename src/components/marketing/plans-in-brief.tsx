import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { getPlan, getPlanCapabilities, plans } from "@/modules/billing/plans";

const number = (value: number) => value.toLocaleString("en");

/** The plans at a glance, from the billing module's definitions; the pricing page has the rest. */
export function PlansInBrief() {
  return (
    <section aria-labelledby="plans" className="space-y-6">
      <div className="max-w-2xl">
        <p className="text-sm font-semibold text-brand-700">Plans</p>
        <h2 id="plans" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          Free for talents. A subscription for casting.
        </h2>
        <p className="mt-2 text-stone-700">
          Anyone can browse the gallery and public profiles. A subscription opens full profiles and lets you reach
          talents.
        </p>
      </div>
      <ul aria-label="Plans" className="grid gap-4 md:grid-cols-3">
        <li className="flex flex-col rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
          <h3 className="text-lg font-bold">Talent</h3>
          <p className="mt-2">
            <span className="text-3xl font-bold">$0</span>
            <span className="text-stone-600"> forever</span>
          </p>
          <p className="mt-3 flex-1 text-sm leading-6 text-stone-700">
            A public profile with photos and credits, messages from casting, and the final say on your contact details.
          </p>
          <ButtonLink href="/sign-up?as=talent" variant="secondary" className="mt-6">
            Join as a talent
          </ButtonLink>
        </li>
        {plans.map((plan) => {
          const definition = getPlan(plan);
          const capabilities = getPlanCapabilities(plan);
          return (
            <li
              key={plan}
              className="flex flex-col rounded-2xl border border-stone-200 bg-white p-6 shadow-sm"
              data-plan={plan}
            >
              <h3 className="text-lg font-bold">{definition.name}</h3>
              <p className="mt-2">
                <span className="text-3xl font-bold">${number(definition.price.month)}</span>
                <span className="text-stone-600"> a month</span>
              </p>
              <p className="text-xs text-stone-600">or ${number(definition.price.year)} a year</p>
              <p className="mt-3 flex-1 text-sm leading-6 text-stone-700">
                {definition.summary} Full profiles, direct messages, collections and{" "}
                <strong className="font-semibold text-stone-900">
                  {number(capabilities.contactRequestsPerMonth)} contact requests a month
                </strong>
                .
              </p>
              <ButtonLink
                href={`/sign-up?as=${plan.toLowerCase()}`}
                variant={plan === "PROFESSIONAL" ? "primary" : "secondary"}
                className="mt-6"
              >
                {plan === "COMPANY" ? "Create a company account" : "Create a casting account"}
              </ButtonLink>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-stone-700">
        <Link href="/pricing" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          Compare the plans on the pricing page
        </Link>{" "}
        for every limit and the yearly prices.
      </p>
    </section>
  );
}
