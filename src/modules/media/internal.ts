import "server-only";
import { readdir, stat } from "node:fs/promises";
import { and, asc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { mediaFiles, mediaUploads, storageUsage } from "@/db/schema/media";
import { getEnv } from "@/lib/env";
import { signMediaPath } from "@/lib/media-delivery";
import { setProfileMediaFlags } from "@/modules/talents/internal";
import type { MediaPurpose, MediaVariant } from "./options";
import { releaseReservation } from "./quota";
import { removeStagedUpload, stagingDirectory } from "./staging";

/*
 * The media module's internal functions: each trusts its caller (the upload
 * server, the worker, account deletion and export) and takes no actor, so no
 * page imports this file.
 */

type MediaFileRow = typeof mediaFiles.$inferSelect;

/**
 * Where a file's bytes live: media/<id>/original, and its poster and captions
 * beside it with the version in the name, so a new poster or new captions
 * never overwrite bytes a cache may still hold.
 */
export function mediaStorageKey(mediaId: string, variant: MediaVariant, version = 1): string {
  if (variant === "original") return `media/${mediaId}/original`;
  return `media/${mediaId}/${variant}-v${version}.${variant === "poster" ? "webp" : "vtt"}`;
}

/** Every stored object of a file: the original, its poster and its captions. */
export function storedKeysOf(file: Pick<MediaFileRow, "storageKey" | "posterKey" | "captionsKey">): string[] {
  return [file.storageKey, file.posterKey, file.captionsKey].filter((key): key is string => Boolean(key));
}

/**
 * The path a file's variant is served at. The version is in the path, so a
 * public file's URL can be cached for a year: when the bytes served change,
 * the version (and the URL) does.
 */
export function mediaPath(file: Pick<MediaFileRow, "id" | "version">, variant: MediaVariant): string {
  return `/api/media/${file.id}/v${file.version}/${variant}`;
}

/** A URL for a file's variant: public ones as they are, every other one signed for MEDIA_URL_TTL_SECONDS. */
export function mediaUrl(
  file: Pick<MediaFileRow, "id" | "version">,
  variant: MediaVariant,
  { isPublic, now = new Date() }: { isPublic: boolean; now?: Date },
): string {
  const env = getEnv();
  const path = mediaPath(file, variant);
  const url = isPublic ? path : signMediaPath(path, new Date(now.getTime() + env.MEDIA_URL_TTL_SECONDS * 1000));
  // A configured media origin (a CDN in front of the same routes) serves the bytes; the page stays here.
  return env.MEDIA_ORIGIN ? new URL(url, env.MEDIA_ORIGIN).toString() : url;
}

/**
 * Keeps one main file per purpose: when none of the owner's files of that
 * purpose is both main and not failed, the first ready one becomes main.
 */
export async function ensurePrimaryMedia(tx: Db, ownerId: string, purpose: MediaPurpose): Promise<void> {
  const files = await tx
    .select({ id: mediaFiles.id, status: mediaFiles.status, isPrimary: mediaFiles.isPrimary })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerId, ownerId), eq(mediaFiles.purpose, purpose)))
    .orderBy(asc(mediaFiles.position), asc(mediaFiles.createdAt));
  if (files.some((file) => file.isPrimary && file.status !== "failed")) return;
  const next = files.find((file) => file.status === "ready");
  await tx
    .update(mediaFiles)
    .set({ isPrimary: next ? sql`${mediaFiles.id} = ${next.id}` : false })
    .where(and(eq(mediaFiles.ownerId, ownerId), eq(mediaFiles.purpose, purpose)));
}

/** Tells the talents module whether the owner has a ready showreel and voice reel (the gallery filters on them). */
export async function refreshProfileMediaFlags(tx: Db, ownerId: string): Promise<void> {
  const rows = await tx
    .selectDistinct({ purpose: mediaFiles.purpose })
    .from(mediaFiles)
    .where(
      and(
        eq(mediaFiles.ownerId, ownerId),
        eq(mediaFiles.status, "ready"),
        inArray(mediaFiles.purpose, ["showreel", "voice_reel"]),
      ),
    );
  const purposes = new Set(rows.map((row) => row.purpose));
  await setProfileMediaFlags(tx, ownerId, {
    hasShowreel: purposes.has("showreel"),
    hasVoiceReel: purposes.has("voice_reel"),
  });
}

/**
 * Uploads nobody has sent a byte to for MEDIA_UPLOAD_ABANDON_HOURS: their
 * rows, reservations and staged bytes go. Staged files without a row (a
 * crash between the two) go too once they are as old. Returns how many.
 */
export async function cleanAbandonedUploads(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - getEnv().MEDIA_UPLOAD_ABANDON_HOURS * 3_600_000);
  const abandoned = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(mediaUploads)
      .where(lt(mediaUploads.touchedAt, cutoff))
      .returning({ id: mediaUploads.id, ownerId: mediaUploads.ownerId, declaredSize: mediaUploads.declaredSize });
    for (const row of rows) await releaseReservation(tx, row.ownerId, row.declaredSize);
    return rows;
  });
  for (const row of abandoned) await removeStagedUpload(row.id);

  let entries: string[];
  try {
    entries = await readdir(stagingDirectory());
  } catch {
    return abandoned.length;
  }
  const ids = [...new Set(entries.map((entry) => entry.replace(/\.json$/, "")))].filter((id) =>
    /^[A-Za-z0-9_-]{16,64}$/.test(id),
  );
  if (ids.length === 0) return abandoned.length;
  const live = new Set(
    (await db.select({ id: mediaUploads.id }).from(mediaUploads).where(inArray(mediaUploads.id, ids))).map((r) => r.id),
  );
  let orphans = 0;
  for (const id of ids) {
    if (live.has(id)) continue;
    const info = await stat(`${stagingDirectory()}/${id}`).catch(() => stat(`${stagingDirectory()}/${id}.json`));
    if (info.mtime < cutoff) {
      await removeStagedUpload(id);
      orphans += 1;
    }
  }
  return abandoned.length + orphans;
}

/**
 * Removes every media row of an account being deleted and returns the keys of
 * their stored bytes, for the caller to delete once its transaction commits.
 * Uploads in progress go with their staged bytes.
 */
export async function removeMediaOfAccount(tx: Db, userId: string): Promise<string[]> {
  const files = await tx.delete(mediaFiles).where(eq(mediaFiles.ownerId, userId)).returning();
  const uploads = await tx
    .delete(mediaUploads)
    .where(eq(mediaUploads.ownerId, userId))
    .returning({ id: mediaUploads.id });
  for (const upload of uploads) await removeStagedUpload(upload.id);
  // The account row stays (anonymised), so its storage count is not cascaded away.
  await tx.delete(storageUsage).where(eq(storageUsage.userId, userId));
  return files.flatMap(storedKeysOf);
}

/** The account's media for its data export: what each file is, with a signed link to download it. */
export async function exportMediaOfAccount(db: Db, userId: string) {
  const files = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerId, userId), ne(mediaFiles.status, "failed")))
    .orderBy(asc(mediaFiles.purpose), asc(mediaFiles.position));
  return files.map((file) => ({
    id: file.id,
    purpose: file.purpose,
    kind: file.kind,
    status: file.status,
    title: file.title,
    fileName: file.fileName,
    contentType: file.contentType,
    byteSize: file.byteSize,
    durationMs: file.durationMs,
    width: file.width,
    height: file.height,
    pageCount: file.pageCount,
    isPrimary: file.isPrimary,
    createdAt: file.createdAt.toISOString(),
    downloadUrl: file.status === "ready" ? mediaUrl(file, "original", { isPublic: false }) : null,
    captionsUrl: file.captionsKey ? mediaUrl(file, "captions", { isPublic: false }) : null,
    linksExpireInSeconds: getEnv().MEDIA_URL_TTL_SECONDS,
  }));
}
