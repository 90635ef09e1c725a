import { verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import { MemoryStorage } from "@/test/memory-storage";
import type { Db } from "../client";
import { accounts, users } from "../schema/auth";
import { mediaFiles } from "../schema/media";
import { talentContacts, talentProfiles } from "../schema/talents";
import { DEMO_PASSWORD, DEMO_TALENT_COUNT, demoAccounts, isDatabaseEmpty, seedDemoData } from "./demo";

describe("the demo data set", () => {
  let db: Db;
  const storage = new MemoryStorage();
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("fills an empty database with the demo accounts and at least 150 talents", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const { created, profiles } = await seedDemoData(db, storage);
    expect(created).toBe(demoAccounts.length + DEMO_TALENT_COUNT);
    expect(profiles).toBe(DEMO_TALENT_COUNT + 1);
    expect(DEMO_TALENT_COUNT).toBeGreaterThanOrEqual(150);
    expect(await isDatabaseEmpty(db)).toBe(false);
    // Seeding 160 talents with generated portraits takes 15-30 s on two busy cores.
  }, 120_000);

  it("gives talent@ a showreel (two, when ffmpeg is here), a voice reel and a CV, waiting for the worker", async () => {
    const files = await db
      .select({ purpose: mediaFiles.purpose, status: mediaFiles.status, key: mediaFiles.storageKey })
      .from(mediaFiles)
      .innerJoin(users, eq(users.id, mediaFiles.ownerId))
      .where(eq(users.email, "talent@callback.test"));
    const purposes = files.map((file) => file.purpose).sort();
    expect(purposes.filter((purpose) => purpose !== "showreel")).toEqual(["cv", "voice_reel"]);
    expect([0, 2]).toContain(purposes.filter((purpose) => purpose === "showreel").length);
    expect(files.every((file) => file.status === "processing")).toBe(true);
    for (const file of files) expect(await storage.stat(file.key)).not.toBeNull();
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

  it("gives every demo talent a profile with a generated portrait, and private contact details", async () => {
    const rows = await db
      .select({
        primaryPhotoId: talentProfiles.primaryPhotoId,
        published: talentProfiles.publishedAt,
        phone: talentContacts.phone,
      })
      .from(talentProfiles)
      .leftJoin(talentContacts, eq(talentContacts.profileId, talentProfiles.id));
    expect(rows).toHaveLength(DEMO_TALENT_COUNT + 1);
    for (const row of rows) {
      expect(row.primaryPhotoId).not.toBeNull();
      expect(row.phone).toMatch(/^\+\d/);
    }
    expect(rows.filter((row) => row.published !== null).length).toBeGreaterThan(150);
    const thumb = [...storage.files.entries()].find(([key]) => key.endsWith("/thumb.webp"))?.[1];
    expect(thumb?.subarray(8, 12).toString("ascii")).toBe("WEBP");
  });

  it("changes nothing when run again", async () => {
    const before = await db.select({ id: users.id }).from(users);
    const files = storage.files.size;
    expect(await seedDemoData(db, storage)).toEqual({ created: 0, profiles: 0 });
    expect(storage.files.size).toBe(files);
    expect(await db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});
