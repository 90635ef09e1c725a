import type { Faker } from "@faker-js/faker";
import type { NewTalentProfile } from "./factories";

/** Where each demo locale's talents live, and what they speak besides English. */
export const localeProfiles: {
  country: string;
  cities: string[];
  languages: string[];
  unions: string[];
  currency: string;
}[] = [
  {
    country: "US",
    cities: ["Los Angeles", "New York", "Atlanta", "Chicago", "Austin"],
    languages: ["Spanish"],
    unions: ["SAG-AFTRA", "AEA"],
    currency: "USD",
  },
  {
    country: "GB",
    cities: ["London", "Manchester", "Glasgow", "Bristol", "Cardiff"],
    languages: ["Welsh", "French"],
    unions: ["Equity UK"],
    currency: "GBP",
  },
  {
    country: "FR",
    cities: ["Paris", "Lyon", "Marseille", "Lille"],
    languages: ["French"],
    unions: ["SFA-CGT"],
    currency: "EUR",
  },
  {
    country: "DE",
    cities: ["Berlin", "Munich", "Hamburg", "Cologne"],
    languages: ["German"],
    unions: ["BFFS"],
    currency: "EUR",
  },
  {
    country: "ES",
    cities: ["Madrid", "Barcelona", "Seville", "Valencia"],
    languages: ["Spanish", "Catalan"],
    unions: ["Union de Actores"],
    currency: "EUR",
  },
  {
    country: "IT",
    cities: ["Rome", "Milan", "Naples", "Turin"],
    languages: ["Italian"],
    unions: ["SAI-SLC"],
    currency: "EUR",
  },
  {
    country: "BR",
    cities: ["Sao Paulo", "Rio de Janeiro", "Salvador"],
    languages: ["Portuguese", "Spanish"],
    unions: ["SATED"],
    currency: "BRL",
  },
  {
    country: "NL",
    cities: ["Amsterdam", "Rotterdam", "Utrecht"],
    languages: ["Dutch", "German"],
    unions: ["ACT"],
    currency: "EUR",
  },
  {
    country: "SE",
    cities: ["Stockholm", "Gothenburg", "Malmo"],
    languages: ["Swedish", "Norwegian"],
    unions: ["Teaterforbundet"],
    currency: "SEK",
  },
];

const categorySets = [
  ["actor"],
  ["actor", "voice"],
  ["model"],
  ["dancer"],
  ["singer", "musician"],
  ["actor", "singer", "dancer"],
  ["presenter", "host"],
  ["extra"],
  ["actor", "stunt"],
  ["comedian", "actor"],
  ["voice"],
  ["model", "influencer"],
] as const;

const skillPool = [
  "Improvisation",
  "Stage combat",
  "Horse riding",
  "Ballet",
  "Contemporary dance",
  "Hip hop",
  "Tap",
  "Singing (mezzo-soprano)",
  "Singing (baritone)",
  "Piano",
  "Guitar",
  "Violin",
  "Accents: Irish",
  "Accents: Southern US",
  "Accents: RP",
  "Swimming",
  "Scuba diving",
  "Martial arts",
  "Fencing",
  "Driving licence",
  "Motorcycle licence",
  "Juggling",
  "Sign language",
  "Stand-up",
  "Voice-over",
  "Audiobook narration",
  "Motion capture",
  "Skateboarding",
  "Rock climbing",
  "Yoga",
  "Teleprompter",
  "Runway",
  "Commercial print",
];

const headlines: Record<string, string[]> = {
  actor: [
    "Screen and stage actor with a gift for drama",
    "Versatile actor, strong in comedy and period drama",
    "Classically trained actor with TV and theatre credits",
  ],
  voice: ["Warm, natural voice for commercials and animation", "Voice artist for games, audiobooks and documentaries"],
  model: ["Editorial and commercial model", "Fashion and lifestyle model with runway experience"],
  dancer: ["Contemporary and jazz dancer for stage and music video", "Ballet-trained dancer, commercial and theatre"],
  singer: ["Session and musical theatre singer", "Singer-songwriter with live and studio experience"],
  presenter: ["Presenter and host for live events and broadcast", "Lifestyle presenter, autocue and live TV"],
  extra: ["Reliable supporting artist, flexible schedule", "Background artist with period costume experience"],
  comedian: ["Stand-up comedian and comic actor", "Sketch and improv performer"],
  default: ["Performer for screen, stage and commercials"],
};

const productions = [
  "The Long Night",
  "Harbour Lights",
  "Glass City",
  "After the Rain",
  "Northbound",
  "The Quiet Year",
  "Saltwater",
  "Midnight Fare",
  "Paper Crowns",
  "Wild Acre",
  "The Understudy",
  "Low Tide",
  "Blue Meridian",
  "Open Road",
];
const roles = ["Lead", "Supporting", "Featured", "Guest star", "Ensemble", "Principal", "Narrator", "Dancer", "Host"];
const companies = [
  "Northlight Studios",
  "Harbour Pictures",
  "Red Door Theatre",
  "Meridian Films",
  "Parallel TV",
  "Open Stage Company",
  "Blue Fox Media",
];
const eyes = ["Blue", "Brown", "Green", "Hazel", "Grey", "Amber"] as const;
const hair = ["Black", "Brown", "Blonde", "Auburn", "Red", "Grey"] as const;

const nouns: Record<string, string> = {
  actor: "actor",
  voice: "voice artist",
  model: "model",
  dancer: "dancer",
  singer: "singer",
  musician: "musician",
  presenter: "presenter",
  host: "host",
  extra: "supporting artist",
  stunt: "stunt performer",
  comedian: "comedian",
  influencer: "content creator",
};

function describe(categories: string[]) {
  const words = categories.map((category) => nouns[category] ?? category);
  const phrase = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]!;
  return `${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`;
}

/**
 * A full, plausible profile for demo talent number `index`, the same every time. `city` sets where the
 * talent is based (the bio says the same); otherwise one of the locale's cities is drawn.
 */
export function demoProfile(faker: Faker, index: number, firstName: string, home?: { city: string }): NewTalentProfile {
  const locale = localeProfiles[index % localeProfiles.length]!;
  const categories = [...categorySets[index % categorySets.length]!];
  const age = faker.number.int({ min: 18, max: 68 });
  const headline = faker.helpers.arrayElement(headlines[categories[0]!] ?? headlines.default!);
  const skills = faker.helpers.arrayElements(skillPool, { min: 2, max: 6 });
  const credits = Array.from({ length: faker.number.int({ min: 1, max: 5 }) }, () => ({
    year: faker.number.int({ min: 2012, max: 2026 }),
    production: faker.helpers.arrayElement(productions),
    role: faker.helpers.arrayElement(roles),
    company: faker.helpers.arrayElement(companies),
  }));
  const rate = faker.number.int({ min: 2, max: 20 }) * 100;
  const drawnCity = faker.helpers.arrayElement(locale.cities);
  const city = home?.city ?? drawnCity;
  const phone = `+${faker.string.numeric(2)} ${faker.string.numeric(3)} ${faker.string.numeric(3)} ${faker.string.numeric(4)}`;
  return {
    headline,
    city,
    country: locale.country,
    categories,
    playingAgeMin: Math.max(16, age - faker.number.int({ min: 2, max: 6 })),
    playingAgeMax: age + faker.number.int({ min: 2, max: 6 }),
    languages: ["English", ...faker.helpers.arrayElements(locale.languages, { min: 0, max: locale.languages.length })],
    skills,
    unions: faker.datatype.boolean() ? [locale.unions[0]!] : [],
    availability: faker.helpers.weightedArrayElement([
      { weight: 7, value: "AVAILABLE" as const },
      { weight: 2, value: "LIMITED" as const },
      { weight: 1, value: "UNAVAILABLE" as const },
    ]),
    bio: [
      `${firstName} is ${describe(categories)} based in ${city}, working across ${faker.helpers.arrayElement(["film and television", "theatre and commercials", "music video and live events", "games and animation"])}.`,
      `Trained at ${faker.helpers.arrayElement(["the national drama school", "a conservatoire", "a performing arts college", "a youth theatre company"])}, ${firstName} is known for ${faker.helpers.arrayElement(["precise, understated screen work", "energy and comic timing", "a strong physical presence", "a warm, natural delivery"])}.`,
      `Recent work includes ${credits[0]!.production} (${credits[0]!.role.toLowerCase()}).`,
    ].join("\n\n"),
    heightCm: faker.number.int({ min: 152, max: 196 }),
    eyeColour: faker.helpers.arrayElement(eyes),
    hairColour: faker.helpers.arrayElement(hair),
    showreelUrls: faker.datatype.boolean() ? [`https://video.example.com/reel/${index + 1}`] : [],
    dayRateMin: rate,
    dayRateMax: rate + faker.number.int({ min: 1, max: 10 }) * 100,
    dayRateCurrency: locale.currency,
    credits,
    contact: {
      phone,
      email: `${firstName.toLowerCase().replace(/[^a-z]/g, "") || "talent"}.${index + 1}@mail.example.com`,
      ...(faker.datatype.boolean()
        ? {
            agentName: faker.person.fullName(),
            agency: `${faker.helpers.arrayElement(["Spotlight", "Marquee", "Limelight", "Encore", "Front Row"])} Talent`,
            agentPhone: `+${faker.string.numeric(2)} ${faker.string.numeric(3)} ${faker.string.numeric(4)}`,
            agentEmail: `bookings.${index + 1}@agency.example.com`,
          }
        : {}),
    },
  };
}
