import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { talentProfiles } from "@/db/schema/talents";
import { attachTalentPhoto, createAdmin, createProfessional, createTalent } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { parseGallerySearchParams } from "./gallery-query";
import { basicsInput, creditInput, skillsInput } from "./inputs";
import {
  addCredit,
  deleteCredit,
  ensureOwnProfile,
  hideProfile,
  publishProfile,
  restoreProfile,
  unpublishProfile,
  updateBasics,
  updateContact,
  updateSkills,
} from "./mutations";
import { getOwnProfile, listProfilesForAdmin, searchGallery } from "./queries";

async function readyToPublish(db: Db, talent: Awaited<ReturnType<typeof createTalent>>) {
  const profileId = await ensureOwnProfile(db, talent.actor);
  await updateBasics(
    db,
    talent.actor,
    basicsInput.parse({
      displayName: talent.name,
      headline: "Actor",
      city: "Leeds",
      country: "GB",
      categories: ["actor"],
      playingAgeMin: "20",
      playingAgeMax: "30",
    }),
  );
  await attachTalentPhoto(db, profileId, { storageKey: `photos/${profileId}`, width: 600, height: 800, position: 0 });
  return profileId;
}

const inGallery = async (db: Db, q: string) => (await searchGallery(db, parseGallerySearchParams({ q })))!.items.length;

describe("editing and publishing a profile", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("starts a draft named after the account, once, however often it is asked for", async () => {
    const talent = await createTalent(db, { name: "Nadia Haddad" });
    const [first, second] = await Promise.all([ensureOwnProfile(db, talent.actor), ensureOwnProfile(db, talent.actor)]);
    expect(first).toBe(second);
    const own = await getOwnProfile(db, talent.actor);
    expect(own?.profile.displayName).toBe("Nadia Haddad");
    expect(own?.status).toEqual({ isPublished: false, isHidden: false, hiddenReason: null });
  });

  it("refuses to publish until the essentials are there, saying what is missing", async () => {
    const talent = await createTalent(db);
    await ensureOwnProfile(db, talent.actor);
    await expect(publishProfile(db, talent.actor)).rejects.toThrow(/Before publishing: add a photo, write a headline/);
    await readyToPublish(db, talent);
    await publishProfile(db, talent.actor);
    expect((await getOwnProfile(db, talent.actor))?.status.isPublished).toBe(true);
    await unpublishProfile(db, talent.actor);
    expect((await getOwnProfile(db, talent.actor))?.status.isPublished).toBe(false);
  });

  it("makes skills searchable as soon as they are saved", async () => {
    const talent = await createTalent(db, { name: "Ida Berg" });
    await readyToPublish(db, talent);
    await publishProfile(db, talent.actor);
    expect(await inGallery(db, "trapeze")).toBe(0);
    await updateSkills(
      db,
      talent.actor,
      skillsInput.parse({ languages: "swedish", skills: "Trapeze, Fire breathing", unions: "" }),
    );
    expect(await inGallery(db, "trapeze")).toBe(1);
  });

  it("keeps contact details in their own row, updated in place", async () => {
    const talent = await createTalent(db);
    await updateContact(db, talent.actor, {
      phone: "+1 555 0100",
      email: "",
      agentName: "",
      agency: "",
      agentPhone: "",
      agentEmail: "",
    });
    await updateContact(db, talent.actor, {
      phone: "+1 555 0199",
      email: "me@example.test",
      agentName: "",
      agency: "",
      agentPhone: "",
      agentEmail: "",
    });
    expect((await getOwnProfile(db, talent.actor))?.contact).toMatchObject({
      phone: "+1 555 0199",
      email: "me@example.test",
    });
  });

  it("adds and deletes credits, only on the talent's own profile", async () => {
    const talent = await createTalent(db);
    const creditId = await addCredit(
      db,
      talent.actor,
      creditInput.parse({ year: "2023", production: "Harbour Lights", role: "Lead" }),
    );
    const stranger = await createTalent(db);
    await expect(deleteCredit(db, stranger.actor, creditId)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCredit(db, talent.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    await deleteCredit(db, talent.actor, creditId);
    expect((await getOwnProfile(db, talent.actor))?.premium.credits).toEqual([]);
  });

  it("refuses profile editing to anyone but talents", async () => {
    const professional = await createProfessional(db);
    await expect(ensureOwnProfile(db, professional.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishProfile(db, professional.actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("admin moderation of profiles", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("lets an admin take a profile out of the gallery with a reason the talent sees, and restore it", async () => {
    const admin = await createAdmin(db, { name: "Ops Admin" });
    const talent = await createTalent(db, { name: "Quinn Harper" });
    const profileId = await readyToPublish(db, talent);
    await publishProfile(db, talent.actor);
    expect(await inGallery(db, "quinn")).toBe(1);

    await hideProfile(db, admin.actor, { profileId, reason: "Photos break the content rules." });
    expect(await inGallery(db, "quinn")).toBe(0);
    const own = await getOwnProfile(db, talent.actor);
    expect(own?.status).toEqual({ isPublished: true, isHidden: true, hiddenReason: "Photos break the content rules." });
    await expect(publishProfile(db, talent.actor)).rejects.toThrow(/until they restore it/);

    const listed = await listProfilesForAdmin(db, admin.actor, { status: "hidden" });
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: profileId,
        hiddenReason: "Photos break the content rules.",
        hiddenByName: "Ops Admin",
        status: "hidden",
      }),
    ]);

    await restoreProfile(db, admin.actor, profileId);
    expect(await inGallery(db, "quinn")).toBe(1);
  });

  it("answers 'not found' to anyone else who tries to moderate or list profiles", async () => {
    const talent = await createTalent(db);
    const professional = await createProfessional(db);
    const profileId = await ensureOwnProfile(db, talent.actor);
    for (const actor of [talent.actor, professional.actor]) {
      await expect(hideProfile(db, actor, { profileId, reason: "No reason at all" })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(restoreProfile(db, actor, profileId)).rejects.toMatchObject({ code: "not_found" });
      await expect(listProfilesForAdmin(db, actor, {})).rejects.toMatchObject({ code: "not_found" });
    }
    const [row] = await db
      .select({ hiddenAt: talentProfiles.hiddenAt })
      .from(talentProfiles)
      .where(eq(talentProfiles.id, profileId));
    expect(row?.hiddenAt).toBeNull();
  });

  it("pages through every profile for admins, searchable by name or email", async () => {
    const admin = await createAdmin(db);
    for (let index = 0; index < 5; index += 1)
      await ensureOwnProfile(db, (await createTalent(db, { name: `Paged Person ${index}` })).actor);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProfilesForAdmin(db, admin.actor, { q: "paged person", cursor }, 2);
      seen.push(...page.items.map((item) => item.displayName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([
      "Paged Person 0",
      "Paged Person 1",
      "Paged Person 2",
      "Paged Person 3",
      "Paged Person 4",
    ]);
  });
});
