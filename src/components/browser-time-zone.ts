"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZoneOnTheServer = () => null;

/**
 * The zone this browser runs in ("Asia/Tokyo"), or null while rendering on the
 * server and during hydration: the first client render matches the server's,
 * and React renders again with the browser's zone straight after.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, noZoneOnTheServer);
}
