import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { getDb } from "@/db";
import { getUnreadTotal } from "@/modules/messaging/queries";
import { getActor } from "@/modules/access/actor";

/** Pages anyone may see, signed in or not. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader actor={actor} unreadMessages={actor ? await getUnreadTotal(getDb(), actor) : 0} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
    </div>
  );
}
