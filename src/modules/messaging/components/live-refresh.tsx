"use client";

import { usePathname, useRouter } from "next/navigation";
import { useRef } from "react";
import { announceUnread } from "@/lib/unread-events";
import { messagingApi } from "./messaging-api";
import { useRealtime } from "@/modules/realtime/components/use-realtime";

/**
 * Keeps the page current when a message or a notification arrives: at most
 * once a second, and once more after a burst. The messaging pages update
 * themselves from the JSON API (the inbox list, the open conversation), so
 * there only the header's counts are fetched; elsewhere the page's server
 * parts are re-rendered (the bell's latest notifications, lists of requests).
 */
export function LiveRefresh() {
  const router = useRouter();
  const pathname = usePathname();
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const update = () => {
    if (pathname === "/messages" || pathname.startsWith("/messages/")) {
      void messagingApi.unread().then((result) => result.ok && announceUnread(result.data));
    } else {
      router.refresh();
    }
  };
  const refresh = () => {
    const wait = 1000 - (Date.now() - last.current);
    if (pending.current) return;
    pending.current = setTimeout(
      () => {
        pending.current = null;
        last.current = Date.now();
        update();
      },
      Math.max(0, wait),
    );
  };
  useRealtime(refresh, refresh, refresh);
  return null;
}
