"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
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
      <span className="block text-[11px] text-stone-600">
        {formatDateTime(item.createdAt, timeZone, { year: false })}
      </span>
    </button>
  );
}

/**
 * The bell in the header: the unread count, the latest notifications, and the way to all of them. The panel
 * is open for the page it was opened on only, so it closes when one of its links navigates.
 */
export function NotificationBell({ unread: initial, latest }: { unread: number; latest: NotificationView[] }) {
  const { open } = useOpenNotification();
  const unread = useUnreadCount(initial, "notifications");
  const [isMarking, startMarking] = useTransition();
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  return (
    <Popover open={openOn === pathname} onOpenChange={(isOpen) => setOpenOn(isOpen ? pathname : null)}>
      <PopoverTrigger
        className="relative grid size-10 shrink-0 place-items-center rounded-lg text-stone-700 hover:bg-stone-100"
        aria-label={`Notifications, ${unread} unread`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute right-0 top-0 min-w-5 rounded-full bg-brand-600 px-1 text-center text-xs font-bold leading-5 text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </PopoverTrigger>
      <PopoverContent aria-label="Notifications" data-testid="notification-panel">
        <div className="flex items-center justify-between px-2 py-1">
          <h2 className="text-sm font-semibold">Notifications</h2>
          {unread > 0 ? (
            <button
              type="button"
              className="rounded text-xs font-medium text-brand-700 hover:underline"
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
          latest.map((item) => (
            <NotificationItem
              key={item.id}
              item={item}
              onOpen={(chosen) => {
                setOpenOn(null);
                open(chosen);
              }}
            />
          ))
        )}
        <Link
          href="/notifications"
          onClick={() => setOpenOn(null)}
          className="mt-1 block rounded-lg px-3 py-2 text-center text-sm font-medium text-brand-700 hover:bg-stone-50"
        >
          See all notifications
        </Link>
      </PopoverContent>
    </Popover>
  );
}
