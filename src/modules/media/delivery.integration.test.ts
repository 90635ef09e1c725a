import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { mediaFiles } from "@/db/schema/media";
import {
  attachMediaFile,
  createAdmin,
  createProfessional,
  createTalentWithProfile,
  type CreatedUser,
} from "@/db/seed/factories";
import { getEnv } from "@/lib/env";
import { serveStoredObject, verifyMediaPath } from "@/lib/media-delivery";
import { LocalDiskStorage } from "@/lib/storage";
import type { Actor } from "@/modules/access/types";
import { freshDatabase } from "@/test/database";
import { hasFfmpeg, mediaSamples, type MediaSamples } from "@/test/media-samples";
import { mediaPath, mediaUrl } from "./internal";
import { setPrimaryMedia } from "./mutations";
import type { MediaPurpose } from "./options";
import { processPendingMedia } from "./processing";
import { getMediaAccess, listOwnMedia, listProfileMedia } from "./queries";

const ORIGIN = "http://callback.test";
const canRun = await hasFfmpeg();

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;
type MediaFileRow = typeof mediaFiles.$inferSelect;

describe.skipIf(!canRun)("media delivery", () => {
  let db: Db;
  let storage: LocalDiskStorage;
  let samples: MediaSamples;

  let talent: Talent;
  let hidden: Talent;
  let switcher: Talent;
  let otherTalent: CreatedUser;
  let freePro: CreatedUser;
  let subscriber: CreatedUser;
  let admin: CreatedUser;

  const ids = {} as Record<
    "main" | "second" | "cv" | "voice" | "failed" | "pending" | "hiddenMain" | "first" | "next",
    string
  >;

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

  async function row(id: string): Promise<MediaFileRow> {
    const [file] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
    return file!;
  }

  const params = (file: Pick<MediaFileRow, "id" | "version">, variant: string = "original") => ({
    mediaId: file.id,
    version: `v${file.version}`,
    variant,
  });

  const access = (
    actor: Actor | null,
    request: { mediaId: string; version: string; variant: string },
    signed = false,
  ) => getMediaAccess(db, async () => actor, request, { signed });

  /** What the media route does with a URL: the signature checked on its path, then access, then the bytes. */
  async function fetchAs(actor: Actor | null, url: string, init: RequestInit = {}) {
    const request = new Request(new URL(url, ORIGIN), init);
    const { pathname, searchParams } = new URL(request.url);
    const [, mediaId = "", version = "", variant = ""] = /^\/api\/media\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(pathname)!;
    const signed = verifyMediaPath(pathname, searchParams);
    const granted = await access(actor, { mediaId, version, variant }, signed);
    if (!granted) return null;
    return serveStoredObject(storage, granted.storageKey, request, {
      contentType: granted.contentType,
      cacheControl: granted.isPublic ? "public, max-age=31536000, immutable" : "private, max-age=60",
      fileName: granted.fileName || undefined,
    });
  }

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "callback-delivery-"));
    vi.stubEnv("DATA_DIR", dataDir);
    ({ db } = await freshDatabase());
    storage = new LocalDiskStorage(path.join(dataDir, "uploads"));
    samples = await mediaSamples();

    talent = await createTalentWithProfile(db);
    hidden = await createTalentWithProfile(db, { profile: { publishedAt: null } });
    switcher = await createTalentWithProfile(db);
    otherTalent = await createTalentWithProfile(db);
    freePro = await createProfessional(db);
    subscriber = await createProfessional(db, { subscription: true });
    admin = await createAdmin(db);

    ids.main = await attach(talent, "showreel", "video/mp4", samples.mp4, 0);
    ids.second = await attach(talent, "showreel", "video/webm", samples.webmVp8, 1);
    ids.failed = await attach(talent, "showreel", "video/mp4", samples.truncatedMp4, 2);
    ids.voice = await attach(talent, "voice_reel", "audio/mpeg", samples.mp3, 0);
    ids.cv = await attach(talent, "cv", "application/pdf", samples.pdf1, 0);
    ids.hiddenMain = await attach(hidden, "showreel", "video/mp4", samples.mp4, 0);
    ids.first = await attach(switcher, "showreel", "video/mp4", samples.mp4, 0);
    ids.next = await attach(switcher, "showreel", "video/mp4", samples.mp4, 1);
    expect(await processPendingMedia(db, storage, { limit: 20 })).toBe(8);
    // One more that the worker has not reached yet.
    ids.pending = await attach(talent, "showreel", "video/mp4", samples.mp4, 3);
  });

  it("has the files in the states the cases below need", async () => {
    expect(await row(ids.main)).toMatchObject({ status: "ready", isPrimary: true, version: 1 });
    expect(await row(ids.second)).toMatchObject({ status: "ready", isPrimary: false });
    expect(await row(ids.cv)).toMatchObject({ status: "ready", isPrimary: true });
    expect(await row(ids.voice)).toMatchObject({ status: "ready", isPrimary: true });
    expect(await row(ids.failed)).toMatchObject({ status: "failed" });
    expect(await row(ids.pending)).toMatchObject({ status: "processing" });
    expect((await row(ids.main)).posterKey).not.toBeNull();
  });

  describe("the main reels of a listed profile", () => {
    it("are public to a visitor, unsigned, original and poster", async () => {
      const main = await row(ids.main);
      expect(await access(null, params(main))).toEqual({
        storageKey: main.storageKey,
        contentType: "video/mp4",
        isPublic: true,
        fileName: main.fileName,
      });
      expect(await access(null, params(main, "poster"))).toEqual({
        storageKey: main.posterKey,
        contentType: "image/webp",
        isPublic: true,
        fileName: "",
      });
      // No captions were added: there is nothing to serve.
      expect(await access(null, params(main, "captions"))).toBeNull();
      const voice = await row(ids.voice);
      expect(await access(null, params(voice))).toMatchObject({ isPublic: true, contentType: "audio/mpeg" });
    });

    it("are listed for a visitor at their plain versioned paths, and serve the stored bytes", async () => {
      const main = await row(ids.main);
      const voice = await row(ids.voice);
      const items = await listProfileMedia(db, null, { profileId: talent.profileId });
      expect(items.map((item) => item.id)).toEqual([ids.main, ids.voice]);
      const [reel] = items;
      expect(reel).toMatchObject({
        purpose: "showreel",
        kind: "video",
        isPrimary: true,
        width: 160,
        height: 120,
        url: mediaPath(main, "original"),
        posterUrl: mediaPath(main, "poster"),
        captionsUrl: null,
      });
      expect(items[1]!.url).toBe(mediaPath(voice, "original"));
      for (const item of items) expect(item.url).not.toMatch(/sig=|exp=/);

      const response = await fetchAs(null, reel!.url);
      expect(response?.status).toBe(200);
      expect(response!.headers.get("content-type")).toBe("video/mp4");
      expect(Buffer.from(await response!.arrayBuffer()).equals(await readFile(samples.mp4))).toBe(true);
    });
  });

  describe("the other reels and the CV", () => {
    it("are missing for a visitor, a professional without a subscription and another talent", async () => {
      for (const id of [ids.second, ids.cv]) {
        const file = await row(id);
        for (const actor of [null, freePro.actor, otherTalent.actor]) {
          expect(await access(actor, params(file)), `${actor?.role ?? "visitor"} ${file.purpose}`).toBeNull();
          expect(await access(actor, params(file, "poster"))).toBeNull();
        }
      }
      // The main CV is never public: a CV is premium.
      expect((await row(ids.cv)).isPrimary).toBe(true);
    });

    it("are served, not public, to a subscriber, an admin and the owner", async () => {
      for (const id of [ids.second, ids.cv]) {
        const file = await row(id);
        for (const actor of [subscriber.actor, admin.actor, talent.actor]) {
          expect(await access(actor, params(file)), `${actor.role} ${file.purpose}`).toEqual({
            storageKey: file.storageKey,
            contentType: file.contentType,
            isPublic: false,
            fileName: file.fileName,
          });
        }
      }
    });

    it("are served to anyone whose URL carries a valid signature", async () => {
      for (const id of [ids.second, ids.cv]) {
        const file = await row(id);
        expect(await access(null, params(file), true)).toMatchObject({ isPublic: false, storageKey: file.storageKey });
        expect(await access(freePro.actor, params(file, "poster"), true)).toMatchObject({
          storageKey: file.posterKey,
        });
      }
    });

    it("are left out of a visitor's and a free professional's list", async () => {
      for (const actor of [null, freePro.actor]) {
        const items = await listProfileMedia(db, actor, { profileId: talent.profileId });
        expect(items.map((item) => item.id)).toEqual([ids.main, ids.voice]);
      }
    });

    it("are listed for a subscriber with every ready file, the private ones at signed URLs", async () => {
      const before = Date.now();
      const items = await listProfileMedia(db, subscriber.actor, { profileId: talent.profileId });
      expect(items.map((item) => item.id)).toEqual([ids.main, ids.second, ids.voice, ids.cv]);
      const ttl = getEnv().MEDIA_URL_TTL_SECONDS;
      for (const item of items) {
        const file = await row(item.id);
        const url = new URL(item.url, ORIGIN);
        expect(url.pathname).toBe(mediaPath(file, "original"));
        if (item.id === ids.main || item.id === ids.voice) {
          expect(url.search).toBe("");
          continue;
        }
        expect(url.searchParams.get("sig")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
        const exp = Number(url.searchParams.get("exp")) * 1000;
        expect(exp).toBeGreaterThan(before + ttl * 1000 - 1000);
        expect(exp).toBeLessThanOrEqual(Date.now() + ttl * 1000);
        expect(item.posterUrl).toMatch(/\/poster\?exp=\d+&sig=/);
      }
    });

    it("at a signed URL verify for their path until they expire, and a visitor holding one gets the bytes", async () => {
      const items = await listProfileMedia(db, subscriber.actor, { profileId: talent.profileId });
      const cv = items.find((item) => item.id === ids.cv)!;
      const url = new URL(cv.url, ORIGIN);
      expect(verifyMediaPath(url.pathname, url.searchParams)).toBe(true);
      const exp = Number(url.searchParams.get("exp")) * 1000;
      expect(verifyMediaPath(url.pathname, url.searchParams, new Date(exp - 5_000))).toBe(true);
      expect(verifyMediaPath(url.pathname, url.searchParams, new Date(exp + 1_000))).toBe(false);
      // The signature is for this path only.
      const second = items.find((item) => item.id === ids.second)!;
      expect(verifyMediaPath(new URL(second.url, ORIGIN).pathname, url.searchParams)).toBe(false);

      const response = await fetchAs(null, cv.url);
      expect(response?.status).toBe(200);
      expect(response!.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await response!.arrayBuffer()).equals(await readFile(samples.pdf1))).toBe(true);
      // Without the signature, the same visitor is told it does not exist.
      expect(await fetchAs(null, url.pathname)).toBeNull();
    });

    it("signed by mediaUrl, verify; expired, do not", () => {
      const file = { id: ids.second, version: 1 };
      const issued = new Date(Date.now() - 3_600_000);
      const stale = new URL(mediaUrl(file, "original", { isPublic: false, now: issued }), ORIGIN);
      expect(verifyMediaPath(stale.pathname, stale.searchParams, issued)).toBe(true);
      expect(verifyMediaPath(stale.pathname, stale.searchParams)).toBe(false);
      expect(mediaUrl(file, "poster", { isPublic: true })).toBe(`/api/media/${ids.second}/v1/poster`);
    });
  });

  describe("requests for something that is not served", () => {
    it("answer null, even for the owner with a signature", async () => {
      const main = await row(ids.main);
      const failed = await row(ids.failed);
      const pending = await row(ids.pending);
      const cases: [string, { mediaId: string; version: string; variant: string }][] = [
        ["another version", { ...params(main), version: "v2" }],
        ["version zero", { ...params(main), version: "v0" }],
        ["a version without its v", { ...params(main), version: "1" }],
        ["an unknown variant", params(main, "thumbnail")],
        ["a variant in capitals", params(main, "Original")],
        ["an id that is no uuid", { ...params(main), mediaId: "not-a-uuid" }],
        ["an id of nothing", { ...params(main), mediaId: randomUUID() }],
        ["a file still processing", params(pending)],
        ["its poster", params(pending, "poster")],
        ["a failed file", params(failed)],
      ];
      for (const [name, request] of cases) {
        for (const [actor, signed] of [
          [null, false],
          [talent.actor, false],
          [talent.actor, true],
        ] as const) {
          expect(
            await access(actor, request, signed),
            `${name} (${actor ? "owner" : "visitor"}, ${signed})`,
          ).toBeNull();
        }
      }
    });

    it("leave processing and failed files out of every viewer's list", async () => {
      for (const actor of [null, subscriber.actor, talent.actor]) {
        const listed = (await listProfileMedia(db, actor, { profileId: talent.profileId })).map((item) => item.id);
        expect(listed).not.toContain(ids.pending);
        expect(listed).not.toContain(ids.failed);
      }
      expect(await listProfileMedia(db, null, { profileId: "not-a-profile" })).toEqual([]);
      expect(await listProfileMedia(db, null, { profileId: randomUUID() })).toEqual([]);
    });
  });

  describe("an unpublished profile", () => {
    it("keeps even its main reel from visitors and subscribers, and serves it privately to its owner", async () => {
      const main = await row(ids.hiddenMain);
      expect(main).toMatchObject({ status: "ready", isPrimary: true });
      expect(await access(null, params(main))).toBeNull();
      expect(await access(subscriber.actor, params(main))).toBeNull();
      expect(await access(hidden.actor, params(main))).toMatchObject({ isPublic: false, storageKey: main.storageKey });
      expect(await listProfileMedia(db, null, { profileId: hidden.profileId })).toEqual([]);
      expect(await listProfileMedia(db, subscriber.actor, { profileId: hidden.profileId })).toEqual([]);
      const own = await listProfileMedia(db, hidden.actor, { profileId: hidden.profileId });
      expect(own.map((item) => item.id)).toEqual([ids.hiddenMain]);
      expect(new URL(own[0]!.url, ORIGIN).searchParams.get("sig")).toBeTruthy();
    });
  });

  describe("the owner's own list", () => {
    it("holds every file in every state, with signed URLs once ready and the reason when failed", async () => {
      const own = await listOwnMedia(db, talent.actor);
      expect(own.map((item) => item.id)).toEqual([ids.main, ids.second, ids.failed, ids.pending, ids.voice, ids.cv]);
      const byId = new Map(own.map((item) => [item.id, item]));
      for (const id of [ids.main, ids.second, ids.voice, ids.cv]) {
        const item = byId.get(id)!;
        expect(item.status).toBe("ready");
        const url = new URL(item.url!, ORIGIN);
        // The owner's view is private even for a public file.
        expect(verifyMediaPath(url.pathname, url.searchParams)).toBe(true);
      }
      expect(byId.get(ids.failed)).toMatchObject({ status: "failed", url: null, posterUrl: null });
      expect(byId.get(ids.failed)!.failureReason).toMatch(/^[A-Z].*\.$/);
      expect(byId.get(ids.pending)).toMatchObject({ status: "processing", url: null, failureReason: null });
      expect(await listOwnMedia(db, subscriber.actor)).toEqual([]);
    });
  });

  describe("a new main reel", () => {
    it("gives the old main one a new version, so its public URL serves nothing", async () => {
      const first = await row(ids.first);
      const next = await row(ids.next);
      expect(first).toMatchObject({ isPrimary: true, version: 1 });
      const oldPublic = params(first);
      const oldPoster = params(first, "poster");
      expect(await access(null, oldPublic)).toMatchObject({ isPublic: true });

      await setPrimaryMedia(db, switcher.actor, ids.next);

      const demoted = await row(ids.first);
      const promoted = await row(ids.next);
      expect(demoted).toMatchObject({ isPrimary: false, version: 2 });
      expect(promoted).toMatchObject({ isPrimary: true, version: next.version });
      for (const actor of [null, subscriber.actor, switcher.actor]) {
        expect(await access(actor, oldPublic)).toBeNull();
        expect(await access(actor, oldPoster)).toBeNull();
      }
      expect(await access(null, params(demoted))).toBeNull();
      expect(await access(subscriber.actor, params(demoted))).toMatchObject({ isPublic: false });
      expect(await access(subscriber.actor, params(demoted, "poster"))).toMatchObject({
        storageKey: demoted.posterKey,
      });
      expect(await access(null, params(promoted))).toMatchObject({ isPublic: true });
      const listed = await listProfileMedia(db, null, { profileId: switcher.profileId });
      expect(listed.map((item) => item.url)).toEqual([mediaPath(promoted, "original")]);
    });
  });

  describe("serving a stored object from the local disk", () => {
    const KEY = `media/${randomUUID()}/original`;
    const bytes = randomBytes(1024 * 1024);
    const options = { contentType: "video/mp4", cacheControl: "private, max-age=60" };
    const serve = (headers: Record<string, string> = {}, method = "GET") =>
      serveStoredObject(storage, KEY, new Request(`${ORIGIN}/file`, { method, headers }), options);

    it("answers a range with those bytes, a range past the end with the size, a known ETag with 304, HEAD without a body", async () => {
      await storage.put(KEY, bytes);

      const part = await serve({ range: "bytes=100-199" });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
      expect(part.headers.get("content-length")).toBe("100");
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

      const tail = await serve({ range: `bytes=${bytes.length - 10}-` });
      expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

      const beyond = await serve({ range: `bytes=${bytes.length}-${bytes.length + 100}` });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);

      const whole = await serve();
      const etag = whole.headers.get("etag")!;
      expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
      const cached = await serve({ "if-none-match": etag });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe("");

      const head = await serve({}, "HEAD");
      expect(head.status).toBe(200);
      expect(head.headers.get("content-length")).toBe(String(bytes.length));
      expect(head.body).toBeNull();

      // New bytes under the same key get a new validator.
      await storage.put(KEY, randomBytes(1024));
      expect((await serve({ "if-none-match": etag })).status).toBe(200);
    });
  });
});
