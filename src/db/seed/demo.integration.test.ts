import { verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import type { Db } from "../client";
import { accounts, users } from "../schema/auth";
import { DEMO_PASSWORD, DEMO_TALENT_COUNT, demoAccounts, isDatabaseEmpty, seedDemoData } from "./demo";

describe("the demo data set", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("fills an empty database with the demo accounts and at least 150 talents", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const { created } = await seedDemoData(db);
    expect(created).toBe(demoAccounts.length + DEMO_TALENT_COUNT);
    expect(DEMO_TALENT_COUNT).toBeGreaterThanOrEqual(150);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("gives each demo account its role and the shared demo password", async () => {
    for (const account of demoAccounts) {
      const [row] = await db
        .select({ role: users.role, hash: accounts.password })
        .from(users)
        .innerJoin(accounts, eq(accounts.userId, users.id))
        .where(eq(users.email, account.email));
      expect(row?.role).toBe(account.role);
      expect(await verifyPassword({ hash: row!.hash!, password: DEMO_PASSWORD })).toBe(true);
    }
  });

  it("gives talents varied, realistic and distinct names", async () => {
    const talents = await db.select({ name: users.name }).from(users).where(eq(users.role, "TALENT"));
    const names = new Set(talents.map((talent) => talent.name));
    expect(names.size).toBe(talents.length);
    for (const name of names) expect(name).toMatch(/^\S+( \S+)+$/);
    const firstNames = new Set(talents.map((talent) => talent.name.split(" ")[0]));
    expect(firstNames.size).toBeGreaterThan(100);
  });

  it("changes nothing when run again", async () => {
    const before = await db.select({ id: users.id }).from(users);
    expect(await seedDemoData(db)).toEqual({ created: 0 });
    expect(await db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});
