import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-input";
import { contactFields } from "./policies";

export const productionTypes = [
  "film",
  "tv",
  "commercial",
  "theatre",
  "music_video",
  "web",
  "photo",
  "voice",
  "event",
  "other",
] as const;
export const productionTypeLabels: Record<(typeof productionTypes)[number], string> = {
  film: "Film",
  tv: "Television",
  commercial: "Commercial",
  theatre: "Theatre",
  music_video: "Music video",
  web: "Web series or online",
  photo: "Photo shoot",
  voice: "Voice or audio",
  event: "Live event",
  other: "Other",
};

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), from 1900 on. */
function isShootDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < "1900-01-01") return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string({ error: "Enter a date like 2026-12-31." })
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || isShootDay(value), "Enter a real date like 2026-12-31.");

/** What a request says about the project, shared by single requests and bulk requests from a collection. */
export const projectFields = {
  projectTitle: singleLineText({ label: "The project title", max: 120, required: true }),
  role: singleLineText({ label: "The role", max: 120, required: true }),
  productionType: z.enum(productionTypes, { error: "Choose the type of production." }),
  description: multiLineText({ label: "The project description", max: 2000, min: 20, required: true }),
  shootStart: isoDate,
  shootEnd: isoDate,
  location: singleLineText({ label: "The location", max: 120 }).default(""),
  isPaid: z.enum(["paid", "unpaid"], { error: "Say whether the work is paid." }).transform((value) => value === "paid"),
  rate: singleLineText({ label: "The rate", max: 120 }).default(""),
};

type ProjectFacts = { shootStart?: string; shootEnd?: string; isPaid: boolean; rate: string };

/** The rules across project fields: dates in order, a rate for paid work. */
export function withProjectRules<T extends z.ZodType<ProjectFacts>>(schema: T) {
  return schema
    .refine(
      (input) =>
        !input.shootStart ||
        !input.shootEnd ||
        !isShootDay(input.shootStart) ||
        !isShootDay(input.shootEnd) ||
        input.shootStart <= input.shootEnd,
      {
        path: ["shootEnd"],
        message: "The last shoot date cannot be before the first.",
      },
    )
    .refine((input) => !input.isPaid || input.rate.length > 0, {
      path: ["rate"],
      message: "Give the rate for paid work, e.g. $500 a day.",
    });
}

export const contactRequestInput = withProjectRules(
  z.object({
    profileId: z.uuid("That talent's profile is not available."),
    ...projectFields,
    message: multiLineText({ label: "Your message", max: 1000 }).default(""),
  }),
);
export type ContactRequestInput = z.infer<typeof contactRequestInput>;

export const approveInput = z.object({
  requestId: z.uuid("That request does not exist."),
  sharedFields: z
    .array(z.enum(contactFields, { error: "Choose details to share from the list." }), {
      error: "Choose at least one detail to share.",
    })
    .min(1, "Choose at least one detail to share.")
    .transform((fields) => [...new Set(fields)]),
});

export const declineReasons = ["not_right", "unavailable", "rate_too_low", "other"] as const;
export const declineReasonLabels: Record<(typeof declineReasons)[number], string> = {
  not_right: "Not right for me",
  unavailable: "Unavailable",
  rate_too_low: "Rate too low",
  other: "Other",
};

export const declineInput = z.object({
  requestId: z.uuid("That request does not exist."),
  reason: z.enum(declineReasons, { error: "Choose a reason from the list." }).optional(),
  block: z.boolean({ error: "Say whether to block the sender." }).default(false),
});

export const requestIdInput = z.uuid("That request does not exist.");
