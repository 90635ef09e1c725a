"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useTimeZone } from "@/components/time-zone";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/cn";
import { announceUnread } from "@/lib/unread-events";
import type { Decision } from "@/lib/decision";
import type { MessageView } from "../types";
import { messagingApi } from "./messaging-api";
import { useRealtime } from "@/modules/realtime/components/use-realtime";

type Pending = { clientKey: string; body: string; status: "sending" | "failed"; error?: string };

/** A v4 UUID; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
function newClientKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function merge(current: MessageView[], incoming: MessageView[]) {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * A conversation's messages, oldest to newest, with older pages on scroll-up,
 * new messages arriving live, optimistic sending (a message shows at once, is
 * confirmed or offers a retry, and its key makes a second send a no-op), and
 * the read pointer moved as messages are seen.
 */
export function ConversationThread({
  conversationId,
  counterpartName,
  initialMessages,
  initialHasOlder,
  canSend,
}: {
  conversationId: string;
  counterpartName: string;
  initialMessages: MessageView[];
  initialHasOlder: boolean;
  canSend: Decision;
}) {
  const timeZone = useTimeZone();
  const [messages, setMessages] = useState(initialMessages);
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [pending, setPending] = useState<Pending[]>([]);
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [isLoadingOlder, setIsLoadingOlder] = useState(false);
  // Said politely to screen readers: a new message from the other person, or that one's own was sent.
  const [announcement, setAnnouncement] = useState("");
  const bottom = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const newestSeq = messages.at(-1)?.seq ?? 0;
  const newestSeqRef = useRef(newestSeq);
  useEffect(() => {
    newestSeqRef.current = newestSeq;
  }, [newestSeq]);

  const markRead = useCallback(
    (seq: number) => {
      if (seq > 0 && document.visibilityState === "visible") {
        void messagingApi.markRead(conversationId, seq).then((result) => result.ok && announceUnread(result.data));
      }
    },
    [conversationId],
  );

  const fetchNewer = useCallback(async () => {
    // What arrived since the newest message shown, a page at a time (after a long time away there may be many).
    const arrived: MessageView[] = [];
    for (let after = newestSeqRef.current, pages = 0; pages < 20; pages += 1) {
      const result = await messagingApi.messages(conversationId, { afterSeq: after });
      if (!result.ok) break;
      arrived.push(...result.data.messages);
      if (!result.data.hasNewer || result.data.messages.length === 0) break;
      after = result.data.messages.at(-1)!.seq;
    }
    if (arrived.length === 0) return;
    setMessages((current) => merge(current, arrived));
    const incoming = arrived.filter((message) => !message.isMine);
    if (incoming.length > 0)
      setAnnouncement(
        incoming.length === 1
          ? `New message from ${counterpartName}: ${incoming[0]!.body}`
          : `${incoming.length} new messages from ${counterpartName}. The latest: ${incoming.at(-1)!.body}`,
      );
    const keys = new Set(arrived.map((message) => message.clientKey).filter(Boolean));
    setPending((current) => current.filter((item) => !keys.has(item.clientKey)));
    markRead(arrived.at(-1)!.seq);
  }, [conversationId, counterpartName, markRead]);

  useRealtime(
    (event) => {
      if (event.conversationId === conversationId && event.seq > newestSeqRef.current) void fetchNewer();
    },
    () => void fetchNewer(),
  );

  useEffect(() => {
    markRead(newestSeqRef.current);
    const onVisible = () => markRead(newestSeqRef.current);
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [newestSeq, pending.length]);

  const loadOlder = useCallback(async () => {
    if (isLoadingOlder || !hasOlder) return;
    setIsLoadingOlder(true);
    const result = await messagingApi.messages(conversationId, { beforeSeq: messages[0]?.seq });
    setIsLoadingOlder(false);
    if (!result.ok) {
      setLoadError(result.message);
      return;
    }
    setMessages((current) => merge(current, result.data.messages));
    setHasOlder(result.data.hasOlder);
  }, [conversationId, hasOlder, isLoadingOlder, messages]);

  useEffect(() => {
    const sentinel = top.current;
    if (!sentinel || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && void loadOlder(),
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasOlder, loadOlder]);

  async function deliver(item: Pending) {
    setPending((current) =>
      current.map((entry) =>
        entry.clientKey === item.clientKey ? { ...entry, status: "sending", error: undefined } : entry,
      ),
    );
    const result = await messagingApi.send(conversationId, { body: item.body, clientKey: item.clientKey });
    if (result.ok) {
      setMessages((current) => merge(current, [result.data]));
      setPending((current) => current.filter((entry) => entry.clientKey !== item.clientKey));
      setAnnouncement("Message sent.");
    } else {
      const error = result.fieldErrors?.body?.join(" ") ?? result.message;
      setPending((current) =>
        current.map((entry) => (entry.clientKey === item.clientKey ? { ...entry, status: "failed", error } : entry)),
      );
    }
  }

  function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return setDraftError("Write a message.");
    if (body.length > 5000) return setDraftError("Messages can be at most 5,000 characters.");
    setDraftError(undefined);
    const item: Pending = { clientKey: newClientKey(), body, status: "sending" };
    setPending((current) => [...current, item]);
    setDraft("");
    void deliver(item);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <div className="flex flex-col gap-4">
      {/* The history scrolls by keyboard (it is focusable); what arrives is said by the status below, not by
          the log, so loading older messages reads nothing out. */}
      <div
        className="max-h-[60vh] min-h-64 space-y-3 overflow-y-auto rounded-2xl border border-stone-200 bg-white p-4"
        aria-label={`Conversation with ${counterpartName}`}
        role="log"
        aria-live="off"
        tabIndex={0}
        data-testid="message-log"
      >
        <div ref={top} />
        {hasOlder ? (
          <div className="text-center">
            <Button
              type="button"
              variant="ghost"
              className="text-xs"
              disabled={isLoadingOlder}
              onClick={() => void loadOlder()}
            >
              {isLoadingOlder ? "Loading..." : "Load older messages"}
            </Button>
          </div>
        ) : null}
        <FormError message={loadError} />
        {messages.length === 0 && pending.length === 0 ? (
          <p className="py-8 text-center text-sm text-stone-500">No messages yet. Say hello.</p>
        ) : null}
        {messages.map((message) => (
          <Bubble
            key={message.id}
            isMine={message.isMine}
            body={message.body}
            meta={formatDateTime(message.createdAt, timeZone, { year: false })}
            testId="message"
          />
        ))}
        {pending.map((item) => (
          <div key={item.clientKey}>
            <Bubble
              isMine
              body={item.body}
              meta={item.status === "sending" ? "Sending..." : "Not sent"}
              testId="pending-message"
              faded
            />
            {item.status === "failed" ? (
              <div className="mt-1 flex justify-end gap-2 text-xs">
                <span className="text-red-700">{item.error}</span>
                <button
                  type="button"
                  className="font-semibold text-brand-700 underline"
                  onClick={() => void deliver(item)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  className="text-stone-500 underline"
                  onClick={() => setPending((current) => current.filter((entry) => entry.clientKey !== item.clientKey))}
                >
                  Discard
                </button>
              </div>
            ) : null}
          </div>
        ))}
        <div ref={bottom} />
      </div>
      <p role="status" className="sr-only" data-testid="message-announcement">
        {announcement}
      </p>
      {canSend.allowed ? (
        <form onSubmit={submit} className="space-y-2" noValidate>
          <label htmlFor="message-body" className="sr-only">
            Message to {counterpartName}
          </label>
          <textarea
            id="message-body"
            name="body"
            rows={3}
            maxLength={5000}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={`Write to ${counterpartName}... (Enter sends, Shift+Enter adds a line)`}
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? "message-body-error" : undefined}
            className="block w-full rounded-xl border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          />
          {draftError ? (
            <p id="message-body-error" role="alert" className="text-xs font-medium text-red-700">
              {draftError}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit">Send</Button>
          </div>
        </form>
      ) : (
        <div className="rounded-2xl border border-brand-200 bg-brand-50 p-4 text-sm" data-testid="compose-unavailable">
          <p>{canSend.message}</p>
          {canSend.code === "subscription_required" ? (
            <ButtonLink href="/pricing" className="mt-3">
              See plans
            </ButtonLink>
          ) : null}
        </div>
      )}
    </div>
  );
}

function Bubble({
  isMine,
  body,
  meta,
  testId,
  faded,
}: {
  isMine: boolean;
  body: string;
  meta: string;
  testId: string;
  faded?: boolean;
}) {
  return (
    <div className={cn("flex", isMine ? "justify-end" : "justify-start")} data-testid={testId}>
      <div
        className={cn(
          "max-w-[80%] rounded-2xl px-4 py-2 text-sm",
          isMine ? "bg-brand-600 text-white" : "bg-stone-100 text-stone-900",
          faded && "opacity-70",
        )}
      >
        <p className="whitespace-pre-wrap break-words">{body}</p>
        <p className={cn("mt-1 text-[11px]", isMine ? "text-brand-100" : "text-stone-600")} suppressHydrationWarning>
          {meta}
        </p>
      </div>
    </div>
  );
}
