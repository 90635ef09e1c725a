"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useRealtime } from "./use-realtime";

/**
 * Re-renders the page's server parts (the unread badge, the notification
 * bell, the inbox) when a message or a notification arrives: at most once a second, and once more after a burst.
 */
export function LiveRefresh() {
  const router = useRouter();
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    const wait = 1000 - (Date.now() - last.current);
    if (pending.current) return;
    pending.current = setTimeout(
      () => {
        pending.current = null;
        last.current = Date.now();
        router.refresh();
      },
      Math.max(0, wait),
    );
  };
  useRealtime(refresh, refresh, refresh);
  return null;
}
