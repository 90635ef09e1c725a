/**
 * The time zones an account may choose: the IANA zones this runtime knows
 * (Intl.supportedValuesOf) plus "UTC". Imported by client components too, so
 * nothing here reaches the server (decision record 023).
 */

export const DEFAULT_TIME_ZONE = "UTC";

/** Longer than any IANA name (the longest is 30 characters); anything longer is refused before Intl sees it. */
const MAX_ZONE_LENGTH = 64;

let knownZones: Set<string> | null = null;

function zones(): Set<string> {
  knownZones ??= new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);
  return knownZones;
}

/**
 * The zone as stored: a name from the list, or an alias of one ("Asia/Kolkata",
 * "US/Eastern", "Etc/UTC") turned into the name the list uses; null for
 * anything else (a typo, an offset like "+05:00", "Etc/GMT+5", spaces or
 * control characters, a non-string).
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const name = value;
  if (name.length > MAX_ZONE_LENGTH || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  if (zones().has(name)) return name;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return zones().has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

export function isTimeZone(value: unknown): value is string {
  return typeof value === "string" && canonicalTimeZone(value) === value;
}

/** A zone's name as people read it: "America/Argentina/Buenos_Aires" -> "Argentina / Buenos Aires". */
export function timeZoneCity(zone: string): string {
  if (zone === DEFAULT_TIME_ZONE) return "UTC";
  return zone.split("/").slice(1).join(" / ").replace(/_/g, " ") || zone;
}

/** The zone's offset from UTC at `at`: "UTC+09:00", "UTC-04:00", "UTC+00:00". */
export function utcOffsetLabel(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((item) => item.type === "timeZoneName")?.value;
  return !part || part === "GMT" ? "UTC+00:00" : part.replace("GMT", "UTC");
}

export type TimeZoneOption = { value: string; label: string };
export type TimeZoneGroup = { region: string; zones: TimeZoneOption[] };

/**
 * Every zone, grouped by region (the first part of its name) for a select's
 * optgroups, each labelled with its city and its offset at `at`. UTC comes first.
 */
export function timeZoneGroups(at: Date): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneOption[]>();
  for (const zone of [...zones()].sort()) {
    if (zone === DEFAULT_TIME_ZONE) continue;
    const region = zone.split("/")[0]!;
    const list = groups.get(region) ?? [];
    list.push({ value: zone, label: `${timeZoneCity(zone)} (${utcOffsetLabel(zone, at)})` });
    groups.set(region, list);
  }
  return [
    { region: "Universal", zones: [{ value: DEFAULT_TIME_ZONE, label: "UTC (Coordinated Universal Time)" }] },
    ...[...groups].map(([region, list]) => ({ region, zones: list })),
  ];
}
