import {
  fakerDE,
  fakerEN_GB,
  fakerEN_US,
  fakerES,
  fakerFR,
  fakerIT,
  fakerNL,
  fakerPT_BR,
  fakerSV,
  type Faker,
} from "@faker-js/faker";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { makePhotoVariants } from "@/lib/images";
import type { BlobStorage } from "@/lib/storage";
import { PHOTO_WIDTHS, photoFiles } from "@/modules/talents/photo-variants";
import type { Db } from "../client";
import { users } from "../schema/auth";
import { talentCredits, talentProfiles } from "../schema/talents";
import { attachTalentPhoto, createTalentProfile, createUsers, type NewTalentProfile, type NewUser } from "./factories";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoMedia, type DemoMediaOwner } from "./demo-media";
import { demoProfile } from "./demo-profiles";
import { portraitSvg } from "./portraits";

export const DEMO_PASSWORD = "callback-demo";

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000);
}

/** The accounts listed in the README; every one signs in with DEMO_PASSWORD. */
export const demoAccounts = [
  { email: "admin@callback.test", name: "Alex Morgan", role: "ADMIN", timeZone: "Europe/Berlin" },
  {
    email: "casting@callback.test",
    name: "Casey Rivera",
    role: "PROFESSIONAL",
    timeZone: "America/New_York",
    subscription: { interval: "month", currentPeriodEnd: inDays(30) },
  },
  {
    email: "studio@callback.test",
    name: "Northlight Studios",
    role: "COMPANY",
    timeZone: "Europe/London",
    subscription: { interval: "year", currentPeriodEnd: inDays(365) },
  },
  { email: "free@callback.test", name: "Frankie Lee", role: "PROFESSIONAL", timeZone: "America/Chicago" },
  { email: "talent@callback.test", name: "Taylor Brooks", role: "TALENT", timeZone: "America/Los_Angeles" },
  {
    email: "lapsed@callback.test",
    name: "Jordan Hale",
    role: "PROFESSIONAL",
    timeZone: "Australia/Sydney",
    subscription: { status: "past_due", interval: "month", currentPeriodEnd: inDays(12) },
  },
] as const satisfies readonly (NewUser & { email: string })[];

export const DEMO_TALENT_COUNT = 160;

const locales: Faker[] = [fakerEN_US, fakerEN_GB, fakerFR, fakerDE, fakerES, fakerIT, fakerPT_BR, fakerNL, fakerSV];
/** A time zone of each locale's country, in the same order. */
const localeZones = [
  "America/New_York",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Rome",
  "America/Sao_Paulo",
  "Europe/Amsterdam",
  "Europe/Stockholm",
];

function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^\x00-\x7f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type DemoTalent = { user: NewUser & { email: string }; profile: NewTalentProfile; photos: number };

/** The demo talents with realistic, varied names and profiles; the same every time, so the seed is repeatable. */
export function demoTalents(total = DEMO_TALENT_COUNT): DemoTalent[] {
  const talents: DemoTalent[] = [
    {
      user: {
        email: "talent@callback.test",
        name: "Taylor Brooks",
        role: "TALENT",
        password: DEMO_PASSWORD,
        timeZone: "America/Los_Angeles",
      },
      profile: {
        ...demoProfile(fakerEN_US, 0, "Taylor", { city: "Los Angeles" }),
        country: "US",
        contact: {
          phone: "+1 310 555 0142",
          email: "taylor.brooks@mail.example.com",
          agentName: "Morgan Ellis",
          agency: "Spotlight Talent",
          agentPhone: "+1 310 555 0199",
          agentEmail: "morgan.ellis@spotlight.example.com",
        },
      },
      photos: 3,
    },
  ];
  for (let index = 0; index < total; index += 1) {
    const faker = locales[index % locales.length]!;
    faker.seed(1000 + index);
    const sex = index % 2 === 0 ? "female" : "male";
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName(sex);
    const joinedDaysAgo = (index * 37) % 400;
    const joinedAt = new Date(Date.UTC(2026, 0, 1) - joinedDaysAgo * 86_400_000);
    const isDraft = index % 37 === 5;
    talents.push({
      user: {
        role: "TALENT",
        name: `${firstName} ${lastName}`,
        email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${index + 1}@talent.callback.test`,
        password: DEMO_PASSWORD,
        createdAt: joinedAt,
        timeZone: localeZones[index % localeZones.length],
      },
      profile: {
        ...demoProfile(faker, index + 1, firstName),
        publishedAt: isDraft ? null : new Date(joinedAt.getTime() + 86_400_000),
        createdAt: joinedAt,
      },
      photos: index % 4 === 0 ? 3 : 1,
    });
  }
  return talents;
}

async function addPortraits(db: Db, storage: BlobStorage, profileId: string, seed: number, total: number) {
  for (let position = 0; position < total; position += 1) {
    const variants = await makePhotoVariants(Buffer.from(portraitSvg(seed * 10 + position)), PHOTO_WIDTHS);
    const storageKey = `photos/demo-${profileId}-${position}`;
    for (const [key, bytes] of photoFiles(storageKey, variants)) await storage.put(key, bytes);
    await attachTalentPhoto(db, profileId, { storageKey, width: variants.width, height: variants.height, position });
  }
}

/**
 * Adds whatever part of the demo data set is missing: accounts, talent
 * profiles with contact details and credits, generated placeholder
 * portraits, and a year of activity for the dashboards. Running it twice
 * changes nothing.
 */
/** Reports how far the seed is: a step's name, with how many of its items are done. */
export type SeedProgress = (step: string, done: number, total: number) => void;

export async function seedDemoData(
  db: Db,
  storage: BlobStorage,
  onProgress: SeedProgress = () => {},
): Promise<{ created: number; profiles: number }> {
  const talents = demoTalents();
  const created = await createUsers(db, [
    ...demoAccounts
      .filter((account) => account.role !== "TALENT")
      .map((account) => ({ ...account, password: DEMO_PASSWORD })),
    ...talents.map((talent) => talent.user),
  ]);
  onProgress("accounts", created.length, demoAccounts.length - 1 + talents.length);

  const withoutProfile = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(talentProfiles, eq(talentProfiles.userId, users.id))
    .where(
      and(
        inArray(
          users.email,
          talents.map((talent) => talent.user.email),
        ),
        isNull(talentProfiles.id),
      ),
    );
  const specs = new Map(talents.map((talent, index) => [talent.user.email, { ...talent, index }]));

  const queue = [...withoutProfile];
  let profilesDone = 0;
  const worker = async () => {
    for (let user = queue.shift(); user; user = queue.shift()) {
      const spec = specs.get(user.email)!;
      const profileId = await createTalentProfile(db, user, spec.profile);
      await addPortraits(db, storage, profileId, spec.index, spec.photos);
      profilesDone += 1;
      if (profilesDone % 40 === 0 || profilesDone === withoutProfile.length)
        onProgress("profiles and photos", profilesDone, withoutProfile.length);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  // The first demo talents after talent@ start without history with casting@ and studio@ (the end-to-end stories use them).
  await seedDemoActivity(
    db,
    talents.slice(1, 4).map((talent) => talent.user.email),
  );
  onProgress("conversations, requests and activity", 1, 1);
  // talent@ and two gallery talents show reels, a voice reel and a CV; the worker processes them.
  const mediaFiles = await seedDemoMedia(
    db,
    storage,
    await demoMediaOwners(
      db,
      [talents[0], talents[4], talents[5]].flatMap((talent) => (talent ? [talent.user.email] : [])),
    ),
  );
  onProgress("showreels, voice reels and CVs", mediaFiles, mediaFiles);
  return { created: created.length, profiles: withoutProfile.length };
}

async function demoMediaOwners(db: Db, emails: string[]): Promise<DemoMediaOwner[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: talentProfiles.displayName,
      headline: talentProfiles.headline,
      profileId: talentProfiles.id,
    })
    .from(users)
    .innerJoin(talentProfiles, eq(talentProfiles.userId, users.id))
    .where(inArray(users.email, emails));
  const credits = await db
    .select({
      profileId: talentCredits.profileId,
      year: talentCredits.year,
      production: talentCredits.production,
      role: talentCredits.role,
    })
    .from(talentCredits)
    .where(
      inArray(
        talentCredits.profileId,
        rows.map((row) => row.profileId),
      ),
    );
  rows.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    headline: row.headline,
    credits: credits
      .filter((credit) => credit.profileId === row.profileId)
      .sort((a, b) => b.year - a.year)
      .map((credit) => `${credit.year}  ${credit.production} - ${credit.role}`),
  }));
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(users);
  return (row?.total ?? 0) === 0;
}
