import { fakerDE, fakerEN_GB, fakerEN_US, fakerES, fakerFR, fakerIT, fakerNL, fakerPT_BR, fakerSV, type Faker } from "@faker-js/faker";
import { count } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema/auth";
import { createUsers, type NewUser } from "./factories";

export const DEMO_PASSWORD = "callback-demo";

/** The accounts listed in the README; every one signs in with DEMO_PASSWORD. */
export const demoAccounts = [
  { email: "admin@callback.test", name: "Alex Morgan", role: "ADMIN" },
  { email: "casting@callback.test", name: "Casey Rivera", role: "PROFESSIONAL" },
  { email: "studio@callback.test", name: "Northlight Studios", role: "COMPANY" },
  { email: "free@callback.test", name: "Frankie Lee", role: "PROFESSIONAL" },
  { email: "talent@callback.test", name: "Taylor Brooks", role: "TALENT" },
] as const satisfies readonly (NewUser & { email: string })[];

export const DEMO_TALENT_COUNT = 160;

const locales: Faker[] = [fakerEN_US, fakerEN_GB, fakerFR, fakerDE, fakerES, fakerIT, fakerPT_BR, fakerNL, fakerSV];

function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^\x00-\x7f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Realistic, varied performer names; the same every time, so the seed is repeatable. */
export function demoTalents(total = DEMO_TALENT_COUNT): NewUser[] {
  const talents: NewUser[] = [];
  for (let index = 0; index < total; index += 1) {
    const faker = locales[index % locales.length]!;
    faker.seed(1000 + index);
    const sex = index % 2 === 0 ? "female" : "male";
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName(sex);
    const joinedDaysAgo = (index * 37) % 400;
    talents.push({
      role: "TALENT",
      name: `${firstName} ${lastName}`,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${index + 1}@talent.callback.test`,
      password: DEMO_PASSWORD,
      createdAt: new Date(Date.UTC(2026, 0, 1) - joinedDaysAgo * 86_400_000),
    });
  }
  return talents;
}

/** Adds whatever part of the demo data set is missing; running it twice changes nothing. */
export async function seedDemoData(db: Db): Promise<{ created: number }> {
  const created = await createUsers(db, [
    ...demoAccounts.map((account) => ({ ...account, password: DEMO_PASSWORD })),
    ...demoTalents(),
  ]);
  return { created: created.length };
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(users);
  return (row?.total ?? 0) === 0;
}
