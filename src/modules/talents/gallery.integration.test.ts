import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { talentProfiles } from "@/db/schema";
import { createTalentWithProfile, createUsers } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { parseGallerySearchParams } from "./gallery-query";
import { listedCountryCodes, searchGallery } from "./queries";

const search = (db: Db, params: Record<string, string>, pageSize?: number) =>
  searchGallery(db, parseGallerySearchParams(params), pageSize);

async function names(db: Db, params: Record<string, string>) {
  const page = await search(db, params);
  return page!.items.map((item) => item.displayName).sort();
}

describe("the public gallery", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    const at = (day: number) => new Date(Date.UTC(2026, 5, day));
    await createTalentWithProfile(db, {
      user: { name: "Sarah Okafor" },
      profile: {
        headline: "Classically trained actor",
        categories: ["actor"],
        city: "London",
        country: "GB",
        playingAgeMin: 28,
        playingAgeMax: 36,
        languages: ["English", "Yoruba"],
        skills: ["Stage combat", "Horse riding"],
        publishedAt: at(1),
      },
    });
    await createTalentWithProfile(db, {
      user: { name: "Marco Bellini" },
      profile: {
        headline: "Dancer and singer",
        categories: ["dancer", "singer"],
        city: "Milan",
        country: "IT",
        playingAgeMin: 20,
        playingAgeMax: 27,
        languages: ["Italian", "English"],
        skills: ["Ballet"],
        availability: "LIMITED",
        publishedAt: at(2),
      },
    });
    await createTalentWithProfile(db, {
      user: { name: "Lena Vogel" },
      profile: {
        headline: "Voice artist",
        categories: ["voice"],
        city: "Berlin",
        country: "DE",
        playingAgeMin: 40,
        playingAgeMax: 55,
        languages: ["German"],
        bio: "Known for audiobook narration and documentary voice-over.",
        publishedAt: at(3),
      },
    });
    await createTalentWithProfile(db, {
      user: { name: "Sarah Draft" },
      profile: { headline: "Not published", publishedAt: null },
    });
    await createTalentWithProfile(db, {
      user: { name: "Sarah Hidden" },
      profile: { hiddenAt: new Date(), hiddenReason: "Spam" },
    });
  });

  it("lists only published profiles that no admin has hidden, newest first", async () => {
    const page = await search(db, {});
    expect(page!.items.map((item) => item.displayName)).toEqual(["Lena Vogel", "Marco Bellini", "Sarah Okafor"]);
    expect(page!.nextCursor).toBeNull();
  });

  it("counts every listed match of a search, on each of its pages", async () => {
    expect((await search(db, {}))!.total).toBe(3);
    expect((await search(db, { q: "sarah" }))!.total).toBe(1);
    expect((await search(db, { language: "English" }))!.total).toBe(2);
    expect((await search(db, { q: "voice audiobook" }))!.total).toBe(1);
    const first = await search(db, {}, 2);
    expect(first!.total).toBe(3);
    expect((await search(db, { cursor: first!.nextCursor! }, 2))!.total).toBe(3);
  });

  it("finds talents by name prefix, headline, skills and bio", async () => {
    expect(await names(db, { q: "sar" })).toEqual(["Sarah Okafor"]);
    expect(await names(db, { q: "dancer" })).toEqual(["Marco Bellini"]);
    expect(await names(db, { q: "horse" })).toEqual(["Sarah Okafor"]);
    expect(await names(db, { q: "audiobook" })).toEqual(["Lena Vogel"]);
    expect(await names(db, { q: "ballet milan-nonsense-word" })).toEqual([]);
  });

  it("treats search text as words, never as query syntax", async () => {
    for (const q of ["'; drop table talent_profiles; --", "sarah & | ! ( ) :*", "\\", "%_"]) {
      expect((await search(db, { q }))?.items).toBeDefined();
    }
    expect(await names(db, { q: "sarah & | !" })).toEqual(["Sarah Okafor"]);
  });

  it("filters by category, country, city prefix, language and availability", async () => {
    expect(await names(db, { category: "singer" })).toEqual(["Marco Bellini"]);
    expect(await names(db, { country: "DE" })).toEqual(["Lena Vogel"]);
    expect(await names(db, { city: "lon" })).toEqual(["Sarah Okafor"]);
    expect(await names(db, { city: "%" })).toEqual([]);
    expect(await names(db, { language: "english" })).toEqual(["Marco Bellini", "Sarah Okafor"]);
    expect(await names(db, { availability: "LIMITED" })).toEqual(["Marco Bellini"]);
  });

  it("filters on talents with a showreel or a voice reel", async () => {
    await db.update(talentProfiles).set({ hasShowreel: true }).where(eq(talentProfiles.displayName, "Marco Bellini"));
    await db
      .update(talentProfiles)
      .set({ hasShowreel: true, hasVoiceReel: true })
      .where(eq(talentProfiles.displayName, "Lena Vogel"));
    expect(await names(db, { showreel: "1" })).toEqual(["Lena Vogel", "Marco Bellini"]);
    expect(await names(db, { voiceReel: "1" })).toEqual(["Lena Vogel"]);
    expect(await names(db, { showreel: "1", voiceReel: "1", country: "IT" })).toEqual([]);
    await db
      .update(talentProfiles)
      .set({ hasShowreel: false, hasVoiceReel: false })
      .where(eq(talentProfiles.hasShowreel, true));
  });

  it("filters by playing age: every talent whose range overlaps the one asked for", async () => {
    expect(await names(db, { ageMin: "30", ageMax: "45" })).toEqual(["Lena Vogel", "Sarah Okafor"]);
    expect(await names(db, { ageMin: "56" })).toEqual([]);
    expect(await names(db, { ageMax: "20" })).toEqual(["Marco Bellini"]);
  });

  it("combines search and filters", async () => {
    expect(await names(db, { q: "actor", country: "GB", category: "actor" })).toEqual(["Sarah Okafor"]);
    expect(await names(db, { q: "actor", country: "IT" })).toEqual([]);
  });

  it("answers null for a cursor that is not one of its own", async () => {
    expect(await search(db, { cursor: "bm90LWEtY3Vyc29y" })).toBeNull();
  });
});

describe("gallery pagination", () => {
  let db: Db;
  const total = 23;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    // Every profile shares its name and its publication time with others: the sort keys tie.
    const sameInstant = new Date("2026-03-01T12:00:00.123Z");
    for (let index = 0; index < total; index += 1) {
      await createTalentWithProfile(db, {
        user: { name: index % 2 === 0 ? "Alex Kim" : "Jordan Lee" },
        profile: {
          headline: "Actor with stage combat",
          skills: index % 3 === 0 ? ["Stage combat", "Stage combat fight"] : ["Stage combat"],
          publishedAt: sameInstant,
        },
      });
    }
  });

  async function walk(params: Record<string, string>, pageSize: number) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search(db, { ...params, ...(cursor ? { cursor } : {}) }, pageSize);
      seen.push(...page!.items.map((item) => item.id));
      cursor = page!.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return { seen, pages };
  }

  it.each([
    ["newest", {}],
    ["name", { sort: "name" }],
    ["best match", { q: "stage combat" }],
  ])("visits every profile exactly once, sorted by %s, even when sort keys tie", async (_sort, params) => {
    const { seen, pages } = await walk(params, 5);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(5);
  });

  it("keeps the name order across pages", async () => {
    const page = await search(db, { sort: "name" }, total);
    const names = page!.items.map((item) => item.displayName);
    expect(names).toEqual([...names].sort());
  });
});

describe("best match", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    const at = (day: number) => new Date(Date.UTC(2026, 1, day));
    await createTalentWithProfile(db, {
      user: { name: "Kit Marlowe" },
      profile: { headline: "Stage actor", publishedAt: at(1) },
    });
    await createTalentWithProfile(db, {
      user: { name: "Ann Lee" },
      profile: { headline: "Marlowe tribute performer", publishedAt: at(2) },
    });
    await createTalentWithProfile(db, {
      user: { name: "Bo Chen" },
      profile: { skills: ["Marlowe monologues"], publishedAt: at(3) },
    });
    await createTalentWithProfile(db, {
      user: { name: "Cy Diaz" },
      profile: { bio: "Played Marlowe on tour.", publishedAt: at(4) },
    });
  });

  it("ranks matches in the name first, then in the headline or skills, then in the bio; newest first within each", async () => {
    const byMatch = await search(db, { q: "marlowe" });
    expect(byMatch!.items.map((item) => item.displayName)).toEqual(["Kit Marlowe", "Bo Chen", "Ann Lee", "Cy Diaz"]);
    const byDate = await search(db, { q: "marlowe", sort: "newest" });
    expect(byDate!.items.map((item) => item.displayName)).toEqual(["Cy Diaz", "Bo Chen", "Ann Lee", "Kit Marlowe"]);
  });

  it("pages across the tiers without repeating or skipping anyone", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(
        db,
        { q: "marlowe", ...(cursor ? { cursor } : {}) },
        1,
      );
      seen.push(...page!.items.map((item) => item.displayName));
      cursor = page!.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Kit Marlowe", "Bo Chen", "Ann Lee", "Cy Diaz"]);
  });
});

describe("a common word", () => {
  // More matches than the text index is asked for up front: the page is read in sort order instead.
  let db: Db;
  const total = 205;
  const at = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 60_000);
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    const players = await createUsers(
      db,
      Array.from({ length: total }, (_, index) => ({ name: `Player ${index}`, role: "TALENT" as const })),
    );
    await db.insert(talentProfiles).values(
      players.map((player, index) => ({
        userId: player.id,
        displayName: player.name,
        headline: "Session drummer",
        skills: index === 7 ? ["Tabla"] : [],
        skillsText: index === 7 ? "Tabla" : "",
        publishedAt: at(index),
      })),
    );
  });

  it.each([
    ["best match", {}],
    ["newest", { sort: "newest" }],
  ])("pages every match, newest first, sorted by %s", async (_sort, params) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(
        db,
        { q: "drummer", ...params, ...(cursor ? { cursor } : {}) },
        60,
      );
      seen.push(...page!.items.map((item) => item.displayName));
      cursor = page!.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: total }, (_, index) => `Player ${total - 1 - index}`));
  });

  it("sorts a common word's matches by name too, and still finds a rare one among them", async () => {
    const byName = await search(db, { q: "drummer", sort: "name" }, 3);
    expect(byName!.items.map((item) => item.displayName)).toEqual(["Player 0", "Player 1", "Player 10"]);
    expect(await names(db, { q: "tabla drummer" })).toEqual(["Player 7"]);
  });
});

describe("the gallery's country filter", () => {
  it("offers the countries with listed profiles, and reads them again after a minute", async () => {
    const { db } = await freshDatabase();
    await createTalentWithProfile(db, { profile: { country: "FR" } });
    await createTalentWithProfile(db, { profile: { country: "DE" } });
    await createTalentWithProfile(db, { profile: { country: "JP", publishedAt: null } });
    await createTalentWithProfile(db, { profile: { country: "BR", hiddenAt: new Date(), hiddenReason: "Spam" } });
    const at = Date.now();
    const codes = async (now: number) => [...(await listedCountryCodes(db, now))].sort();
    expect(await codes(at)).toEqual(["DE", "FR"]);

    await createTalentWithProfile(db, { profile: { country: "AR" } });
    expect(await codes(at + 59_000)).toEqual(["DE", "FR"]);
    expect(await codes(at + 61_000)).toEqual(["AR", "DE", "FR"]);
  });
});
