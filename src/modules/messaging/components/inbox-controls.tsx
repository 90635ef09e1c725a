"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { announceUnread } from "@/lib/unread-events";
import { markUnreadAction, setArchivedAction, setEmailMutedAction } from "../actions";
import { messagingApi } from "./messaging-api";

/**
 * How the conversation sits in one's own inbox, above the thread: archive it
 * (or move it back), mark it unread, mute its emails. The other person sees
 * none of this.
 */
export function InboxControls({
  conversationId,
  lastSeq,
  archived,
  emailMuted,
}: {
  conversationId: string;
  /** The newest message on the page as rendered: archiving says it was seen. */
  lastSeq: number;
  archived: boolean;
  emailMuted: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();

  // Buttons stay enabled while a change is on its way (a disabled button would drop the keyboard's focus);
  // a second press meanwhile is ignored.
  function run(action: () => Promise<ActionResult<unknown>>, then?: "to inbox") {
    if (isPending) return;
    startTransition(async () => {
      const outcome = await action();
      setError(outcome.ok ? undefined : outcome.message);
      if (outcome.ok && then === "to inbox") {
        // The header's badge lives in the layout, which the inbox page does not render again: tell it.
        const counts = await messagingApi.unread();
        if (counts.ok) announceUnread(counts.data);
        router.push("/messages");
      }
      // A newer message than the page shows stopped the archive: the page catches up, and the next try can see it.
      if (!outcome.ok && outcome.code === "conflict") router.refresh();
    });
  }

  const small = "px-3 py-1.5 text-xs";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="This conversation in your inbox">
        <Button
          type="button"
          variant="secondary"
          className={small}
          aria-busy={isPending || undefined}
          onClick={() =>
            archived
              ? run(() => setArchivedAction(conversationId, false, lastSeq))
              : run(() => setArchivedAction(conversationId, true, lastSeq), "to inbox")
          }
        >
          {archived ? "Move to inbox" : "Archive"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className={small}
          aria-busy={isPending || undefined}
          onClick={() => run(() => markUnreadAction(conversationId), "to inbox")}
        >
          Mark unread
        </Button>
        <Button
          type="button"
          variant={emailMuted ? "primary" : "ghost"}
          className={small}
          aria-busy={isPending || undefined}
          aria-pressed={emailMuted}
          onClick={() => run(() => setEmailMutedAction(conversationId, !emailMuted))}
        >
          Mute emails
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
}
