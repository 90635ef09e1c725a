/**
 * Every date and time the product shows goes through these functions: in the
 * viewer's IANA time zone (the account's, or UTC for visitors) and in one
 * product locale, en-GB ("5 Mar 2026, 14:05": day before month, a 24-hour
 * clock, no ambiguity between 3/5 and 5/3). The zone is always explicit, so a
 * server render and the browser's hydration print the same text whatever
 * zone either machine runs in (decision record 023). Client components import
 * this file too: nothing here reaches the server.
 */

export const PRODUCT_LOCALE = "en-GB";

type DateInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one: one per zone and style, kept. */
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(PRODUCT_LOCALE, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

const zoneName = (withZone: boolean | undefined): Intl.DateTimeFormatOptions =>
  withZone ? { timeZoneName: "short" } : {};

/** "5 Mar 2026"; with `month: "long"`, "5 March 2026". */
export function formatDate(value: DateInput, timeZone: string, options: { month?: "short" | "long" } = {}): string {
  return formatter(timeZone, { day: "numeric", month: options.month ?? "short", year: "numeric" }).format(
    toDate(value),
  );
}

/** "5 Mar": a day without its year, for charts and lists within a year. */
export function formatDayMonth(value: DateInput, timeZone: string): string {
  return formatter(timeZone, { day: "numeric", month: "short" }).format(toDate(value));
}

/**
 * "5 Mar 2026, 14:05". `year: false` drops the year ("5 Mar, 14:05"), `seconds`
 * adds them, and `zone` names the zone after the time ("14:05 GMT+9", "14:05 UTC").
 */
export function formatDateTime(
  value: DateInput,
  timeZone: string,
  options: { year?: boolean; seconds?: boolean; zone?: boolean } = {},
): string {
  return formatter(timeZone, {
    day: "numeric",
    month: "short",
    ...(options.year === false ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
    ...zoneName(options.zone),
  }).format(toDate(value));
}

/** "14:05" (with `zone`, "14:05 GMT-7"). */
export function formatTime(value: DateInput, timeZone: string, options: { zone?: boolean } = {}): string {
  return formatter(timeZone, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...zoneName(options.zone),
  }).format(toDate(value));
}

/** An hour of the day as a digest setting reads: 8 -> "08:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
