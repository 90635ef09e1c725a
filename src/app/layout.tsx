import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Callback", template: "%s - Callback" },
  description: "The talent platform for the casting industry.",
};

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
