"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";

const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/**
 * The viewer's time zone for the client components below it that print dates:
 * the account's zone, set by the layouts from the actor; UTC for visitors. The
 * server renders with the same zone, so hydration prints the same text.
 */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
