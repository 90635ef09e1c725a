import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    // The public address, so that link previews and canonical URLs are absolute wherever the site runs.
    metadataBase: new URL(getEnv().BETTER_AUTH_URL),
    title: { default: "Callback - the talent platform for the casting industry", template: "%s - Callback" },
    description:
      "Talents publish a free profile and decide who gets their contact details. Casting professionals and companies search, message and send contact requests.",
    applicationName: "Callback",
    openGraph: { siteName: "Callback", type: "website" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put this request's
  // script nonce (see src/proxy.ts) on its scripts; a prerendered page would
  // carry a stale one and its scripts would be refused.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
