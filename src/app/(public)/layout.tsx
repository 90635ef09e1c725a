import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { TimeZoneProvider } from "@/components/time-zone";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { getActor } from "@/modules/access/actor";

/** Pages anyone may see, signed in or not. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <TimeZoneProvider timeZone={actor?.timeZone ?? DEFAULT_TIME_ZONE}>
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
