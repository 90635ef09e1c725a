import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { getActor } from "@/modules/access/actor";

/** Pages anyone may see, signed in or not. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader actor={actor} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
    </div>
  );
}
