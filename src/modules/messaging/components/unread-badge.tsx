"use client";

import { useUnreadCount } from "@/lib/unread-events";

/**
 * The unread-messages count beside "Messages" in the header: rendered by the
 * server, then kept current in the page when a conversation is read.
 */
export function UnreadMessagesBadge({ initial }: { initial: number }) {
  const count = useUnreadCount(initial, "messages");
  if (count <= 0) return null;
  return (
    <span
      className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-bold text-white"
      data-testid="unread-badge"
      aria-label={`${count} unread`}
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}
