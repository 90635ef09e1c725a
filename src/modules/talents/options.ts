/** The fixed vocabularies of a talent profile, with the labels people see. */
import { countryNamesByCode } from "./countries";

export const categories = [
  "actor",
  "model",
  "dancer",
  "singer",
  "voice",
  "presenter",
  "extra",
  "musician",
  "stunt",
  "comedian",
  "host",
  "influencer",
] as const;
export type Category = (typeof categories)[number];

export const categoryLabels: Record<Category, string> = {
  actor: "Actor",
  model: "Model",
  dancer: "Dancer",
  singer: "Singer",
  voice: "Voice artist",
  presenter: "Presenter",
  extra: "Extra",
  musician: "Musician",
  stunt: "Stunt performer",
  comedian: "Comedian",
  host: "Host / MC",
  influencer: "Content creator",
};

export const availabilities = ["AVAILABLE", "LIMITED", "UNAVAILABLE"] as const;
export type Availability = (typeof availabilities)[number];

export const availabilityLabels: Record<Availability, string> = {
  AVAILABLE: "Available",
  LIMITED: "Limited availability",
  UNAVAILABLE: "Not available",
};

export const currencies = ["USD", "EUR", "GBP", "CAD", "AUD", "SEK", "BRL"] as const;
export type Currency = (typeof currencies)[number];

export const eyeColours = ["Amber", "Blue", "Brown", "Green", "Grey", "Hazel", "Other"] as const;
export const hairColours = ["Auburn", "Black", "Blonde", "Brown", "Grey", "Red", "White", "Bald", "Other"] as const;

/** In the order of their names (the table is kept in that order, so no collation runs on either side). */
export const countries: { code: string; name: string }[] = Object.entries(countryNamesByCode).map(([code, name]) => ({
  code,
  name,
}));

const countryNames = new Map(Object.entries(countryNamesByCode));

export function isCountryCode(value: string): boolean {
  return countryNames.has(value);
}

export function countryName(code: string): string {
  return countryNames.get(code) ?? code;
}

export const MAX_PHOTOS = 12;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_CREDITS = 100;
