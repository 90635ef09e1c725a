import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { requireActor } from "@/modules/access/actor";
import { describePermissions } from "@/modules/access/permissions";
import { canSubscribe } from "@/modules/access/policies";
import { checkPremiumAccess } from "@/modules/access/premium";
import { roleLabels } from "@/modules/access/roles";

export const metadata: Metadata = { title: "Home" };

const introductions = {
  TALENT:
    "Your profile is how casting teams discover you. Keep it current, and you decide who gets your contact details.",
  PROFESSIONAL: "Search the talent database, shortlist the people you need, and reach them directly.",
  COMPANY: "Give your casting team one place to search talent, keep shortlists and reach performers.",
  ADMIN: "You oversee the platform: accounts, profiles, conversations and contact requests.",
} as const;

export default async function HomePage() {
  const actor = await requireActor();
  const firstName = actor.name.split(" ")[0];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Welcome, {firstName}</h1>
        <p className="mt-2 max-w-2xl text-stone-600">{introductions[actor.role]}</p>
      </div>
      {canSubscribe(actor) ? <SubscriptionCard access={checkPremiumAccess(actor)} /> : null}
      <Card>
        <CardTitle>What your {roleLabels[actor.role].toLowerCase()} account can do</CardTitle>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {describePermissions(actor.role).map(({ permission, description }) => (
            <li key={permission} className="flex gap-3 rounded-xl bg-stone-50 p-3 text-sm text-stone-700">
              <span aria-hidden className="mt-1 size-2 shrink-0 rounded-full bg-brand-500" />
              {description}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function SubscriptionCard({ access }: { access: ReturnType<typeof checkPremiumAccess> }) {
  if (access.allowed) {
    return (
      <Card className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-700">
          Your subscription is active: full profiles and contacting talents are open to you.
        </p>
        <ButtonLink href="/talents">Browse talents</ButtonLink>
      </Card>
    );
  }
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 border-brand-200 bg-brand-50">
      <p className="text-sm text-stone-700">
        {access.reason === "payment_failed"
          ? "Your last payment failed, so premium features are paused."
          : "Subscribe to see full talent profiles and to contact talents. Browsing the gallery stays free."}
      </p>
      <ButtonLink href={access.reason === "payment_failed" ? "/billing" : "/pricing"}>
        {access.reason === "payment_failed" ? "Fix the payment" : "See plans"}
      </ButtonLink>
    </Card>
  );
}
