import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";
import { getActor } from "@/modules/access/actor";
import { canSubscribe } from "@/modules/access/policies";
import { PricingPlans, type PricingViewer } from "@/modules/billing/components/pricing-plans";
import { TestModeNotice } from "@/modules/billing/components/test-mode-notice";
import { planForRole } from "@/modules/billing/plans";
import { getBillingProvider } from "@/modules/billing/provider";
import { canManageOwnProfile } from "@/modules/talents/policies";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Callback is free for talents. Casting professionals and companies subscribe to see full profiles, message talents and send contact requests.",
};

export default async function PricingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const actor = await getActor();
  const { checkout } = await searchParams;
  const plan = actor ? planForRole(actor.role) : null;
  const status = actor?.subscription?.status;
  const env = getEnv();
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
      <PricingPlans viewer={viewer} dailyRequestCap={env.CONTACT_REQUEST_DAILY_CAP} />
      {viewer.kind === "visitor" ? (
        <p className="text-center text-sm text-stone-700">
          Are you a performer? Talent profiles are free.{" "}
          <Link href="/sign-up?as=talent" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Create your talent profile
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="pricing-questions" className="mx-auto max-w-3xl space-y-4 pt-4">
        <h2 id="pricing-questions" className="text-2xl font-bold tracking-tight">
          Questions
        </h2>
        <dl className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {[
            {
              question: "What can I see without a subscription?",
              answer:
                "Anyone can browse the gallery and open a talent's public profile: the main photo, headline, city, categories, languages and skills. A subscription adds the bio, credits, showreels, every photo and day rates, and lets you reach the talent.",
            },
            {
              question: "What is a contact request?",
              answer: `You describe your project and the role. The talent decides whether to share their phone, email or agent details with you, and which of them. A request not answered within ${env.CONTACT_REQUEST_EXPIRY_DAYS} days expires; after a decline you can ask the same talent again ${env.CONTACT_REQUEST_COOLDOWN_DAYS} days later.`,
            },
            {
              question: "Which plan is mine?",
              answer:
                "Each account type has its own plan: casting professionals subscribe to Professional, companies to Company. The plans differ in how many contact requests they include each month.",
            },
            {
              question: "Can I share an account with my team?",
              answer: "No. A subscription belongs to one account, for the person who signs in with it.",
            },
            {
              question: "Can I cancel?",
              answer:
                "Yes, at any time from your billing page. Your subscription stays active until the end of the period you paid for, and you can resume it before then.",
            },
          ].map((item) => (
            <div key={item.question} className="p-5">
              <dt className="font-semibold text-stone-900">{item.question}</dt>
              <dd className="mt-1 text-sm leading-6 text-stone-700">{item.answer}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
