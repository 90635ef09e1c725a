import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { roleLabels } from "@/modules/access/roles";
import { ConversationThread } from "@/modules/messaging/components/conversation-thread";
import { ConversationTools } from "@/modules/messaging/components/conversation-tools";
import { InboxControls } from "@/modules/messaging/components/inbox-controls";
import { getConversationPage } from "@/modules/messaging/queries";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";

export const metadata: Metadata = { title: "Conversation" };

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const actor = await requireActor();
  const { conversationId } = await params;
  const found = await getConversationPage(getDb(), actor, conversationId);
  if (!found) notFound();
  const { conversation, page } = found;
  const { counterpart } = conversation;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/messages" className="text-sm font-medium text-brand-700 hover:underline">
        All messages
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <TalentPhoto
          photoId={counterpart.photoId}
          name={counterpart.name}
          sizes="48px"
          className="size-12 rounded-full text-base"
        />
        <div className="flex-1">
          <h1 className="text-2xl font-bold tracking-tight">
            {counterpart.profileId && counterpart.status === "active" ? (
              <Link href={`/talents/${counterpart.profileId}`} className="hover:text-brand-700">
                {counterpart.name}
              </Link>
            ) : (
              counterpart.name
            )}
          </h1>
          {counterpart.role && counterpart.status === "active" ? <Badge>{roleLabels[counterpart.role]}</Badge> : null}
          {conversation.isBlockedByMe ? <Badge tone="danger">Blocked</Badge> : null}
          {conversation.archived ? <Badge>Archived</Badge> : null}
        </div>
      </header>
      <InboxControls
        conversationId={conversation.id}
        lastSeq={conversation.lastSeq}
        archived={conversation.archived}
        emailMuted={conversation.emailMuted}
      />
      <ConversationThread
        key={conversation.id}
        conversationId={conversation.id}
        counterpartName={counterpart.name}
        initialMessages={page.messages}
        initialHasOlder={page.hasOlder}
        canSend={conversation.canSend}
      />
      <ConversationTools
        conversationId={conversation.id}
        counterpartName={counterpart.name}
        canBlock={conversation.canBlock}
        isBlockedByMe={conversation.isBlockedByMe}
      />
    </div>
  );
}
