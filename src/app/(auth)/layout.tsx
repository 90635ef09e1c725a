import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-gradient-to-b from-brand-50 to-stone-50 px-4 py-12">
      <SkipLink />
      <header className="flex flex-col items-center">
        <Logo />
        <p className="mt-2 text-sm text-stone-600">The talent platform for the casting industry.</p>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mt-8 w-full max-w-lg focus:outline-none">
        {children}
      </main>
    </div>
  );
}
