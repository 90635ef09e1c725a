import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { TimeZoneProvider } from "@/components/time-zone";
import { requireActor } from "@/modules/access/actor";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check access themselves too; the layout only needs the actor for the header.
  const actor = await requireActor();
  return (
    <TimeZoneProvider timeZone={actor.timeZone}>
      <div className="flex min-h-screen flex-col">
        <SiteHeader actor={actor} />
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
      </div>
    </TimeZoneProvider>
  );
}
