"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "@/lib/cn";
import { useTimeZone } from "@/components/time-zone";
import { formatDateTime } from "@/lib/dates";
import { useUnreadCount } from "@/lib/unread-events";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions";
import type { NotificationView } from "../queries";

/** Opens a notification: marks it read, then goes to what it is about. */
export function useOpenNotification() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const open = (item: NotificationView) =>
    startTransition(async () => {
      if (!item.isRead) await markNotificationReadAction(item.id);
      router.push(item.link);
    });
  return { open, isPending };
}

export function NotificationItem({
  item,
  onOpen,
}: {
  item: NotificationView;
  onOpen: (item: NotificationView) => void;
}) {
  const timeZone = useTimeZone();
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      className={cn("block w-full rounded-lg px-3 py-2 text-left hover:bg-stone-100", !item.isRead && "bg-brand-50")}
      data-testid="notification"
    >
      <span className={cn("block text-sm", !item.isRead && "font-semibold")}>{item.title}</span>
      <span className="line-clamp-2 block text-xs text-stone-600">{item.body}</span>
      <span className="block text-[11px] text-stone-400">
        {formatDateTime(item.createdAt, timeZone, { year: false })}
      </span>
    </button>
  );
}

/** The bell in the header: the unread count, the latest notifications, and the way to all of them. */
export function NotificationBell({ unread: initial, latest }: { unread: number; latest: NotificationView[] }) {
  const { open } = useOpenNotification();
  const unread = useUnreadCount(initial, "notifications");
  const [isMarking, startMarking] = useTransition();
  return (
    <details className="relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded-lg px-2 py-1.5 text-stone-700 hover:bg-stone-100"
        aria-label={`Notifications, ${unread} unread`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            className="rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-80 rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
        <div className="flex items-center justify-between px-2 py-1">
          <span className="text-sm font-semibold">Notifications</span>
          {unread > 0 ? (
            <button
              type="button"
              className="text-xs font-medium text-brand-700 hover:underline"
              disabled={isMarking}
              onClick={() => startMarking(async () => void (await markAllNotificationsReadAction()))}
            >
              Mark all read
            </button>
          ) : null}
        </div>
        {latest.length === 0 ? (
          <p className="px-3 py-4 text-sm text-stone-500">Nothing yet.</p>
        ) : (
          latest.map((item) => <NotificationItem key={item.id} item={item} onOpen={open} />)
        )}
        <Link
          href="/notifications"
          className="mt-1 block rounded-lg px-3 py-2 text-center text-sm font-medium text-brand-700 hover:bg-stone-50"
        >
          See all notifications
        </Link>
      </div>
    </details>
  );
}
