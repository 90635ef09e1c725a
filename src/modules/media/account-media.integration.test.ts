import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { mediaFiles, mediaUploads, storageUsage } from "@/db/schema/media";
import { attachMediaFile, createTalentWithProfile } from "@/db/seed/factories";
import { getEnv } from "@/lib/env";
import { verifyMediaPath } from "@/lib/media-delivery";
import { deleteAccountInput } from "@/modules/account-data/inputs";
import { deleteAccount } from "@/modules/account-data/mutations";
import { exportAccountData } from "@/modules/account-data/queries";
import { TestBillingProvider } from "@/modules/billing/provider";
import { freshDatabase } from "@/test/database";
import { hasFfmpeg, mediaSamples, type MediaSamples } from "@/test/media-samples";
import { MemoryStorage } from "@/test/memory-storage";
import { cleanAbandonedUploads } from "./internal";
import type { MediaPurpose } from "./options";
import { processPendingMedia } from "./processing";
import { getMediaAccess } from "./queries";
import { stagingDirectory } from "./staging";
import { handleUploadRequest, UPLOADS_PATH } from "./uploads";

const ORIGIN = "http://callback.test";
const PASSWORD = "media-account-password";
const HOUR = 3_600_000;
const canRun = await hasFfmpeg();

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

function metadata(fields: Record<string, string>) {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

describe.skipIf(!canRun)("a talent's media and the account", () => {
  let db: Db;
  let storage: MemoryStorage;
  let samples: MediaSamples;

  async function attach(owner: Talent, purpose: MediaPurpose, contentType: string, file: string, position = 0) {
    const name = path.basename(file);
    return attachMediaFile(db, storage, owner.id, {
      purpose,
      contentType,
      bytes: await readFile(file),
      title: name,
      fileName: name,
      position,
    });
  }

  /** Starts a resumable upload as the browser does (the row, its reservation and its staged file), sending `sent` bytes. */
  async function startUpload(owner: Talent, size: number, sent: Uint8Array) {
    const send = (url: string, init: RequestInit & { headers: Record<string, string> }) =>
      handleUploadRequest(
        db,
        storage,
        owner.actor,
        new Request(new URL(url, ORIGIN), {
          ...init,
          headers: { "Tus-Resumable": "1.0.0", Host: "callback.test", ...init.headers },
        }),
      );
    const created = await send(UPLOADS_PATH, {
      method: "POST",
      headers: { "Upload-Length": String(size), "Upload-Metadata": metadata({ purpose: "showreel" }) },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    const patched = await send(location, {
      method: "PATCH",
      headers: { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      body: Buffer.from(sent),
    });
    expect(patched.status).toBe(204);
    return location.split("/").at(-1)!;
  }

  async function usage(userId: string) {
    const [row] = await db.select().from(storageUsage).where(eq(storageUsage.userId, userId));
    return { used: row?.usedBytes ?? 0, reserved: row?.reservedBytes ?? 0 };
  }

  const staged = async () => readdir(stagingDirectory()).catch(() => [] as string[]);
  const keysOf = (id: string) => [...storage.files.keys()].filter((key) => key.startsWith(`media/${id}/`));

  beforeAll(async () => {
    vi.stubEnv("DATA_DIR", await mkdtemp(path.join(os.tmpdir(), "callback-account-media-")));
    ({ db } = await freshDatabase());
    samples = await mediaSamples();
  });

  describe("export and deletion", () => {
    let talent: Talent;
    let bystander: Talent;
    const ids = {} as Record<"reel" | "cv" | "failed" | "pending" | "bystanderReel", string>;
    let uploadId: string;

    beforeAll(async () => {
      storage = new MemoryStorage();
      talent = await createTalentWithProfile(db, { user: { password: PASSWORD } });
      bystander = await createTalentWithProfile(db);
      ids.reel = await attach(talent, "showreel", "video/mp4", samples.mp4, 0);
      ids.failed = await attach(talent, "showreel", "video/mp4", samples.truncatedMp4, 1);
      ids.cv = await attach(talent, "cv", "application/pdf", samples.pdf1, 0);
      ids.bystanderReel = await attach(bystander, "showreel", "video/mp4", samples.mp4, 0);
      expect(await processPendingMedia(db, storage, { limit: 10 })).toBe(4);
      ids.pending = await attach(talent, "voice_reel", "audio/wav", samples.wav, 0);
      uploadId = await startUpload(talent, 50_000, new Uint8Array(1000));
    });

    it("exports the account's files, each ready one with a signed download link", async () => {
      const exported = await exportAccountData(db, talent.actor);
      const byId = new Map(exported.media.map((file) => [file.id, file]));
      // A refused file is no longer held: it is not in the export.
      expect([...byId.keys()].sort()).toEqual([ids.reel, ids.cv, ids.pending].sort());
      expect(byId.get(ids.reel)).toMatchObject({
        purpose: "showreel",
        kind: "video",
        status: "ready",
        contentType: "video/mp4",
        width: 160,
        height: 120,
        isPrimary: true,
        linksExpireInSeconds: getEnv().MEDIA_URL_TTL_SECONDS,
      });
      expect(byId.get(ids.cv)).toMatchObject({ status: "ready", pageCount: 1 });
      expect(byId.get(ids.pending)).toMatchObject({ status: "processing", downloadUrl: null });
      for (const id of [ids.reel, ids.cv]) {
        const file = byId.get(id)!;
        const url = new URL(file.downloadUrl!, ORIGIN);
        expect(url.pathname).toBe(`/api/media/${id}/v1/original`);
        expect(url.searchParams.get("sig")).toBeTruthy();
        expect(url.searchParams.get("exp")).toMatch(/^\d+$/);
        expect(verifyMediaPath(url.pathname, url.searchParams)).toBe(true);
        // The link opens the file for whoever holds it, signed in or not.
        const granted = await getMediaAccess(
          db,
          async () => null,
          { mediaId: id, version: "v1", variant: "original" },
          { signed: true },
        );
        expect(granted?.storageKey).toBe(`media/${id}/original`);
      }
      expect(JSON.stringify(exported.media)).not.toContain(ids.bystanderReel);
    });

    it("removes every media row, upload and stored object of a deleted account, and nobody else's", async () => {
      const mine = [ids.reel, ids.cv, ids.failed, ids.pending];
      expect(keysOf(ids.reel).length).toBe(2); // the original and its poster
      expect(keysOf(ids.cv).length).toBe(2);
      expect(keysOf(ids.pending).length).toBe(1);
      expect((await staged()).some((entry) => entry.startsWith(uploadId))).toBe(true);
      const bystanderKeys = keysOf(ids.bystanderReel);
      expect(bystanderKeys.length).toBe(2);

      await deleteAccount(
        db,
        { billing: new TestBillingProvider(), storage },
        talent.actor,
        deleteAccountInput.parse({ password: PASSWORD, confirmation: "DELETE" }),
      );

      expect(await db.select().from(mediaFiles).where(eq(mediaFiles.ownerId, talent.id))).toEqual([]);
      expect(await db.select().from(mediaUploads).where(eq(mediaUploads.ownerId, talent.id))).toEqual([]);
      for (const id of mine) expect(keysOf(id), id).toEqual([]);
      expect((await staged()).filter((entry) => entry.startsWith(uploadId))).toEqual([]);
      // The export's links serve nothing any more.
      const gone = await getMediaAccess(
        db,
        async () => null,
        { mediaId: ids.reel, version: "v1", variant: "original" },
        { signed: true },
      );
      expect(gone).toBeNull();

      expect(keysOf(ids.bystanderReel)).toEqual(bystanderKeys);
      const [kept] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, ids.bystanderReel));
      expect(kept).toMatchObject({ status: "ready", ownerId: bystander.id });
    });
  });

  describe("abandoned uploads", () => {
    it("are removed after MEDIA_UPLOAD_ABANDON_HOURS with their reservation and staged bytes; fresh ones stay", async () => {
      storage = new MemoryStorage();
      const talent = await createTalentWithProfile(db);
      const hours = getEnv().MEDIA_UPLOAD_ABANDON_HOURS;
      const stale = await startUpload(talent, 40_000, new Uint8Array(500));
      const fresh = await startUpload(talent, 30_000, new Uint8Array(700));
      expect(await usage(talent.id)).toEqual({ used: 0, reserved: 70_000 });
      await db
        .update(mediaUploads)
        .set({ touchedAt: sql`now() - ${`${hours * 60 + 5} minutes`}::interval` })
        .where(eq(mediaUploads.id, stale));

      expect(await cleanAbandonedUploads(db)).toBe(1);

      const left = await db.select().from(mediaUploads).where(eq(mediaUploads.ownerId, talent.id));
      expect(left.map((row) => row.id)).toEqual([fresh]);
      expect(await usage(talent.id)).toEqual({ used: 0, reserved: 30_000 });
      const entries = await staged();
      expect(entries.filter((entry) => entry.startsWith(stale))).toEqual([]);
      expect(entries).toContain(fresh);

      // The fresh one is kept until it too has been idle for as long.
      expect(await cleanAbandonedUploads(db, new Date(Date.now() + (hours - 1) * HOUR))).toBe(0);
      expect(await db.select().from(mediaUploads).where(eq(mediaUploads.id, fresh))).toHaveLength(1);
      expect(await cleanAbandonedUploads(db, new Date(Date.now() + (hours + 1) * HOUR))).toBe(1);
      expect(await usage(talent.id)).toEqual({ used: 0, reserved: 0 });
      expect((await staged()).filter((entry) => entry.startsWith(fresh))).toEqual([]);
    });
  });
});
