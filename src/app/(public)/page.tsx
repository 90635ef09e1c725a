import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Audiences } from "@/components/marketing/audiences";
import { ContactRequestSteps } from "@/components/marketing/contact-request-steps";
import { FeaturedTalents } from "@/components/marketing/featured-talents";
import { Hero } from "@/components/marketing/hero";
import { PlansInBrief } from "@/components/marketing/plans-in-brief";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { getActor } from "@/modules/access/actor";
import { listFeaturedTalents } from "@/modules/talents/queries";

export const metadata: Metadata = {
  title: { absolute: "Callback - the talent platform for the casting industry" },
  description:
    "Talents publish a free profile and decide who gets their contact details. Casting professionals and companies search the gallery, message talents, send contact requests and keep collections.",
  alternates: { canonical: "/" },
};

/** The front door for visitors; signed-in people have their own home. */
export default async function LandingPage() {
  if (await getActor()) redirect("/home");
  const talents = await listFeaturedTalents(getDb());
  return (
    <div className="space-y-16 sm:space-y-20">
      <Hero talents={talents} />
      <Audiences />
      <FeaturedTalents talents={talents} />
      <ContactRequestSteps expiryDays={getEnv().CONTACT_REQUEST_EXPIRY_DAYS} />
      <PlansInBrief />
      <section
        aria-labelledby="get-started"
        className="rounded-3xl border border-stone-200 bg-white px-6 py-10 text-center shadow-sm sm:px-10"
      >
        <h2 id="get-started" className="text-2xl font-bold tracking-tight sm:text-3xl">
          Your next role, or your next cast, starts here
        </h2>
        <p className="mx-auto mt-2 max-w-xl text-stone-700">
          Creating an account takes a minute. Talents publish for free; casting accounts can browse before they
          subscribe.
        </p>
        <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
          <ButtonLink href="/sign-up?as=talent">I am a talent</ButtonLink>
          <ButtonLink href="/sign-up?as=professional" variant="secondary">
            I cast talent
          </ButtonLink>
          <ButtonLink href="/talents" variant="ghost">
            Browse the gallery
          </ButtonLink>
        </div>
      </section>
    </div>
  );
}
