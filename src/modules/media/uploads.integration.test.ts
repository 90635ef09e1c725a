import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { mediaFiles, mediaUploads, storageUsage } from "@/db/schema/media";
import { createProfessional, createTalent, type CreatedUser } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import { mediaSamples, type MediaSamples } from "@/test/media-samples";
import { MemoryStorage } from "@/test/memory-storage";
import { stagingDirectory } from "./staging";
import { handleUploadRequest, UPLOADS_PATH } from "./uploads";

const ORIGIN = "http://callback.test";

function metadata(fields: Record<string, string>) {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

describe("resumable uploads (tus)", () => {
  let db: Db;
  let storage: MemoryStorage;
  let samples: MediaSamples;
  let talent: CreatedUser;
  let other: CreatedUser;

  const send = (user: CreatedUser | null, url: string, init: RequestInit & { headers?: Record<string, string> }) =>
    handleUploadRequest(
      db,
      storage,
      user?.actor ?? null,
      new Request(new URL(url, ORIGIN), {
        ...init,
        headers: { "Tus-Resumable": "1.0.0", Host: "callback.test", ...init.headers },
      }),
    );

  async function create(user: CreatedUser, size: number, fields: Record<string, string>) {
    const response = await send(user, UPLOADS_PATH, {
      method: "POST",
      headers: { "Upload-Length": String(size), "Upload-Metadata": metadata(fields) },
    });
    return { response, location: response.headers.get("location") };
  }

  const patch = (user: CreatedUser, location: string, offset: number, bytes: Uint8Array) =>
    send(user, location, {
      method: "PATCH",
      headers: { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
      body: Buffer.from(bytes),
    });

  async function usage(userId: string) {
    const [row] = await db.select().from(storageUsage).where(eq(storageUsage.userId, userId));
    return { used: row?.usedBytes ?? 0, reserved: row?.reservedBytes ?? 0 };
  }

  async function leftovers(userId: string) {
    const uploads = await db.select().from(mediaUploads).where(eq(mediaUploads.ownerId, userId));
    const staged = await readdir(stagingDirectory()).catch(() => []);
    return { uploads: uploads.length, staged: staged.length };
  }

  beforeAll(async () => {
    vi.stubEnv("DATA_DIR", await mkdtemp(path.join(os.tmpdir(), "callback-uploads-")));
    ({ db } = await freshDatabase());
    samples = await mediaSamples();
    talent = await createTalent(db);
    other = await createTalent(db);
  });

  it("takes a showreel in chunks, tells how far it got after a break, and goes on from there", async () => {
    storage = new MemoryStorage();
    const bytes = new Uint8Array(await readFile(samples.mp4));
    const { response, location } = await create(talent, bytes.length, {
      purpose: "showreel",
      filename: "reel.mp4",
      title: "Drama reel",
    });
    expect(response.status).toBe(201);
    expect(location).toMatch(/^\/api\/uploads\/[A-Za-z0-9_-]{24}$/);
    expect(await usage(talent.id)).toEqual({ used: 0, reserved: bytes.length });

    const half = Math.floor(bytes.length / 2);
    expect((await patch(talent, location!, 0, bytes.subarray(0, half))).status).toBe(204);
    // The connection dropped: the client asks where to go on from.
    const head = await send(talent, location!, { method: "HEAD" });
    expect(head.headers.get("upload-offset")).toBe(String(half));
    const last = await patch(talent, location!, half, bytes.subarray(half));
    expect(last.status).toBe(204);
    const mediaId = last.headers.get("callback-media-id");

    const [file] = await db.select().from(mediaFiles).where(eq(mediaFiles.ownerId, talent.id));
    expect(file).toMatchObject({
      id: mediaId,
      purpose: "showreel",
      kind: "video",
      status: "processing",
      title: "Drama reel",
      fileName: "reel.mp4",
      contentType: "video/mp4",
      byteSize: bytes.length,
      isPrimary: true,
    });
    expect(Buffer.compare(storage.files.get(file!.storageKey)!, Buffer.from(bytes))).toBe(0);
    expect(await usage(talent.id)).toEqual({ used: bytes.length, reserved: 0 });
    expect(await leftovers(talent.id)).toEqual({ uploads: 0, staged: 0 });
  });

  it("answers another account's upload as missing, whatever the method", async () => {
    storage = new MemoryStorage();
    const { location } = await create(talent, 1000, { purpose: "voice_reel" });
    for (const method of ["HEAD", "PATCH", "DELETE"]) {
      const response =
        method === "PATCH"
          ? await patch(other, location!, 0, new Uint8Array(10))
          : await send(other, location!, { method });
      expect(response.status, method).toBe(404);
    }
    const signedOut = await send(null, location!, { method: "HEAD" });
    expect(signedOut.status).toBe(401);
    expect((await send(talent, location!, { method: "DELETE" })).status).toBe(204);
  });

  it("refuses a file that is not what it was started as, and leaves nothing behind", async () => {
    storage = new MemoryStorage();
    const pdf = new Uint8Array(await readFile(samples.pdf1));
    const { location } = await create(talent, pdf.length, { purpose: "showreel", filename: "reel.mp4" });
    const response = await patch(talent, location!, 0, pdf);
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/not a video we accept.*MP4 \(H\.264\), WebM or QuickTime/);
    expect(await leftovers(talent.id)).toEqual({ uploads: 0, staged: 0 });
    const before = await db.select().from(mediaFiles).where(eq(mediaFiles.ownerId, talent.id));
    expect(before.every((file) => file.purpose !== "showreel" || file.contentType === "video/mp4")).toBe(true);
    expect(storage.files.size).toBe(0);
    expect((await usage(talent.id)).reserved).toBe(0);
  });

  it.each([
    ["an empty file", 0, "cv", 400, /empty/],
    ["a CV over 20 MB", 21 * 1024 * 1024, "cv", 413, /21 MB; a CV can be up to 20 MB/],
    ["a purpose that does not exist", 1000, "headshot", 400, /showreel, a voice reel or a CV/],
  ])("refuses %s before any byte is sent", async (_name, size, purpose, status, message) => {
    const { response } = await create(other, size, { purpose });
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(message);
    expect(await leftovers(other.id)).toEqual({ uploads: 0, staged: 0 });
  });

  it("refuses an upload that does not fit the account's storage, saying what is left", async () => {
    const full = await createTalent(db);
    await db.insert(storageUsage).values({ userId: full.id, usedBytes: 2048 * 1024 * 1024 - 1000 });
    const { response } = await create(full, 5000, { purpose: "cv" });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/left/);
    expect(await leftovers(full.id)).toEqual({ uploads: 0, staged: 0 });
  });

  it("lets only talents upload, and only from Callback itself", async () => {
    const professional = await createProfessional(db);
    const { response } = await create(professional, 1000, { purpose: "cv" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Only talents/);
    const crossSite = await handleUploadRequest(
      db,
      storage,
      talent.actor,
      new Request(new URL(UPLOADS_PATH, ORIGIN), {
        method: "POST",
        headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "1000", Origin: "https://evil.example" },
      }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("gives the space back when an upload is cancelled midway", async () => {
    storage = new MemoryStorage();
    const audio = new Uint8Array(await readFile(samples.mp3));
    const { location } = await create(other, audio.length, { purpose: "voice_reel" });
    await patch(other, location!, 0, audio.subarray(0, 100));
    expect((await usage(other.id)).reserved).toBe(audio.length);
    expect((await send(other, location!, { method: "DELETE" })).status).toBe(204);
    expect((await usage(other.id)).reserved).toBe(0);
    expect(await leftovers(other.id)).toEqual({ uploads: 0, staged: 0 });
  });
});
