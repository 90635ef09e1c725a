import { beforeAll, describe, expect, it } from "vitest";
import {
  attachTalentPhoto,
  createAdmin,
  createProfessional,
  createTalent,
  createTalentWithProfile,
} from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { previewAudience } from "./policies";
import { getPhotoAccess, getProfileView } from "./queries";

const SECRET_BIO = "Secret bio that only subscribers may read";
const SECRET_PHONE = "+44 7700 900123";

describe("what each viewer sees of a profile", () => {
  let db: Db;
  let talent: Awaited<ReturnType<typeof createTalentWithProfile>>;
  let draft: Awaited<ReturnType<typeof createTalentWithProfile>>;
  let primaryPhotoId: string;
  let secondPhotoId: string;
  let viewers: Record<string, Awaited<ReturnType<typeof createTalent>>["actor"] | null>;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    talent = await createTalentWithProfile(db, {
      user: { name: "Sarah Okafor" },
      profile: {
        bio: SECRET_BIO,
        dayRateMin: 500,
        contact: { phone: SECRET_PHONE, agentName: "Pat Agent" },
        credits: [{ year: 2024, production: "Low Tide", role: "Lead", company: "" }],
      },
    });
    draft = await createTalentWithProfile(db, { profile: { publishedAt: null } });
    primaryPhotoId = await attachTalentPhoto(db, talent.profileId, {
      storageKey: "photos/a",
      width: 600,
      height: 800,
      position: 0,
    });
    secondPhotoId = await attachTalentPhoto(db, talent.profileId, {
      storageKey: "photos/b",
      width: 600,
      height: 800,
      position: 1,
    });
    viewers = {
      visitor: null,
      otherTalent: (await createTalent(db)).actor,
      professional: (await createProfessional(db)).actor,
      admin: (await createAdmin(db)).actor,
      owner: talent.actor,
    };
  });

  it("gives visitors, other talents and non-subscribers the public profile and the primary photo only", async () => {
    for (const viewer of [viewers.visitor, viewers.otherTalent, viewers.professional]) {
      const view = await getProfileView(db, viewer!, talent.profileId);
      expect(view?.profile.displayName).toBe("Sarah Okafor");
      expect(view?.premium).toBeNull();
      expect(view?.contact).toBeNull();
      expect(view?.profile.primaryPhoto?.id).toBe(primaryPhotoId);
      expect(JSON.stringify(view)).not.toContain(SECRET_BIO);
      expect(JSON.stringify(view)).not.toContain(SECRET_PHONE);
      expect(JSON.stringify(view)).not.toContain(secondPhotoId);
    }
  });

  it("gives admins and the talent itself everything, contact details included", async () => {
    for (const viewer of [viewers.admin, viewers.owner]) {
      const view = await getProfileView(db, viewer!, talent.profileId);
      expect(view?.premium?.bio).toBe(SECRET_BIO);
      expect(view?.premium?.credits.map((credit) => credit.production)).toEqual(["Low Tide"]);
      expect(view?.premium?.photos.map((photo) => photo.id)).toEqual([primaryPhotoId, secondPhotoId]);
      expect(view?.contact?.phone).toBe(SECRET_PHONE);
    }
  });

  it("answers a draft, an unknown id and a malformed id alike for strangers: null", async () => {
    expect(await getProfileView(db, viewers.professional!, draft.profileId)).toBeNull();
    expect(await getProfileView(db, null, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getProfileView(db, null, "not-a-uuid' or 1=1 --")).toBeNull();
    expect(await getProfileView(db, draft.actor, draft.profileId)).not.toBeNull();
    expect(await getProfileView(db, viewers.admin!, draft.profileId)).not.toBeNull();
  });

  it("lets only the talent itself choose a preview audience", async () => {
    const asSubscriber = await getProfileView(db, talent.actor, talent.profileId, previewAudience("subscriber"));
    expect(asSubscriber?.premium?.bio).toBe(SECRET_BIO);
    expect(asSubscriber?.contact).toBeNull();
    const asPublic = await getProfileView(db, talent.actor, talent.profileId, previewAudience("public"));
    expect(asPublic?.premium).toBeNull();
    const sneaky = await getProfileView(db, viewers.professional!, talent.profileId, previewAudience("subscriber"));
    expect(sneaky?.premium).toBeNull();
  });

  it("serves the primary photo of a listed profile to anyone, and the others only to those who see premium data", async () => {
    expect(await getPhotoAccess(db, null, primaryPhotoId)).toEqual({
      storageKey: "photos/a",
      isPublic: true,
      hasWidths: true,
    });
    expect(await getPhotoAccess(db, null, secondPhotoId)).toBeNull();
    expect(await getPhotoAccess(db, viewers.professional!, secondPhotoId)).toBeNull();
    expect(await getPhotoAccess(db, viewers.admin!, secondPhotoId)).toEqual({
      storageKey: "photos/b",
      isPublic: false,
      hasWidths: true,
    });
    expect(await getPhotoAccess(db, talent.actor, secondPhotoId)).toEqual({
      storageKey: "photos/b",
      isPublic: false,
      hasWidths: true,
    });
    expect(await getPhotoAccess(db, null, "not-a-uuid")).toBeNull();
  });
});
