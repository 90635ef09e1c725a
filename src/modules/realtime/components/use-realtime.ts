"use client";

import { useEffect, useRef } from "react";

export type MessageEvent = { conversationId: string; seq: number };
type Listener = (event: MessageEvent) => void;

/**
 * One EventSource per browser tab, shared by every component that listens.
 * When the stream cannot be kept open, listeners are told to poll instead
 * (`onFallback` every 10 seconds) until it comes back.
 */
const listeners = new Set<Listener>();
const notificationListeners = new Set<() => void>();
const fallbacks = new Set<() => void>();
let source: EventSource | null = null;
let pollTimer: ReturnType<typeof setInterval> | null = null;

function startPolling() {
  pollTimer ??= setInterval(() => fallbacks.forEach((poll) => poll()), 10_000);
}

function stopPolling() {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
}

function connect() {
  if (source || typeof EventSource === "undefined") return;
  source = new EventSource("/api/messages/stream");
  source.addEventListener("open", stopPolling);
  source.addEventListener("error", startPolling);
  source.addEventListener("notification", () => notificationListeners.forEach((listener) => listener()));
  source.addEventListener("message", (raw) => {
    try {
      const event = JSON.parse((raw as globalThis.MessageEvent<string>).data) as MessageEvent;
      listeners.forEach((listener) => listener(event));
    } catch {
      // a malformed event is ignored; the next one or the poll catches up
    }
  });
}

function disconnectIfUnused() {
  if (listeners.size > 0) return;
  source?.close();
  source = null;
  stopPolling();
}

/** Listens to new messages (and, optionally, new notifications) of the signed-in user. */
export function useRealtime(onMessage: Listener, onFallback: () => void, onNotification?: () => void) {
  const latest = useRef({ onMessage, onFallback, onNotification });
  useEffect(() => {
    latest.current = { onMessage, onFallback, onNotification };
  });
  useEffect(() => {
    const listener: Listener = (event) => latest.current.onMessage(event);
    const notification = () => latest.current.onNotification?.();
    const fallback = () => latest.current.onFallback();
    listeners.add(listener);
    notificationListeners.add(notification);
    fallbacks.add(fallback);
    connect();
    return () => {
      listeners.delete(listener);
      notificationListeners.delete(notification);
      fallbacks.delete(fallback);
      disconnectIfUnused();
    };
  }, []);
}
