import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { TimeZoneProvider } from "@/components/time-zone";
import { requireActor } from "@/modules/access/actor";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check access themselves too; the layout only needs the actor for the header.
  const actor = await requireActor();
  return (
    <TimeZoneProvider timeZone={actor.timeZone}>
      <div className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader actor={actor} />
        <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
      </div>
    </TimeZoneProvider>
  );
}
