import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { getDb } from "@/db";
import { getUnreadTotal } from "@/modules/messaging/queries";
import { requireActor } from "@/modules/access/actor";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check access themselves too; the layout only needs the actor for the header.
  const actor = await requireActor();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader actor={actor} unreadMessages={actor ? await getUnreadTotal(getDb(), actor) : 0} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
    </div>
  );
}
