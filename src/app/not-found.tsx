import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that page</h1>
        <p className="mt-2 text-stone-600">The link may be wrong, or the page may have moved or been removed.</p>
      </div>
      <ButtonLink href="/">Go to Callback</ButtonLink>
    </main>
  );
}
