import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { SiteHeader } from "@/components/shell/site-header";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { getActor } from "@/modules/access/actor";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every 404, for an address that matches nothing and for a page that answered notFound(): it replaces the
 * route group's layout, so it brings the site header (the one logo on the page) and its own main element.
 */
export default async function NotFound() {
  const actor = await getActor();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <SiteHeader actor={actor} />
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="mx-auto flex w-full max-w-6xl flex-1 flex-col items-center justify-center gap-6 px-4 py-12 text-center focus:outline-none"
      >
        <div>
          <p className="text-sm font-semibold text-brand-700">404</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that page</h1>
          <p className="mt-2 text-stone-600">The link may be wrong, or the page may have moved or been removed.</p>
        </div>
        <div className="flex flex-wrap justify-center gap-3">
          {actor ? (
            <ButtonLink href="/home">Go to your home page</ButtonLink>
          ) : (
            <ButtonLink href="/">Go to Callback</ButtonLink>
          )}
          <ButtonLink href="/talents" variant="secondary">
            Browse talents
          </ButtonLink>
        </div>
      </main>
    </div>
  );
}
