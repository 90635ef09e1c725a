import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { assertSafeKey, streamToBuffer, type BlobStorage, type ByteRange } from "@/lib/storage";

/** Blob storage in memory, for tests. */
export class MemoryStorage implements BlobStorage {
  readonly files = new Map<string, Buffer>();

  async put(key: string, bytes: Uint8Array) {
    assertSafeKey(key);
    this.files.set(key, Buffer.from(bytes));
  }

  async putStream(key: string, body: Readable) {
    assertSafeKey(key);
    const bytes = await streamToBuffer(body);
    this.files.set(key, bytes);
    return { size: bytes.length };
  }

  async stat(key: string) {
    const bytes = this.files.get(key);
    if (!bytes) return null;
    const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
    return { size: bytes.length, etag, lastModified: new Date(0) };
  }

  async openRead(key: string, range?: ByteRange) {
    const bytes = this.files.get(key);
    if (!bytes) return null;
    return Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]);
  }

  async readAll(key: string) {
    return this.files.get(key) ?? null;
  }

  async delete(keys: string[]) {
    for (const key of keys) this.files.delete(key);
  }

  async *list(prefix: string) {
    for (const key of [...this.files.keys()]) if (key.startsWith(prefix)) yield key;
  }

  async presignedUrl() {
    return null;
  }
}
