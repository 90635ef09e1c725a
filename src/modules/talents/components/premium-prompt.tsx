import { ButtonLink } from "@/components/ui/button";
import type { PremiumDenialReason } from "@/modules/access/premium";

const unlocks = [
  "The full bio and credits",
  "Every photo",
  "Height, eye and hair colour",
  "Showreels",
  "Day rate range",
  "Messaging and contact requests",
];

/**
 * What a viewer without premium access sees in place of premium data: what a
 * subscription unlocks and how to get it. It never contains the data itself.
 */
export function PremiumPrompt({ reason, talentName }: { reason: PremiumDenialReason; talentName: string }) {
  const message = {
    signed_out: `Casting professionals and companies with a subscription see ${talentName}'s full profile.`,
    not_subscribed: `Subscribe to see ${talentName}'s full profile and reach them directly.`,
    payment_failed: "Your last payment did not go through. Update your payment details to see premium profiles again.",
    role_not_eligible: "Full profiles are shown to subscribed casting professionals and companies.",
  }[reason];
  return (
    <section
      aria-labelledby="premium-heading"
      className="rounded-2xl border border-brand-200 bg-brand-50 p-6"
      data-testid="premium-prompt"
    >
      <h2 id="premium-heading" className="text-lg font-semibold text-brand-700">
        Premium profile
      </h2>
      <p className="mt-1 text-sm text-stone-700">{message}</p>
      {reason !== "role_not_eligible" ? (
        <>
          <ul className="mt-4 grid gap-2 text-sm text-stone-700 sm:grid-cols-2">
            {unlocks.map((item) => (
              <li key={item} className="flex gap-2">
                <span aria-hidden className="text-brand-600">
                  +
                </span>
                {item}
              </li>
            ))}
          </ul>
          <div className="mt-5 flex flex-wrap gap-2">
            {reason === "signed_out" ? (
              <>
                <ButtonLink href="/sign-up?as=professional">Create a casting account</ButtonLink>
                <ButtonLink href="/sign-in" variant="secondary">
                  Sign in
                </ButtonLink>
              </>
            ) : reason === "payment_failed" ? (
              <ButtonLink href="/billing">Fix the payment</ButtonLink>
            ) : (
              <ButtonLink href="/pricing">See plans</ButtonLink>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
