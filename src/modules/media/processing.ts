import "server-only";
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db";
import { mediaFiles } from "@/db/schema/media";
import { getLogger } from "@/lib/logger";
import type { BlobStorage } from "@/lib/storage";
import { describeDuration } from "./format";
import { ensurePrimaryMedia, mediaStorageKey, refreshProfileMediaFlags } from "./internal";
import { mediaLimits } from "./limits";
import { releaseStorage } from "./quota";

/*
 * Processing runs in the worker, never in a request: it learns a video's
 * duration and dimensions and makes a poster frame, an audio file's duration,
 * a PDF's page count and a first-page preview, with ffmpeg/ffprobe and
 * poppler (pdfinfo, pdftoppm) from the system. A file stays "processing"
 * until this is done, so nobody sees it half-made. A file the tools cannot
 * read, or a video over the length limit, is "failed" with the reason, and
 * its bytes leave the store. When a tool is missing the file is still
 * shown, with a note saying what could not be made.
 */

const run = promisify(execFile);

/** A file is claimed for this long; a worker that dies mid-way frees it for another. */
const CLAIM_MS = 10 * 60_000;
/** After this many claims a file that never finished is refused. */
const MAX_ATTEMPTS = 3;
/** No tool may run longer than this on one file. */
const TOOL_TIMEOUT_MS = 120_000;

type MediaFileRow = typeof mediaFiles.$inferSelect;

/** What processing learnt about a file: either what it is, or why it cannot be used. */
type Outcome =
  | {
      ok: true;
      durationMs?: number | null;
      width?: number | null;
      height?: number | null;
      pageCount?: number | null;
      poster?: Buffer | null;
      previewNote?: string | null;
    }
  | { ok: false; reason: string };

class ToolMissingError extends Error {}

async function tool(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ToolMissingError(command);
    throw error;
  }
}

interface Probe {
  format?: { duration?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; duration?: string }[];
}

async function probe(file: string): Promise<Probe | null> {
  try {
    const out = await tool("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
    return JSON.parse(out) as Probe;
  } catch (error) {
    if (error instanceof ToolMissingError) throw error;
    return null;
  }
}

function durationOf(info: Probe): number | null {
  const seconds = Number(info.format?.duration ?? info.streams?.find((s) => s.duration)?.duration);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

const UNREADABLE = "This file could not be read: it may be damaged or incomplete. Export it again and upload it.";

/** A poster frame, as WebP no wider than 1280 pixels, or null. */
async function posterFrame(file: string, durationMs: number): Promise<Buffer | null> {
  const at = Math.min(1, durationMs / 2000).toFixed(2);
  try {
    const { stdout } = await run(
      "ffmpeg",
      ["-v", "error", "-ss", at, "-i", file, "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"],
      { timeout: TOOL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: "buffer" },
    );
    if (stdout.length === 0) return null;
    return await sharp(stdout).resize({ width: 1280, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  } catch {
    return null;
  }
}

/**
 * Probes a file for a stream of `type` and its duration: the probe, a failure
 * outcome when it cannot be read, or the note to show when ffprobe is missing.
 */
async function probeStream(
  file: string,
  type: "video" | "audio",
  missingToolNote: string,
): Promise<{ outcome: Outcome } | { stream: NonNullable<Probe["streams"]>[number]; durationMs: number }> {
  let info: Probe | null;
  try {
    info = await probe(file);
  } catch {
    return { outcome: { ok: true, previewNote: missingToolNote } };
  }
  const stream = info?.streams?.find((s) => s.codec_type === type);
  const durationMs = info ? durationOf(info) : null;
  if (!stream || durationMs === null) return { outcome: { ok: false, reason: UNREADABLE } };
  return { stream, durationMs };
}

async function processVideo(file: string): Promise<Outcome> {
  const probed = await probeStream(
    file,
    "video",
    "No poster or length yet: this server cannot read videos (ffmpeg is not installed). It plays as it is.",
  );
  if ("outcome" in probed) return probed.outcome;
  const { stream: picture, durationMs } = probed;
  const { maxVideoMs } = mediaLimits();
  if (durationMs > maxVideoMs) {
    return {
      ok: false,
      reason: `This video is ${describeDuration(durationMs)} long; showreels can be up to ${describeDuration(maxVideoMs)}. Trim it and upload it again.`,
    };
  }
  const poster = await posterFrame(file, durationMs);
  return {
    ok: true,
    durationMs,
    width: picture.width ?? null,
    height: picture.height ?? null,
    poster,
    previewNote: poster ? null : "A poster frame could not be made from this video; it plays without one.",
  };
}

async function processAudio(file: string): Promise<Outcome> {
  const probed = await probeStream(
    file,
    "audio",
    "Its length is not shown: this server cannot read audio (ffmpeg is not installed).",
  );
  return "outcome" in probed ? probed.outcome : { ok: true, durationMs: probed.durationMs };
}

async function processDocument(file: string, directory: string): Promise<Outcome> {
  let pages: number;
  try {
    const out = await tool("pdfinfo", [file]);
    pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  } catch (error) {
    if (error instanceof ToolMissingError) {
      return {
        ok: true,
        previewNote:
          "No first-page preview: this server cannot read PDFs (poppler is not installed). It opens as it is.",
      };
    }
    return { ok: false, reason: UNREADABLE };
  }
  if (!Number.isInteger(pages) || pages < 1) return { ok: false, reason: UNREADABLE };
  let poster: Buffer | null = null;
  try {
    const out = path.join(directory, "page");
    await tool("pdftoppm", ["-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to", "800", file, out]);
    poster = await sharp(await readFile(`${out}.png`))
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    poster = null;
  }
  return {
    ok: true,
    pageCount: pages,
    poster,
    previewNote: poster ? null : "A preview of the first page could not be made; the PDF opens as it is.",
  };
}

async function examine(storage: BlobStorage, file: MediaFileRow): Promise<Outcome> {
  const directory = await mkdtemp(path.join(tmpdir(), "callback-media-"));
  try {
    const local = path.join(directory, "original");
    const source = await storage.openRead(file.storageKey);
    if (!source) return { ok: false, reason: "This file's upload did not arrive whole. Upload it again." };
    // The tools read a local copy, streamed from the store (never whole in memory).
    await pipeline(source, createWriteStream(local));
    if (file.kind === "video") return await processVideo(local);
    if (file.kind === "audio") return await processAudio(local);
    return await processDocument(local, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Claims up to `limit` files waiting for processing; each claim lasts CLAIM_MS. */
async function claimPending(db: Db, limit: number): Promise<MediaFileRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(
        and(
          eq(mediaFiles.status, "processing"),
          or(isNull(mediaFiles.claimedUntil), lt(mediaFiles.claimedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(mediaFiles.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return [];
    const claimed: MediaFileRow[] = [];
    for (const row of rows) {
      const [file] = await tx
        .update(mediaFiles)
        .set({
          claimedUntil: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval`,
          attempts: sql`${mediaFiles.attempts} + 1`,
        })
        .where(eq(mediaFiles.id, row.id))
        .returning();
      if (file) claimed.push(file);
    }
    return claimed;
  });
}

/** Records an outcome: ready with what was learnt, or failed with its bytes gone and its storage given back. */
async function settle(db: Db, storage: BlobStorage, file: MediaFileRow, outcome: Outcome): Promise<void> {
  if (!outcome.ok) {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(mediaFiles)
        .set({
          status: "failed",
          failureReason: outcome.reason,
          isPrimary: false,
          claimedUntil: null,
          processedAt: sql`now()`,
        })
        .where(and(eq(mediaFiles.id, file.id), eq(mediaFiles.status, "processing")))
        .returning({ id: mediaFiles.id });
      if (updated.length === 0) return;
      await releaseStorage(tx, file.ownerId, file.byteSize);
      await ensurePrimaryMedia(tx, file.ownerId, file.purpose);
    });
    await storage.delete([file.storageKey]);
    return;
  }
  let posterKey: string | null = null;
  if (outcome.poster) {
    posterKey = mediaStorageKey(file.id, "poster", file.version);
    await storage.put(posterKey, outcome.poster, { contentType: "image/webp" });
  }
  const done = await db.transaction(async (tx) => {
    const updated = await tx
      .update(mediaFiles)
      .set({
        status: "ready",
        durationMs: outcome.durationMs ?? null,
        width: outcome.width ?? null,
        height: outcome.height ?? null,
        pageCount: outcome.pageCount ?? null,
        posterKey,
        previewNote: outcome.previewNote ?? null,
        claimedUntil: null,
        processedAt: sql`now()`,
      })
      .where(and(eq(mediaFiles.id, file.id), eq(mediaFiles.status, "processing")))
      .returning({ id: mediaFiles.id });
    if (updated.length === 0) return false;
    await ensurePrimaryMedia(tx, file.ownerId, file.purpose);
    await refreshProfileMediaFlags(tx, file.ownerId);
    return true;
  });
  // Deleted while it was being processed: the poster has nothing to belong to.
  if (!done && posterKey) await storage.delete([posterKey]);
}

/**
 * One pass of media processing: claims waiting files (several workers never
 * take the same one) and processes each. Returns how many were settled.
 */
export async function processPendingMedia(db: Db, storage: BlobStorage, { limit = 4 } = {}): Promise<number> {
  const files = await claimPending(db, limit);
  for (const file of files) {
    let outcome: Outcome;
    try {
      outcome = await examine(storage, file);
    } catch (error) {
      getLogger().error(
        { err: error instanceof Error ? error.message : String(error), mediaId: file.id },
        "media processing failed",
      );
      if (file.attempts < MAX_ATTEMPTS) continue;
      outcome = {
        ok: false,
        reason: "This file could not be processed. Upload it again, or try another export of it.",
      };
    }
    await settle(db, storage, file, outcome);
  }
  return files.length;
}
