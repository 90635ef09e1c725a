import { ButtonLink } from "@/components/ui/button";

/** What a 404 says, inside whichever frame shows it. */
export function PageNotFound({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="flex flex-col items-center justify-center gap-6 py-4 text-center">
      <div>
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that page</h1>
        <p className="mt-2 text-stone-600">The link may be wrong, or the page may have moved or been removed.</p>
      </div>
      <div className="flex flex-wrap justify-center gap-3">
        {signedIn ? (
          <ButtonLink href="/home">Go to your home page</ButtonLink>
        ) : (
          <ButtonLink href="/">Go to Callback</ButtonLink>
        )}
        <ButtonLink href="/talents" variant="secondary">
          Browse talents
        </ButtonLink>
      </div>
    </div>
  );
}
