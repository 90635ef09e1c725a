import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBucket } from "@/test/s3";
import { LocalDiskStorage, streamToBuffer, type BlobStorage } from "./storage";
import { copyStore } from "./storage-copy";

/** A stream of `total` bytes made chunk by chunk (never held whole), byte i = i mod 251. */
function generated(total: number, chunk = 256 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const size = Math.min(chunk, total - sent);
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i += 1) bytes[i] = (sent + i) % 251;
      sent += size;
      this.push(bytes);
    },
  });
}

const drivers: { name: string; open(): Promise<{ storage: BlobStorage; stop(): Promise<void> }> }[] = [
  {
    name: "local disk",
    async open() {
      const root = await mkdtemp(path.join(tmpdir(), "callback-disk-"));
      return { storage: new LocalDiskStorage(root), stop: () => rm(root, { recursive: true, force: true }) };
    },
  },
  { name: "S3-compatible bucket", open: testBucket },
];

describe.each(drivers)("blob storage: $name", (driver) => {
  let storage: BlobStorage;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, stop } = await driver.open());
  });
  afterAll(() => stop());

  it("stores and reads back a small object", async () => {
    await storage.put("tests/small.txt", Buffer.from("hello"), { contentType: "text/plain" });
    expect((await storage.readAll("tests/small.txt"))?.toString()).toBe("hello");
  });

  it("streams a 20 MB object in and out, with its size and a strong validator that changes with the bytes", async () => {
    const total = 20 * 1024 * 1024;
    expect(await storage.putStream("tests/big.bin", generated(total))).toEqual({ size: total });
    const first = await storage.stat("tests/big.bin");
    expect(first?.size).toBe(total);
    expect(first?.etag).toMatch(/^"[^"]+"$/);
    const range = await storage.openRead("tests/big.bin", { start: 9_000_000, end: 9_000_099 });
    const bytes = await streamToBuffer(range!);
    expect(bytes).toHaveLength(100);
    expect([...bytes]).toEqual(Array.from({ length: 100 }, (_, i) => (9_000_000 + i) % 251));
    await storage.putStream("tests/big.bin", generated(1000));
    const second = await storage.stat("tests/big.bin");
    expect(second?.size).toBe(1000);
    expect(second?.etag).not.toBe(first?.etag);
  });

  it("answers null for a missing object", async () => {
    expect(await storage.stat("tests/none")).toBeNull();
    expect(await storage.openRead("tests/none")).toBeNull();
    expect(await storage.readAll("tests/none")).toBeNull();
  });

  it("lists by prefix and deletes several objects at once (or none)", async () => {
    await storage.put("listing/a/one", Buffer.from("1"));
    await storage.put("listing/a/two", Buffer.from("2"));
    await storage.put("listing/b/three", Buffer.from("3"));
    const listed: string[] = [];
    for await (const key of storage.list("listing/a/")) listed.push(key);
    expect(listed.sort()).toEqual(["listing/a/one", "listing/a/two"]);
    await storage.delete([]);
    await storage.delete(["listing/a/one", "listing/a/two", "listing/none"]);
    expect(await storage.stat("listing/a/one")).toBeNull();
    expect(await storage.stat("listing/b/three")).not.toBeNull();
  });

  it("refuses keys that could leave the store", async () => {
    await expect(storage.put("../escape", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.stat("A/B")).rejects.toThrow(/Invalid storage key/);
  });

  it("hands out presigned links only from a bucket, and they expire", async () => {
    await storage.put("tests/signed.pdf", Buffer.from("%PDF-1.7 test"), { contentType: "application/pdf" });
    // A link's time is signed in whole seconds, so one of 1 s may have no time left at all: 2 s leaves at least one.
    const signedAt = Date.now();
    const url = await storage.presignedUrl("tests/signed.pdf", {
      expiresInSeconds: 2,
      contentType: "application/pdf",
      fileName: "cv.pdf",
    });
    if (driver.name === "local disk") {
      expect(url).toBeNull();
      return;
    }
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(await response.text()).toBe("%PDF-1.7 test");
    await new Promise((resolve) => setTimeout(resolve, signedAt + 3200 - Date.now()));
    expect((await fetch(url!)).status).toBe(403);
  });
});

describe("copying the disk store to a bucket", () => {
  it("copies every object once, and skips what is already there when run again", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "callback-copy-"));
    const bucket = await testBucket();
    try {
      const disk = new LocalDiskStorage(root);
      await disk.put("photos/p1/thumb.webp", Buffer.from("thumb"));
      await disk.put("media/m1/original", Buffer.from("reel bytes"));
      expect(await copyStore(disk, bucket.storage)).toEqual({ copied: 2, skipped: 0, bytes: 15 });
      expect((await bucket.storage.readAll("media/m1/original"))?.toString()).toBe("reel bytes");
      expect(await copyStore(disk, bucket.storage)).toEqual({ copied: 0, skipped: 2, bytes: 0 });
    } finally {
      await bucket.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
