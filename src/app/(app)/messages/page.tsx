import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { getUpgradeReason } from "@/modules/access/policies";
import { InboxList } from "@/modules/messaging/components/inbox-list";
import { canInitiateConversations } from "@/modules/messaging/policies";
import { listInbox } from "@/modules/messaging/queries";

export const metadata: Metadata = { title: "Messages" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireActor();
  const { cursor } = await searchParams;
  const page = await listInbox(getDb(), actor, typeof cursor === "string" ? cursor : undefined);
  const upgrade = getUpgradeReason(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Messages</h1>
      {page.items.length === 0 && !cursor ? (
        <div className="rounded-2xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">No conversations yet.</p>
          <p className="mt-1 text-sm text-stone-600">
            {!canInitiateConversations(actor)
              ? "When a casting professional writes to you, the conversation appears here."
              : upgrade === "past_due"
                ? "Your last payment did not go through: fix it on your billing page to message talents."
                : upgrade
                  ? "Messaging talents comes with a subscription. Browse the gallery, and subscribe from any profile when you find someone."
                  : "Open a talent's profile and send them a message."}
          </p>
          {canInitiateConversations(actor) ? (
            <Link href="/talents" className={buttonClasses("primary", "mt-4")}>
              Browse talents
            </Link>
          ) : null}
        </div>
      ) : (
        <InboxList initial={page} isFirstPage={!cursor} />
      )}
    </div>
  );
}
