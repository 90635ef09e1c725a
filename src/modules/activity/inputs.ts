import { z } from "zod";
import { addDays, dayOf } from "./periods";

/** The longest range the admin dashboard shows at once. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 90;

/** Whether text is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && dayOf(parsed) === value;
}

const day = (label: string) =>
  z
    .string({ error: `Enter ${label} like 2026-01-31.` })
    .trim()
    .refine(isCalendarDay, `Enter ${label} as a real date like 2026-01-31.`);

/**
 * A range of whole UTC days, both ends included: at most a year, not in the
 * future, the start not after the end. The checks across the two dates run
 * only when both are real dates, so each mistake gets one message.
 */
export function dateRangeInput(now: Date) {
  const today = dayOf(now);
  return z.object({ from: day("the start date"), to: day("the end date") }).superRefine((range, context) => {
    if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) return;
    if (range.to > today)
      context.addIssue({ code: "custom", path: ["to"], message: "The end date cannot be in the future." });
    if (range.from > range.to)
      context.addIssue({
        code: "custom",
        path: ["from"],
        message: "The start date must be on or before the end date.",
      });
    else if (range.from < addDays(range.to, -(MAX_RANGE_DAYS - 1)))
      context.addIssue({
        code: "custom",
        path: ["from"],
        message: `Choose a range of at most ${MAX_RANGE_DAYS} days.`,
      });
  });
}

export type DateRange = { from: string; to: string };

export function defaultRange(now: Date, days = DEFAULT_RANGE_DAYS): DateRange {
  const to = dayOf(now);
  return { from: addDays(to, -(days - 1)), to };
}
