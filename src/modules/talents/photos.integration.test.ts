import sharp from "sharp";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { talentPhotos, talentProfiles } from "@/db/schema/talents";
import { attachTalentPhoto, createProfessional, createTalent, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { MemoryStorage } from "@/test/memory-storage";
import { MAX_PHOTOS } from "./options";
import { photoStorageKey, photoVariants } from "./photo-variants";
import { addPhoto, deletePhoto, fillMissingPhotoWidths, movePhoto, setPrimaryPhoto } from "./photos";
import { getOwnProfile, getPhotoAccess } from "./queries";

const image = (format: "jpeg" | "png" | "webp", colour = "#7c3aed") =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: colour } })
    .toFormat(format)
    .withExif({ IFD0: { Make: "SecretCamera" } })
    .toBuffer();

describe("talent photos", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("takes JPEG, PNG and WebP, stores metadata-free WebP variants, and makes the first photo primary", async () => {
    const storage = new MemoryStorage();
    const talent = await createTalent(db);
    const ids = [];
    for (const format of ["jpeg", "png", "webp"] as const)
      ids.push(await addPhoto(db, storage, talent.actor, await image(format)));
    const own = await getOwnProfile(db, talent.actor);
    expect(own?.premium.photos.map((photo) => photo.id)).toEqual(ids);
    expect(own?.profile.primaryPhoto?.id).toBe(ids[0]);
    expect(storage.files.size).toBe(3 * photoVariants.length);
    for (const bytes of storage.files.values()) {
      expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");
      expect(bytes.toString("latin1")).not.toContain("SecretCamera");
    }
  });

  it.each([
    ["an empty file", Buffer.alloc(0), /empty/],
    [
      "a text file named like a photo",
      Buffer.from("just some text pretending to be photo.jpg"),
      /not a JPEG, PNG or WebP/,
    ],
    [
      "an SVG",
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
      /not a JPEG, PNG or WebP/,
    ],
    [
      "a damaged JPEG",
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]),
      /could not be read/,
    ],
    [
      "a file over 10 MB",
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)]),
      /at most 10 MB/,
    ],
  ])("refuses %s with a clear message and stores nothing", async (_case, bytes, message) => {
    const storage = new MemoryStorage();
    const talent = await createTalent(db);
    await expect(addPhoto(db, storage, talent.actor, bytes)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(message),
    });
    expect(storage.files.size).toBe(0);
    const own = await getOwnProfile(db, talent.actor);
    expect(own?.premium.photos ?? []).toEqual([]);
  });

  it("holds the limit of photos per talent, even for uploads at the same moment", async () => {
    const storage = new MemoryStorage();
    const talent = await createTalent(db);
    const photo = await image("jpeg");
    const results = await Promise.allSettled(
      Array.from({ length: MAX_PHOTOS + 3 }, () => addPhoto(db, storage, talent.actor, photo)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_PHOTOS);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const result of refused) expect(result.reason.message).toMatch(/at most 12 photos/);
    expect(storage.files.size).toBe(MAX_PHOTOS * photoVariants.length);
  });

  it("reorders, changes the primary photo and deletes, within the talent's own photos only", async () => {
    const storage = new MemoryStorage();
    const talent = await createTalent(db);
    const [first, second, third] = [
      await addPhoto(db, storage, talent.actor, await image("png", "#111111")),
      await addPhoto(db, storage, talent.actor, await image("png", "#222222")),
      await addPhoto(db, storage, talent.actor, await image("png", "#333333")),
    ];
    await movePhoto(db, talent.actor, third!, "up");
    await movePhoto(db, talent.actor, first!, "up"); // already first: nothing moves
    let own = await getOwnProfile(db, talent.actor);
    expect(own?.premium.photos.map((photo) => photo.id)).toEqual([first, third, second]);

    await setPrimaryPhoto(db, talent.actor, second!);
    await deletePhoto(db, storage, talent.actor, second!);
    own = await getOwnProfile(db, talent.actor);
    expect(own?.premium.photos.map((photo) => photo.id)).toEqual([first, third]);
    expect(own?.profile.primaryPhoto?.id).toBe(first);
    expect(storage.files.size).toBe(2 * photoVariants.length);

    const stranger = await createTalent(db);
    await expect(deletePhoto(db, storage, stranger.actor, first!)).rejects.toMatchObject({ code: "not_found" });
    await expect(setPrimaryPhoto(db, stranger.actor, first!)).rejects.toMatchObject({ code: "not_found" });
    await expect(movePhoto(db, stranger.actor, "not-a-uuid", "up")).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps a published profile from losing its last photo", async () => {
    const storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const only = await addPhoto(db, storage, talent.actor, await image("jpeg"));
    await expect(deletePhoto(db, storage, talent.actor, only)).rejects.toThrow(/published profile needs a photo/);
    const [row] = await db.select({ id: talentPhotos.id }).from(talentPhotos).where(eq(talentPhotos.id, only));
    expect(row).toBeDefined();
    await db.update(talentProfiles).set({ publishedAt: null }).where(eq(talentProfiles.id, talent.profileId));
    await deletePhoto(db, storage, talent.actor, only);
    expect(storage.files.size).toBe(0);
  });

  it("refuses photos from anyone but a talent", async () => {
    const professional = await createProfessional(db);
    await expect(addPhoto(db, new MemoryStorage(), professional.actor, await image("jpeg"))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("stores every width of a new photo, and fills in the widths of a photo stored before them", async () => {
    const storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const fresh = await addPhoto(db, storage, talent.actor, await image("jpeg"));
    expect((await getPhotoAccess(db, talent.actor, fresh))?.hasWidths).toBe(true);
    const [stored] = await db.select().from(talentPhotos).where(eq(talentPhotos.id, fresh));
    for (const variant of photoVariants)
      expect(storage.files.has(photoStorageKey(stored!.storageKey, variant))).toBe(true);

    // A photo from before: only the card crop and the whole photo, as they were made then.
    const storageKey = `photos/earlier-${talent.profileId}`;
    const thumb = await sharp(await image("png", "#123456"))
      .resize(480, 640)
      .webp()
      .toBuffer();
    const large = await sharp(await image("png", "#123456"))
      .webp()
      .toBuffer();
    await storage.put(photoStorageKey(storageKey, "thumb"), thumb);
    await storage.put(photoStorageKey(storageKey, "large"), large);
    const earlier = await attachTalentPhoto(db, talent.profileId, {
      storageKey,
      width: 300,
      height: 400,
      position: 1,
      hasWidths: false,
    });
    expect((await getPhotoAccess(db, talent.actor, earlier))?.hasWidths).toBe(false);

    expect(await fillMissingPhotoWidths(db, storage)).toBe(1);
    expect((await getPhotoAccess(db, talent.actor, earlier))?.hasWidths).toBe(true);
    for (const variant of photoVariants) expect(storage.files.has(photoStorageKey(storageKey, variant))).toBe(true);
    // The files it had stay as they were; the new card widths are 3:4 WebP.
    expect(storage.files.get(photoStorageKey(storageKey, "thumb"))).toEqual(thumb);
    expect(storage.files.get(photoStorageKey(storageKey, "large"))).toEqual(large);
    const small = await sharp(storage.files.get(photoStorageKey(storageKey, "thumb-240"))!).metadata();
    expect([small.format, small.width, small.height]).toEqual(["webp", 240, 320]);
    expect(await fillMissingPhotoWidths(db, storage)).toBe(0);
  });
});
