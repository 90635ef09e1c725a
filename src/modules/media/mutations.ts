import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { mediaFiles } from "@/db/schema/media";
import { enforce } from "@/lib/decision";
import { AppError } from "@/lib/errors";
import type { BlobStorage } from "@/lib/storage";
import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";
import { CAPTIONS_MAX_BYTES } from "./inputs";
import { ensurePrimaryMedia, mediaStorageKey, refreshProfileMediaFlags, storedKeysOf } from "./internal";
import { quotaBytesFor } from "./limits";
import { canChangeMedia, canManageOwnMedia } from "./policies";
import { releaseReservation, releaseStorage, reserveStorage, settleReservation } from "./quota";

/** The actor's own media file, locked for the change; anyone else's answers as missing. */
async function ownFile(tx: Db, actor: Actor, mediaId: string) {
  enforce(canManageOwnMedia(actor));
  const [file] = await tx.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId)).for("update");
  if (!file) throw new AppError("not_found", "That file does not exist.");
  enforce(canChangeMedia(actor, file));
  return file;
}

export async function renameMedia(db: Db, actor: Actor, input: { mediaId: string; title: string }) {
  await db.transaction(async (tx) => {
    await ownFile(tx, actor, input.mediaId);
    await tx.update(mediaFiles).set({ title: input.title }).where(eq(mediaFiles.id, input.mediaId));
  });
}

/** Makes a ready file the one shown first for its purpose (and public on a listed profile). */
export async function setPrimaryMedia(db: Db, actor: Actor, mediaId: string) {
  await db.transaction(async (tx) => {
    const file = await ownFile(tx, actor, mediaId);
    if (file.status !== "ready") {
      throw new AppError("invalid_input", "Only a file that has finished processing can be the main one.");
    }
    if (file.isPrimary) return;
    // The file that stops being main stops being public: a new version gives it new URLs, so a
    // cache that kept its public one cannot serve it from the app again.
    await tx
      .update(mediaFiles)
      .set({
        isPrimary: sql`${mediaFiles.id} = ${mediaId}`,
        version: sql`case when ${mediaFiles.isPrimary} then ${mediaFiles.version} + 1 else ${mediaFiles.version} end`,
      })
      .where(and(eq(mediaFiles.ownerId, file.ownerId), eq(mediaFiles.purpose, file.purpose)));
  });
}

/** Moves a file one place earlier or later among the files of its purpose. */
export async function moveMedia(db: Db, actor: Actor, input: { mediaId: string; direction: "up" | "down" }) {
  await db.transaction(async (tx) => {
    const file = await ownFile(tx, actor, input.mediaId);
    const order = await tx
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.ownerId, file.ownerId), eq(mediaFiles.purpose, file.purpose)))
      .orderBy(asc(mediaFiles.position), asc(mediaFiles.createdAt))
      .for("update");
    const from = order.findIndex((row) => row.id === file.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, row] of order.entries()) {
      await tx.update(mediaFiles).set({ position }).where(eq(mediaFiles.id, row.id));
    }
  });
}

/**
 * Deletes a file, its poster and captions. Its storage is given back; when it
 * was the main file of its purpose, the next ready one takes its place.
 */
export async function deleteMedia(db: Db, storage: BlobStorage, actor: Actor, mediaId: string) {
  const keys = await db.transaction(async (tx) => {
    const file = await ownFile(tx, actor, mediaId);
    await tx.delete(mediaFiles).where(eq(mediaFiles.id, mediaId));
    // A failed file's bytes were already removed and its storage given back.
    if (file.status !== "failed") await releaseStorage(tx, file.ownerId, file.byteSize);
    await ensurePrimaryMedia(tx, file.ownerId, file.purpose);
    await refreshProfileMediaFlags(tx, file.ownerId);
    return storedKeysOf(file);
  });
  // The bytes go once the database no longer points at them.
  await storage.delete(keys);
}

/** A WebVTT file: UTF-8 text that starts with the WEBVTT signature. */
function assertWebVtt(bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError("invalid_input", "This captions file is empty.");
  if (bytes.length > CAPTIONS_MAX_BYTES) {
    throw new AppError("too_large", "Captions files can be up to 512 KB.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("unsupported_type", "Captions must be a WebVTT (.vtt) text file in UTF-8.");
  }
  if (!/^(\uFEFF)?WEBVTT([ \t].*)?(\r?\n|$)/.test(text)) {
    throw new AppError(
      "unsupported_type",
      "Captions must be a WebVTT (.vtt) file: its first line is WEBVTT. Convert an .srt file to WebVTT first.",
    );
  }
}

/**
 * Adds or replaces the captions of a ready video. The file's version goes up,
 * so its URLs change and no cache keeps the old captions.
 */
export async function setMediaCaptions(db: Db, storage: BlobStorage, actor: Actor, mediaId: string, bytes: Uint8Array) {
  assertWebVtt(bytes);
  const quota = quotaBytesFor({ role: actor.role, hasActiveSubscription: checkPremiumAccess(actor).allowed });
  const file = await db.transaction(async (tx) => {
    const file = await ownFile(tx, actor, mediaId);
    if (file.kind !== "video") throw new AppError("invalid_input", "Captions go with a video.");
    if (file.status !== "ready") {
      throw new AppError("invalid_input", "Add captions once the video has finished processing.");
    }
    await reserveStorage(tx, file.ownerId, bytes.length, quota);
    return file;
  });
  const key = mediaStorageKey(mediaId, "captions", file.version + 1);
  let previous: string | null;
  try {
    await storage.put(key, bytes, { contentType: "text/vtt" });
    previous = await db.transaction(async (tx) => {
      const current = await ownFile(tx, actor, mediaId);
      await tx
        .update(mediaFiles)
        .set({ captionsKey: key, version: current.version + 1 })
        .where(eq(mediaFiles.id, mediaId));
      await settleReservation(tx, file.ownerId, bytes.length, bytes.length);
      return current.captionsKey === key ? null : current.captionsKey;
    });
  } catch (error) {
    await db.transaction((tx) => releaseReservation(tx, file.ownerId, bytes.length));
    await storage.delete([key]);
    throw error;
  }
  if (previous) await removeStoredCaptions(db, storage, file.ownerId, previous);
}

/** Removes a video's captions; its version goes up as when they were added. */
export async function removeMediaCaptions(db: Db, storage: BlobStorage, actor: Actor, mediaId: string) {
  const removed = await db.transaction(async (tx) => {
    const file = await ownFile(tx, actor, mediaId);
    if (!file.captionsKey) return null;
    await tx
      .update(mediaFiles)
      .set({ captionsKey: null, version: file.version + 1 })
      .where(eq(mediaFiles.id, mediaId));
    return { ownerId: file.ownerId, key: file.captionsKey };
  });
  if (removed) await removeStoredCaptions(db, storage, removed.ownerId, removed.key);
}

async function removeStoredCaptions(db: Db, storage: BlobStorage, ownerId: string, key: string) {
  const stored = await storage.stat(key);
  await storage.delete([key]);
  if (stored) await db.transaction((tx) => releaseStorage(tx, ownerId, stored.size));
}
