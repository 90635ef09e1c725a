import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { cn } from "@/lib/cn";
import { requireActor } from "@/modules/access/actor";
import { NotificationList } from "@/modules/notifications/components/notification-list";
import { countUnreadNotifications, listNotifications } from "@/modules/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ filter?: string; cursor?: string }>;
}) {
  const actor = await requireActor();
  const { filter, cursor } = await searchParams;
  const unreadOnly = filter === "unread";
  const db = getDb();
  const [page, unread] = await Promise.all([
    listNotifications(db, actor, { unreadOnly, cursor }),
    countUnreadNotifications(db, actor),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
        <Link href="/settings/notifications" className="text-sm font-medium text-brand-700 hover:underline">
          Email settings
        </Link>
      </div>
      <nav aria-label="Filter" className="flex gap-2 text-sm">
        {[
          ["all", "All"],
          ["unread", `Unread (${unread})`],
        ].map(([value, label]) => (
          <Link
            key={value}
            href={value === "all" ? "/notifications" : "/notifications?filter=unread"}
            aria-current={(value === "unread") === unreadOnly ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 font-medium",
              (value === "unread") === unreadOnly ? "bg-brand-600 text-white" : "bg-white ring-1 ring-stone-200",
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      <NotificationList items={page.items} hasUnread={unread > 0} />
      {page.nextCursor ? (
        <Link
          href={`/notifications?${new URLSearchParams({ ...(unreadOnly ? { filter: "unread" } : {}), cursor: page.nextCursor })}`}
          className={buttonClasses("secondary")}
        >
          Older notifications
        </Link>
      ) : null}
    </div>
  );
}
