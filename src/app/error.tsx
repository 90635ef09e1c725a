"use client";

import { Logo } from "@/components/shell/logo";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { Button, ButtonLink } from "@/components/ui/button";

/**
 * Shown for unexpected errors; the server has already logged the error with this reference. It replaces the
 * route group's layout, so it brings a plain header of its own.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center px-4 py-3">
          <Logo />
        </div>
      </header>
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="flex flex-1 flex-col items-center justify-center gap-6 px-4 py-12 text-center focus:outline-none"
      >
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
          <p className="mt-2 text-stone-600">
            An unexpected error stopped this page. Nothing you did caused it. Please try again.
          </p>
          {error.digest ? <p className="mt-2 text-xs text-stone-500">Reference: {error.digest}</p> : null}
        </div>
        <div className="flex flex-wrap justify-center gap-3">
          <Button onClick={reset}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Go to Callback
          </ButtonLink>
        </div>
      </main>
    </div>
  );
}
