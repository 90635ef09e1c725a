import type { ReactNode } from "react";
import { TimeZoneProvider } from "@/components/time-zone";
import type { Actor } from "@/modules/access/types";
import { SiteHeader } from "./site-header";
import { MAIN_ID, SkipLink } from "./skip-link";

/** The frame of every page with the site header: the skip link, the header and the main region, in the viewer's zone. */
export function PageFrame({
  actor,
  timeZone,
  children,
}: {
  actor: Actor | null;
  timeZone: string;
  children: ReactNode;
}) {
  return (
    <TimeZoneProvider timeZone={timeZone}>
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
