import { useEffect, useState } from "react";

/**
 * The header's unread counts, told to the page's client components when an
 * action in the page changes them (reading a conversation), so the header
 * updates without re-rendering the whole page.
 */
export type UnreadCounts = { messages: number; notifications: number };

const EVENT = "callback:unread";

export function announceUnread(counts: UnreadCounts): void {
  window.dispatchEvent(new CustomEvent<UnreadCounts>(EVENT, { detail: counts }));
}

export function onUnread(listener: (counts: UnreadCounts) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<UnreadCounts>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

/**
 * One of the header's counts in a client component: the server's number, replaced by the one announced in
 * the page until the server renders a new number (after a navigation or a refresh).
 */
export function useUnreadCount(initial: number, kind: keyof UnreadCounts): number {
  const [state, setState] = useState({ from: initial, count: initial });
  useEffect(() => onUnread((counts) => setState({ from: initial, count: counts[kind] })), [initial, kind]);
  return state.from === initial ? state.count : initial;
}
