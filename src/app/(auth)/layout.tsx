import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-gradient-to-b from-brand-50 to-stone-50 px-4 py-12">
      <Logo />
      <p className="mt-2 text-sm text-stone-600">The talent platform for the casting industry.</p>
      <main className="mt-8 w-full max-w-lg">{children}</main>
    </div>
  );
}
