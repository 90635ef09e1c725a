"use client";

import { Button, ButtonLink } from "@/components/ui/button";

/** Shown for unexpected errors; the server has already logged the error with this reference. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-6 px-4 text-center">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
        <p className="mt-2 text-stone-600">
          An unexpected error stopped this page. Nothing you did caused it. Please try again.
        </p>
        {error.digest ? <p className="mt-2 text-xs text-stone-500">Reference: {error.digest}</p> : null}
      </div>
      <div className="flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go to Callback
        </ButtonLink>
      </div>
    </main>
  );
}
