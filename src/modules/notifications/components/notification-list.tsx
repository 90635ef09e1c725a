"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction } from "../actions";
import type { NotificationView } from "../queries";
import { NotificationItem, useOpenNotification } from "./notification-bell";

export function NotificationList({ items, hasUnread }: { items: NotificationView[]; hasUnread: boolean }) {
  const { open } = useOpenNotification();
  const [isMarking, startMarking] = useTransition();
  return (
    <div className="space-y-3">
      {hasUnread ? (
        <Button
          type="button"
          variant="secondary"
          disabled={isMarking}
          onClick={() => startMarking(async () => void (await markAllNotificationsReadAction()))}
        >
          Mark all read
        </Button>
      ) : null}
      <div className="space-y-1 rounded-2xl border border-stone-200 bg-white p-2">
        {items.length === 0 ? (
          <p className="p-6 text-center text-sm text-stone-500">No notifications here.</p>
        ) : (
          items.map((item) => <NotificationItem key={item.id} item={item} onOpen={open} />)
        )}
      </div>
    </div>
  );
}
