/** The fixed vocabularies of a talent profile, with the labels people see. */

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

/** ISO 3166-1 alpha-2 codes; names come from the runtime's own locale data. */
const countryCodes =
  "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PR PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW".split(
    " ",
  );

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export const countries: { code: string; name: string }[] = countryCodes
  .map((code) => ({ code, name: regionNames.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

const countryNames = new Map(countries.map((country) => [country.code, country.name]));

export function isCountryCode(value: string): boolean {
  return countryNames.has(value);
}

export function countryName(code: string): string {
  return countryNames.get(code) ?? code;
}

export const MAX_PHOTOS = 12;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_CREDITS = 100;
