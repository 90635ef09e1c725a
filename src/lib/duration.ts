export type DurationUnit = "min" | "h" | "days";

const HOUR = 3600;
const DAY = 86_400;
const secondsPer: Record<DurationUnit, number> = { min: 60, h: HOUR, days: DAY };
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** The unit that reads naturally for a length of time: minutes under an hour, hours under two days, then days. */
export function durationUnitFor(seconds: number): DurationUnit {
  if (seconds < HOUR) return "min";
  if (seconds < 2 * DAY) return "h";
  return "days";
}

/**
 * One unit for a whole column of durations, chosen by its longest value, so
 * the figures compare at a glance ("46.4 h" never stands beside "2.6 days").
 */
export function durationUnitForAll(values: readonly (number | null)[]): DurationUnit {
  const known = values.filter((value): value is number => value !== null);
  return durationUnitFor(known.length ? Math.max(...known) : 0);
}

/**
 * A duration in the given unit (or the one that reads naturally): "45 min",
 * "5.2 h", "1 day", "3.1 days"; "-" when there is none. Minutes are whole; a
 * value too small to show in a larger unit reads "under 0.1 h".
 */
export function formatDuration(seconds: number | null, unit: DurationUnit = durationUnitFor(seconds ?? 0)): string {
  if (seconds === null) return "-";
  const amount = seconds / secondsPer[unit];
  if (unit === "min") return `${whole.format(Math.max(1, Math.round(amount)))} min`;
  if (seconds > 0 && amount < 0.05) return `under 0.1 ${unit === "h" ? "h" : "days"}`;
  const shown = oneDecimal.format(amount);
  if (unit === "h") return `${shown} h`;
  return `${shown} ${shown === "1" ? "day" : "days"}`;
}
