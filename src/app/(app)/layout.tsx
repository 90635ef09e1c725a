import type { ReactNode } from "react";
import { PageFrame } from "@/components/shell/page-frame";
import { requireActor } from "@/modules/access/actor";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check access themselves too; the layout only needs the actor for the header.
  const actor = await requireActor();
  return (
    <PageFrame actor={actor} timeZone={actor.timeZone}>
      {children}
    </PageFrame>
  );
}
