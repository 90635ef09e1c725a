import { formatDayMonth } from "@/lib/dates";

/**
 * Calendar arithmetic for the dashboards. Every day and week is a UTC one,
 * written 'YYYY-MM-DD'; weeks start on Monday. They stay UTC days whatever the
 * viewer's time zone: the platform figures are rolled up once per UTC day and
 * shared by every admin, and a personal dashboard uses the same days so its
 * figures add up to the platform's. The dashboards say so; the times of single
 * events on them are shown in the viewer's zone (decision record 023).
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

/** A short label for a day: "3 Nov". The day is a UTC one, so it is read in UTC whoever looks. */
export function shortDay(day: string): string {
  return formatDayMonth(startOf(day), "UTC");
}
