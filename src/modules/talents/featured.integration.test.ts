import { beforeAll, describe, expect, it } from "vitest";
import { attachTalentPhoto, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { listFeaturedTalents } from "./queries";
import { buildSitemap } from "./sitemap";

const at = (day: number) => new Date(Date.UTC(2026, 2, day));

async function talent(db: Db, name: string, profile: { updatedAt: Date; publishedAt?: Date | null; hiddenAt?: Date }) {
  const { profileId } = await createTalentWithProfile(db, {
    user: { name },
    profile: { headline: `${name}, actor`, city: "Leeds", ...profile },
  });
  return profileId;
}

const withPhoto = async (db: Db, profileId: string) => {
  await attachTalentPhoto(db, profileId, { storageKey: `photos/${profileId}`, width: 600, height: 800, position: 0 });
  return profileId;
};

describe("the front page's featured talents and the sitemap", () => {
  let db: Db;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    ids.older = await withPhoto(db, await talent(db, "Older Photo", { updatedAt: at(1) }));
    ids.newer = await withPhoto(db, await talent(db, "Newer Photo", { updatedAt: at(5) }));
    ids.noPhoto = await talent(db, "No Photo", { updatedAt: at(9) });
    ids.draft = await withPhoto(db, await talent(db, "Draft Photo", { updatedAt: at(9), publishedAt: null }));
    ids.hidden = await withPhoto(db, await talent(db, "Hidden Photo", { updatedAt: at(9), hiddenAt: at(8) }));
    // attachTalentPhoto sets the primary photo without touching updatedAt, so the dates above stand.
  });

  it("shows only published, visible profiles that have a photo, the most recently updated first", async () => {
    const featured = await listFeaturedTalents(db);
    expect(featured.map((card) => card.displayName)).toEqual(["Newer Photo", "Older Photo"]);
    expect(featured[0]).toMatchObject({ id: ids.newer, headline: "Newer Photo, actor", city: "Leeds" });
    expect(featured[0]!.primaryPhotoId).toEqual(expect.any(String));
  });

  it("shows no more than it is asked for", async () => {
    expect((await listFeaturedTalents(db, 1)).map((card) => card.id)).toEqual([ids.newer]);
  });

  it("carries only what a gallery card shows, never premium or contact data", async () => {
    const [card] = await listFeaturedTalents(db, 1);
    expect(Object.keys(card!).sort()).toEqual(
      ["availability", "categories", "city", "country", "displayName", "headline", "id", "primaryPhotoId"].sort(),
    );
  });

  it("lists the public pages and every listed profile, with its last change, and no draft or hidden one", async () => {
    const entries = await buildSitemap(db, "https://callback.example.com/some/path");
    const urls = entries.map((entry) => entry.url);
    expect(urls.slice(0, 3)).toEqual([
      "https://callback.example.com/",
      "https://callback.example.com/talents",
      "https://callback.example.com/pricing",
    ]);
    expect(urls.slice(3).sort()).toEqual(
      [ids.noPhoto, ids.newer, ids.older].map((id) => `https://callback.example.com/talents/${id}`).sort(),
    );
    expect(entries.find((entry) => entry.url.endsWith(ids.older!))?.lastModified).toEqual(at(1));
    for (const hidden of [ids.draft, ids.hidden]) expect(urls.some((url) => url.includes(hidden!))).toBe(false);
  });
});
