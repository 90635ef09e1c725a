"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useTimeZone } from "@/components/time-zone";
import { formatDateTime } from "@/lib/dates";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";
import type { InboxItem, InboxPage, InboxView } from "../types";
import { messagingApi } from "./messaging-api";
import { useRealtime } from "@/modules/realtime/components/use-realtime";

/**
 * The inbox: the server's first page, kept current from the JSON API when a
 * message arrives (the newest conversations move to the top), with further
 * pages appended by "Load more".
 */
export function InboxList({
  initial,
  isFirstPage,
  view,
}: {
  initial: InboxPage;
  isFirstPage: boolean;
  view: InboxView;
}) {
  const timeZone = useTimeZone();
  const [items, setItems] = useState<InboxItem[]>(initial.items);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const result = await messagingApi.inbox(view);
    if (!result.ok) return;
    // The fresh first page, then whatever older conversations were already loaded below it.
    setItems((current) => {
      const fresh = new Set(result.data.items.map((item) => item.id));
      return [...result.data.items, ...current.slice(result.data.items.length).filter((item) => !fresh.has(item.id))];
    });
  }, [view]);

  useRealtime(
    () => void (isFirstPage && refresh()),
    () => void (isFirstPage && refresh()),
  );

  async function loadMore() {
    if (!nextCursor) return;
    setIsLoading(true);
    const result = await messagingApi.inbox(view, nextCursor);
    setIsLoading(false);
    if (!result.ok) return setError(result.message);
    setError(undefined);
    setItems((current) => [
      ...current,
      ...result.data.items.filter((item) => !current.some((known) => known.id === item.id)),
    ]);
    setNextCursor(result.data.nextCursor);
  }

  return (
    <div className="space-y-4">
      <ul
        aria-label="Conversations"
        className="divide-y divide-stone-100 overflow-hidden rounded-2xl border border-stone-200 bg-white"
      >
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/messages/${item.id}`}
              className="flex items-center gap-3 px-4 py-3 hover:bg-stone-50"
              data-testid="inbox-item"
            >
              <TalentPhoto
                photoId={item.counterpart.photoId}
                name={item.counterpart.name}
                sizes="48px"
                className="size-12 shrink-0 rounded-full text-base"
              />
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2">
                  <p className={item.unread ? "truncate font-bold" : "truncate font-medium"}>{item.counterpart.name}</p>
                  <time
                    className="shrink-0 text-xs text-stone-500"
                    dateTime={new Date(item.lastMessageAt).toISOString()}
                  >
                    {formatDateTime(item.lastMessageAt, timeZone, { year: false })}
                  </time>
                </div>
                <p className="truncate text-sm text-stone-600">
                  {item.preview ? `${item.isLastFromMe ? "You: " : ""}${item.preview}` : "No messages yet"}
                </p>
              </div>
              {item.emailMuted ? <span className="shrink-0 text-xs text-stone-500">Emails muted</span> : null}
              {item.unread ? (
                <Badge tone="brand" aria-label={item.markedUnread ? "Marked unread" : `${item.unread} unread`}>
                  {item.unread}
                </Badge>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      <FormError message={error} />
      {nextCursor ? (
        <Button type="button" variant="secondary" disabled={isLoading} onClick={() => void loadMore()}>
          {isLoading ? "Loading..." : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
