import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, isNull, max } from "drizzle-orm";
import type { Db } from "@/db";
import { talentPhotos, talentProfiles } from "@/db/schema/talents";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { detectImageFormat, makePhotoVariants, OversizedImageError, UnreadableImageError } from "@/lib/images";
import type { BlobStorage } from "@/lib/storage";
import type { Actor } from "@/modules/access/types";
import { photoIdInput } from "./inputs";
import { ensureOwnProfile } from "./mutations";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "./options";
import { PHOTO_WIDTHS, photoFiles, photoKeys, photoStorageKey } from "./photo-variants";

const t = talentProfiles;

/**
 * Adds a photo to the talent's profile: checks the real file type from its
 * bytes, re-encodes it without metadata into the served variants, stores them,
 * and records the photo. Bad files are refused with a clear message and leave
 * nothing behind, in storage or in the database.
 */
export async function addPhoto(db: Db, storage: BlobStorage, actor: Actor, bytes: Buffer) {
  if (bytes.length === 0) throw new AppError("invalid_input", "That file is empty. Choose a JPEG, PNG or WebP photo.");
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError("invalid_input", "Photos can be at most 10 MB. Choose a smaller file.");
  if (!detectImageFormat(bytes)) {
    throw new AppError(
      "invalid_input",
      "That file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.",
    );
  }
  const profileId = await ensureOwnProfile(db, actor);
  await assertRoomForPhoto(db, profileId);

  let variants;
  try {
    variants = await makePhotoVariants(bytes, PHOTO_WIDTHS);
  } catch (error) {
    if (error instanceof OversizedImageError) {
      throw new AppError(
        "too_large",
        `That image is larger than ${error.maxPixels / 1_000_000} megapixels. Resize it (a long side of 4000 pixels is plenty) and try again.`,
      );
    }
    if (error instanceof UnreadableImageError) {
      throw new AppError(
        "invalid_input",
        "That image could not be read: it may be damaged or incomplete. Try exporting it again.",
      );
    }
    throw error;
  }

  const storageKey = `photos/${randomUUID()}`;
  const files = photoFiles(storageKey, variants);
  const keys = files.map(([key]) => key);
  try {
    for (const [key, file] of files) await storage.put(key, file);
    return await db.transaction(async (tx) => {
      // Locking the profile row serialises concurrent uploads, so the limit holds.
      await tx.select({ id: t.id }).from(t).where(eq(t.id, profileId)).for("update");
      await assertRoomForPhoto(tx, profileId);
      const [last] = await tx
        .select({ position: max(talentPhotos.position) })
        .from(talentPhotos)
        .where(eq(talentPhotos.profileId, profileId));
      const [photo] = await tx
        .insert(talentPhotos)
        .values({
          profileId,
          storageKey,
          position: (last?.position ?? -1) + 1,
          width: variants.width,
          height: variants.height,
          hasWidths: true,
        })
        .returning({ id: talentPhotos.id });
      await tx
        .update(t)
        .set({ primaryPhotoId: photo!.id, updatedAt: new Date() })
        .where(and(eq(t.id, profileId), isNull(t.primaryPhotoId)));
      return photo!.id;
    });
  } catch (error) {
    await storage.delete(keys);
    throw error;
  }
}

async function assertRoomForPhoto(db: Db, profileId: string) {
  const [row] = await db.select({ total: count() }).from(talentPhotos).where(eq(talentPhotos.profileId, profileId));
  if ((row?.total ?? 0) >= MAX_PHOTOS) {
    throw new AppError("invalid_input", `A profile can have at most ${MAX_PHOTOS} photos. Delete one to add another.`);
  }
}

/** The photo, if it belongs to this talent; otherwise "not found", whether it exists or not. */
async function ownPhoto(db: Db, actor: Actor, photoId: string) {
  if (!photoIdInput.safeParse(photoId).success) throw new AppError("not_found", "That photo does not exist.");
  const profileId = await ensureOwnProfile(db, actor);
  const [photo] = await db
    .select({ id: talentPhotos.id, storageKey: talentPhotos.storageKey })
    .from(talentPhotos)
    .where(and(eq(talentPhotos.id, photoId), eq(talentPhotos.profileId, profileId)));
  if (!photo) throw new AppError("not_found", "That photo does not exist.");
  return { profileId, ...photo };
}

export async function setPrimaryPhoto(db: Db, actor: Actor, photoId: string) {
  const { profileId } = await ownPhoto(db, actor, photoId);
  await db.update(t).set({ primaryPhotoId: photoId, updatedAt: new Date() }).where(eq(t.id, profileId));
}

/** Moves a photo one place earlier or later in the talent's order. */
export async function movePhoto(db: Db, actor: Actor, photoId: string, direction: "up" | "down") {
  const { profileId } = await ownPhoto(db, actor, photoId);
  await db.transaction(async (tx) => {
    await tx.select({ id: t.id }).from(t).where(eq(t.id, profileId)).for("update");
    const order = await tx
      .select({ id: talentPhotos.id })
      .from(talentPhotos)
      .where(eq(talentPhotos.profileId, profileId))
      .orderBy(asc(talentPhotos.position), asc(talentPhotos.createdAt));
    const from = order.findIndex((photo) => photo.id === photoId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, photo] of order.entries()) {
      await tx.update(talentPhotos).set({ position }).where(eq(talentPhotos.id, photo.id));
    }
    await tx.update(t).set({ updatedAt: new Date() }).where(eq(t.id, profileId));
  });
}

/** Deletes a photo; when it was the primary one, the next photo in order takes its place. */
export async function deletePhoto(db: Db, storage: BlobStorage, actor: Actor, photoId: string) {
  const { profileId, storageKey } = await ownPhoto(db, actor, photoId);
  await db.transaction(async (tx) => {
    const [profile] = await tx.select({ publishedAt: t.publishedAt }).from(t).where(eq(t.id, profileId)).for("update");
    const [photos] = await tx
      .select({ total: count() })
      .from(talentPhotos)
      .where(eq(talentPhotos.profileId, profileId));
    if (profile?.publishedAt && (photos?.total ?? 0) <= 1) {
      throw new AppError(
        "invalid_input",
        "A published profile needs a photo. Add another photo first, or unpublish your profile.",
      );
    }
    await tx.delete(talentPhotos).where(eq(talentPhotos.id, photoId));
    const [next] = await tx
      .select({ id: talentPhotos.id })
      .from(talentPhotos)
      .where(eq(talentPhotos.profileId, profileId))
      .orderBy(asc(talentPhotos.position))
      .limit(1);
    await tx
      .update(t)
      .set({ primaryPhotoId: next?.id ?? null, updatedAt: new Date() })
      .where(and(eq(t.id, profileId), isNull(t.primaryPhotoId)));
  });
  // The files go once the database no longer points at them.
  await storage.delete(photoKeys(storageKey));
}

/**
 * Deletes an account's talent profile with its contacts, credits, photos and
 * view counts, in the caller's transaction (the profile leaves the gallery and
 * every collection with it). Returns the photo files to remove from storage
 * once that transaction has committed.
 */
export async function deleteProfileOfAccount(tx: Db, userId: string): Promise<string[]> {
  const photos = await tx
    .select({ storageKey: talentPhotos.storageKey })
    .from(talentPhotos)
    .innerJoin(t, eq(t.id, talentPhotos.profileId))
    .where(eq(t.userId, userId));
  await tx.delete(t).where(eq(t.userId, userId));
  return photos.flatMap((photo) => photoKeys(photo.storageKey));
}

/**
 * Photos stored before photos came in several widths have only the 480-pixel
 * card crop and the 1600-pixel whole photo; until they are filled in, the
 * photo route answers a width they lack with the file they have. This makes
 * the missing widths from the whole photo, a few photos per worker pass.
 * Two workers filling the same photo write the same files, so no lock is held
 * while images are encoded. Returns how many photos were done.
 */
export async function fillMissingPhotoWidths(db: Db, storage: BlobStorage, limit = 10): Promise<number> {
  const pending = await db
    .select({ id: talentPhotos.id, storageKey: talentPhotos.storageKey })
    .from(talentPhotos)
    .where(eq(talentPhotos.hasWidths, false))
    .limit(limit);
  for (const photo of pending) {
    const large = await storage.readAll(photoStorageKey(photo.storageKey, "large"));
    if (large) {
      const variants = await makePhotoVariants(large, PHOTO_WIDTHS);
      // The files it already has stay as they are: the card crop was made from the original.
      const kept = new Set(["thumb", "large"].map((variant) => photoStorageKey(photo.storageKey, variant)));
      for (const [key, bytes] of photoFiles(photo.storageKey, variants)) {
        if (!kept.has(key)) await storage.put(key, bytes);
      }
    } else {
      getLogger().warn({ photoId: photo.id }, "photo has no stored file to make its widths from");
    }
    await db.update(talentPhotos).set({ hasWidths: true }).where(eq(talentPhotos.id, photo.id));
  }
  return pending.length;
}
