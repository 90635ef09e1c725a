import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { mediaFiles, storageUsage } from "@/db/schema/media";
import { talentProfiles } from "@/db/schema/talents";
import { attachMediaFile, createTalentWithProfile } from "@/db/seed/factories";
import type { ByteRange } from "@/lib/storage";
import { freshDatabase } from "@/test/database";
import { hasFfmpeg, mediaSamples, type MediaSamples } from "@/test/media-samples";
import { MemoryStorage } from "@/test/memory-storage";
import { mediaLimits } from "./limits";
import { deleteMedia } from "./mutations";
import type { MediaPurpose } from "./options";
import { processPendingMedia } from "./processing";

const run = promisify(execFile);

const canRun = await hasFfmpeg();

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

function isWebp(bytes: Buffer | undefined) {
  return (
    bytes !== undefined &&
    bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
    bytes.subarray(8, 12).toString("latin1") === "WEBP"
  );
}

describe.skipIf(!canRun)("media processing", () => {
  let db: Db;
  let storage: MemoryStorage;
  let samples: MediaSamples;
  let longVideo: string;

  /** Stores bytes at the media key layout and records the file as processing, as a finished upload does. */
  async function attach(
    owner: Talent,
    purpose: MediaPurpose,
    contentType: string,
    bytes: Buffer,
    { position = 0, fileName = "file" } = {},
  ) {
    return attachMediaFile(db, storage, owner.id, { purpose, contentType, bytes, title: fileName, fileName, position });
  }

  const attachSample = async (owner: Talent, purpose: MediaPurpose, contentType: string, file: string, position = 0) =>
    attach(owner, purpose, contentType, await readFile(file), { position, fileName: path.basename(file) });

  async function fileRow(id: string) {
    const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
    return row;
  }

  async function usedBytes(userId: string) {
    const [row] = await db.select().from(storageUsage).where(eq(storageUsage.userId, userId));
    return row?.usedBytes ?? 0;
  }

  async function flags(userId: string) {
    const [row] = await db
      .select({ hasShowreel: talentProfiles.hasShowreel, hasVoiceReel: talentProfiles.hasVoiceReel })
      .from(talentProfiles)
      .where(eq(talentProfiles.userId, userId));
    return row;
  }

  beforeAll(async () => {
    vi.stubEnv("DATA_DIR", await mkdtemp(path.join(os.tmpdir(), "callback-processing-")));
    // Read once, before anything reads the settings: a one-minute limit lets a 61 s video be too long.
    vi.stubEnv("MEDIA_MAX_VIDEO_MINUTES", "1");
    ({ db } = await freshDatabase());
    samples = await mediaSamples();
    longVideo = path.join(await mkdtemp(path.join(os.tmpdir(), "callback-long-video-")), "long.mp4");
    await run(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=64x64:r=5:d=61"],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", longVideo],
      ],
      { timeout: 60_000 },
    );
  });

  it("reads the limit from the settings as stubbed", () => {
    expect(mediaLimits().maxVideoMs).toBe(60_000);
  });

  it("makes an MP4 showreel ready with its length, size and a WebP poster, and marks the profile", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    expect(await flags(talent.id)).toEqual({ hasShowreel: false, hasVoiceReel: false });
    const id = await attachSample(talent, "showreel", "video/mp4", samples.mp4);

    expect(await processPendingMedia(db, storage)).toBe(1);

    const file = await fileRow(id);
    expect(file).toMatchObject({ status: "ready", width: 160, height: 120, previewNote: null, isPrimary: true });
    expect(file!.failureReason).toBeNull();
    expect(file!.claimedUntil).toBeNull();
    expect(file!.processedAt).toBeInstanceOf(Date);
    expect(file!.durationMs).toBeGreaterThanOrEqual(1900);
    expect(file!.durationMs).toBeLessThanOrEqual(2200);
    expect(file!.posterKey).toBe(`media/${id}/poster-v${file!.version}.webp`);
    expect(isWebp(storage.files.get(file!.posterKey!))).toBe(true);
    expect(storage.files.has(file!.storageKey)).toBe(true);
    expect(await flags(talent.id)).toEqual({ hasShowreel: true, hasVoiceReel: false });
    // Nothing is left waiting.
    expect(await processPendingMedia(db, storage)).toBe(0);
  });

  it("makes MP3 and WAV voice reels ready with their lengths, the first one main", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const mp3 = await attachSample(talent, "voice_reel", "audio/mpeg", samples.mp3, 0);
    const wav = await attachSample(talent, "voice_reel", "audio/wav", samples.wav, 1);

    expect(await processPendingMedia(db, storage)).toBe(2);

    for (const id of [mp3, wav]) {
      const file = await fileRow(id);
      expect(file, id).toMatchObject({ status: "ready", kind: "audio", posterKey: null, previewNote: null });
      expect(file!.durationMs).toBeGreaterThanOrEqual(1900);
      expect(file!.durationMs).toBeLessThanOrEqual(2200);
    }
    expect((await fileRow(mp3))!.isPrimary).toBe(true);
    expect((await fileRow(wav))!.isPrimary).toBe(false);
    expect(await flags(talent.id)).toEqual({ hasShowreel: false, hasVoiceReel: true });
  });

  it("makes a PDF CV ready with its page count and a WebP first-page preview", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const id = await attachSample(talent, "cv", "application/pdf", samples.pdf3);

    expect(await processPendingMedia(db, storage)).toBe(1);

    const file = await fileRow(id);
    expect(file).toMatchObject({ status: "ready", pageCount: 3, durationMs: null, previewNote: null, isPrimary: true });
    expect(isWebp(storage.files.get(file!.posterKey!))).toBe(true);
    // A CV is no reel: the gallery's flags stay off.
    expect(await flags(talent.id)).toEqual({ hasShowreel: false, hasVoiceReel: false });
  });

  it("refuses a truncated MP4 with a reason, removes its bytes and gives its storage back; the next good reel becomes main", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const broken = await attachSample(talent, "showreel", "video/mp4", samples.truncatedMp4, 0);
    const good = await attachSample(talent, "showreel", "video/mp4", samples.mp4, 1);
    const goodSize = (await fileRow(good))!.byteSize;
    const brokenSize = (await fileRow(broken))!.byteSize;
    expect((await fileRow(broken))!.isPrimary).toBe(true);
    expect((await fileRow(good))!.isPrimary).toBe(false);
    expect(await usedBytes(talent.id)).toBe(goodSize + brokenSize);

    expect(await processPendingMedia(db, storage)).toBe(2);

    const failed = await fileRow(broken);
    expect(failed).toMatchObject({ status: "failed", isPrimary: false, posterKey: null });
    expect(failed!.failureReason).toMatch(/^[A-Z].*could not be read.*\.$/);
    expect(storage.files.has(failed!.storageKey)).toBe(false);
    expect([...storage.files.keys()].some((key) => key.startsWith(`media/${broken}/`))).toBe(false);
    expect(await usedBytes(talent.id)).toBe(goodSize);
    expect(await fileRow(good)).toMatchObject({ status: "ready", isPrimary: true });
    expect(await flags(talent.id)).toMatchObject({ hasShowreel: true });
  });

  it("refuses random bytes that claimed to be a video, and the profile gets no showreel", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const id = await attach(talent, "showreel", "video/mp4", randomBytes(20_000));

    expect(await processPendingMedia(db, storage)).toBe(1);

    const file = await fileRow(id);
    expect(file).toMatchObject({ status: "failed", isPrimary: false, durationMs: null, posterKey: null });
    expect(file!.failureReason).toMatch(/^[A-Z].*\.$/);
    expect(storage.files.size).toBe(0);
    expect(await usedBytes(talent.id)).toBe(0);
    expect(await flags(talent.id)).toEqual({ hasShowreel: false, hasVoiceReel: false });
  });

  it("refuses a video longer than the limit, naming its length and the limit", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const id = await attachSample(talent, "showreel", "video/mp4", longVideo);

    expect(await processPendingMedia(db, storage)).toBe(1);

    const file = await fileRow(id);
    expect(file).toMatchObject({ status: "failed", isPrimary: false });
    expect(file!.failureReason).toMatch(/^This video is 1:01 long; showreels can be up to 1:00\. .+\.$/);
    expect(storage.files.has(file!.storageKey)).toBe(false);
    expect(await usedBytes(talent.id)).toBe(0);
  });

  it("never processes a file twice when two workers run at once", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const ids = [
      await attachSample(talent, "showreel", "video/mp4", samples.mp4, 0),
      await attachSample(talent, "voice_reel", "audio/mpeg", samples.mp3, 0),
      await attachSample(talent, "cv", "application/pdf", samples.pdf1, 0),
    ];
    const put = vi.spyOn(storage, "put");

    const counts = await Promise.all([
      processPendingMedia(db, storage, { limit: 2 }),
      processPendingMedia(db, storage, { limit: 2 }),
    ]);

    expect(counts[0]! + counts[1]!).toBe(3);
    const rows = await db.select().from(mediaFiles).where(inArray(mediaFiles.id, ids));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row, row.purpose).toMatchObject({ status: "ready", attempts: 1, claimedUntil: null });
    }
    // One poster each for the video and the PDF, each made once.
    const posters = put.mock.calls.map(([key]) => key);
    expect(posters.sort()).toEqual(rows.flatMap((row) => (row.posterKey ? [row.posterKey] : [])).sort());
    expect(await processPendingMedia(db, storage)).toBe(0);
  });

  it("carries on when a file is deleted while it is being processed, leaving no poster behind", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const id = await attachSample(talent, "showreel", "video/mp4", samples.mp4);
    const openRead = storage.openRead.bind(storage);
    // The owner deletes the file just as the worker starts reading it.
    vi.spyOn(storage, "openRead").mockImplementation(async (key: string, range?: ByteRange) => {
      const stream = await openRead(key, range);
      if (key === `media/${id}/original`) await deleteMedia(db, storage, talent.actor, id);
      return stream;
    });

    await expect(processPendingMedia(db, storage)).resolves.toBe(1);

    expect(await fileRow(id)).toBeUndefined();
    expect([...storage.files.keys()].filter((key) => key.startsWith(`media/${id}/`))).toEqual([]);
    expect(await usedBytes(talent.id)).toBe(0);
    expect(await flags(talent.id)).toEqual({ hasShowreel: false, hasVoiceReel: false });
    expect(await processPendingMedia(db, storage)).toBe(0);
  });

  it("carries on when a file's bytes and row are gone before it is read", async () => {
    storage = new MemoryStorage();
    const talent = await createTalentWithProfile(db);
    const id = await attachSample(talent, "voice_reel", "audio/wav", samples.wav);
    vi.spyOn(storage, "openRead").mockImplementation(async () => {
      await db.delete(mediaFiles).where(eq(mediaFiles.id, id));
      storage.files.clear();
      return null;
    });

    await expect(processPendingMedia(db, storage)).resolves.toBe(1);
    expect(await fileRow(id)).toBeUndefined();
    expect(await processPendingMedia(db, storage)).toBe(0);
  });
});
