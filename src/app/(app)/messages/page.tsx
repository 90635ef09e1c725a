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

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string; view?: string }>;
}) {
  const actor = await requireActor();
  const { cursor, view: requested } = await searchParams;
  const view = requested === "archived" ? "archived" : "inbox";
  const page = await listInbox(getDb(), actor, typeof cursor === "string" ? cursor : undefined, { view });
  const upgrade = getUpgradeReason(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{view === "archived" ? "Archived messages" : "Messages"}</h1>
      <nav aria-label="Message folders" className="flex gap-2 text-sm font-medium">
        {(["inbox", "archived"] as const).map((folder) => (
          <Link
            key={folder}
            href={folder === "archived" ? "/messages?view=archived" : "/messages"}
            aria-current={folder === view ? "page" : undefined}
            className={
              folder === view
                ? "rounded-full bg-stone-900 px-3 py-1.5 text-white"
                : "rounded-full px-3 py-1.5 text-stone-700 hover:bg-stone-100"
            }
          >
            {folder === "archived" ? "Archived" : "Inbox"}
          </Link>
        ))}
      </nav>
      {view === "archived" && page.items.length === 0 && !cursor ? (
        <div className="rounded-2xl border border-dashed border-stone-300 p-10 text-center">
          <p className="font-semibold">Nothing archived.</p>
          <p className="mt-1 text-sm text-stone-600">
            Archive a conversation from its page to clear it from your inbox; the next message brings it back.
          </p>
        </div>
      ) : page.items.length === 0 && !cursor ? (
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
        <InboxList key={view} initial={page} isFirstPage={!cursor} view={view} />
      )}
    </div>
  );
}
