import { z } from "zod";
import { wholeNumberFromText } from "@/lib/text-input";
import { canonicalTimeZone } from "@/lib/time-zones";

const mode = z.enum(["immediate", "daily", "off"], { error: "Choose immediately, daily digest or off." });

export const emailPreferencesInput = z.object({ messages: mode, contact_requests: mode, billing: mode });

/** A zone chosen in settings: one of the listed IANA zones or UTC (an alias becomes the listed name). */
export const timeZoneInput = z
  .unknown()
  .optional()
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    context.addIssue({ code: "custom", message: "Choose a time zone from the list, such as Europe/London or UTC." });
    return z.NEVER;
  });

export const digestHourInput = z.preprocess(
  wholeNumberFromText,
  z
    .number({ error: "Choose the hour of your daily digest, from 00:00 to 23:00." })
    .int("Choose the hour of your daily digest, from 00:00 to 23:00.")
    .min(0, "Choose the hour of your daily digest, from 00:00 to 23:00.")
    .max(23, "Choose the hour of your daily digest, from 00:00 to 23:00."),
);

/** The time settings form: the zone every date is shown in, and the local hour of the daily digest. */
export const timeSettingsInput = z.object({ timeZone: timeZoneInput, digestHour: digestHourInput });
export type TimeSettingsInput = z.infer<typeof timeSettingsInput>;
