/**
 * Calendar arithmetic for the dashboards. Every day and week is a UTC one,
 * written 'YYYY-MM-DD'; weeks start on Monday.
 */
const DAY_MS = 86_400_000;

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a day. */
export function startOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(startOf(day).getTime() + days * DAY_MS));
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The Monday of a day's week. */
export function weekOf(day: string): string {
  const weekday = (startOf(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The Mondays of the last `count` weeks, the current week last. */
export function lastWeeks(now: Date, count: number): string[] {
  const current = weekOf(dayOf(now));
  return Array.from({ length: count }, (_, index) => addDays(current, (index - count + 1) * 7));
}

/** A short label for a day: "3 Nov". */
export function shortDay(day: string): string {
  return startOf(day).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
