import type { ReactNode } from "react";
import { PageFrame } from "@/components/shell/page-frame";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { getActor } from "@/modules/access/actor";

/** Pages anyone may see, signed in or not. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <PageFrame actor={actor} timeZone={actor?.timeZone ?? DEFAULT_TIME_ZONE}>
      {children}
    </PageFrame>
  );
}
