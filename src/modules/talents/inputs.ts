import { z } from "zod";
import { multiLineText, optionalWholeNumber, singleLineText, textList, wholeNumberFromText } from "@/lib/text-input";
import { availabilities, categories, currencies, eyeColours, hairColours, isCountryCode, MAX_CREDITS } from "./options";

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.literal(""), z.enum(values, { error: message })], { error: message }).default("");

function minNotAboveMax(min: number | undefined, max: number | undefined) {
  return min === undefined || max === undefined || min <= max;
}

/** Title Case for free-text vocabularies (languages), so "english" and "English" are one language. */
export function titleCase(value: string): string {
  return value.replace(/\p{L}+/gu, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

export const basicsInput = z
  .object({
    displayName: singleLineText({ label: "Display name", max: 80, required: true }),
    headline: singleLineText({ label: "Headline", max: 120 }).default(""),
    city: singleLineText({ label: "City", max: 80 }).default(""),
    country: z
      .string({ error: "Choose a country from the list." })
      .trim()
      .default("")
      .refine((code) => code === "" || isCountryCode(code), "Choose a country from the list."),
    categories: z
      .array(z.enum(categories, { error: "Choose categories from the list." }), {
        error: "Choose categories from the list.",
      })
      .max(6, "Choose at most 6 categories.")
      .default([])
      .transform((values) => [...new Set(values)]),
    playingAgeMin: optionalWholeNumber({ label: "Youngest playing age", min: 0, max: 100 }),
    playingAgeMax: optionalWholeNumber({ label: "Oldest playing age", min: 0, max: 100 }),
    genderIdentity: singleLineText({ label: "Gender identity", max: 60 }).default(""),
    availability: z.enum(availabilities, { error: "Choose your availability." }).default("AVAILABLE"),
  })
  .refine((input) => minNotAboveMax(input.playingAgeMin, input.playingAgeMax), {
    path: ["playingAgeMax"],
    message: "The oldest playing age cannot be below the youngest.",
  });
export type BasicsInput = z.infer<typeof basicsInput>;

export const skillsInput = z.object({
  languages: textList({ label: "Languages", maxItems: 15, maxLength: 40 }).transform((languages) =>
    languages.map(titleCase),
  ),
  skills: textList({ label: "Skills", maxItems: 40, maxLength: 50 }),
  unions: textList({ label: "Unions", maxItems: 10, maxLength: 60 }),
});
export type SkillsInput = z.infer<typeof skillsInput>;

const showreelUrl = z
  .string({ error: "Each showreel link must be a full web address starting with https://." })
  .max(500, "Use links of at most 500 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "Each showreel link must be a full web address starting with https://.");

export const premiumDetailsInput = z
  .object({
    bio: multiLineText({ label: "Bio", max: 5000 }).default(""),
    heightCm: optionalWholeNumber({ label: "Height", min: 50, max: 250 }),
    eyeColour: optionalChoice(eyeColours, "Choose an eye colour from the list."),
    hairColour: optionalChoice(hairColours, "Choose a hair colour from the list."),
    showreelUrls: z.preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(/\s+/)
              .map((line) => line.trim())
              .filter(Boolean)
          : value,
      z
        .array(showreelUrl, { error: "Put each showreel link on its own line." })
        .max(5, "Add at most 5 showreel links.")
        .default([]),
    ),
    dayRateMin: optionalWholeNumber({ label: "Lowest day rate", min: 0, max: 1_000_000 }),
    dayRateMax: optionalWholeNumber({ label: "Highest day rate", min: 0, max: 1_000_000 }),
    dayRateCurrency: z.enum(currencies, { error: "Choose a currency from the list." }).default("USD"),
  })
  .refine((input) => minNotAboveMax(input.dayRateMin, input.dayRateMax), {
    path: ["dayRateMax"],
    message: "The highest day rate cannot be below the lowest.",
  });
export type PremiumDetailsInput = z.infer<typeof premiumDetailsInput>;

export const creditInput = z.object({
  year: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? wholeNumberFromText(value) : value),
    z
      .number({ error: "Enter the year, like 2024." })
      .int("Enter the year, like 2024.")
      .min(1900, "Enter a year from 1900 on.")
      .max(new Date().getUTCFullYear() + 3, "Enter a year no more than three years ahead."),
  ),
  production: singleLineText({ label: "Production", max: 120, required: true }),
  role: singleLineText({ label: "Role", max: 80, required: true }),
  company: singleLineText({ label: "Company", max: 120 }).default(""),
});
export type CreditInput = z.infer<typeof creditInput>;
export { MAX_CREDITS };

const phone = z
  .string({ error: "Enter a phone number with digits, spaces and an optional leading +." })
  .trim()
  .max(30, "Use at most 30 characters for a phone number.")
  .refine(
    (value) => value === "" || /^\+?[0-9][0-9 ().-]{4,28}$/.test(value),
    "Enter a phone number with digits, spaces and an optional leading +.",
  );
const optionalEmail = z
  .string({ error: "Enter a valid email address, like name@example.com." })
  .trim()
  .max(254, "That email address is too long.")
  .refine(
    (value) => value === "" || z.email().safeParse(value).success,
    "Enter a valid email address, like name@example.com.",
  )
  .transform((value) => value.toLowerCase());

export const contactInput = z.object({
  phone: phone.default(""),
  email: optionalEmail.default(""),
  agentName: singleLineText({ label: "Agent name", max: 100 }).default(""),
  agency: singleLineText({ label: "Agency", max: 120 }).default(""),
  agentPhone: phone.default(""),
  agentEmail: optionalEmail.default(""),
});
export type ContactInput = z.infer<typeof contactInput>;

export const hideProfileInput = z.object({
  profileId: z.uuid("Choose a profile."),
  reason: singleLineText({ label: "The reason", max: 500, required: true, min: 10 }),
});

export const profileIdInput = z.uuid("That profile does not exist.");
export const photoIdInput = z.uuid("That photo does not exist.");
export const creditIdInput = z.uuid("That credit does not exist.");
