import { assertSafeKey, type BlobStorage } from "@/lib/storage";

/** Blob storage in memory, for tests. */
export class MemoryStorage implements BlobStorage {
  readonly files = new Map<string, Buffer>();

  async put(key: string, bytes: Buffer) {
    assertSafeKey(key);
    this.files.set(key, bytes);
  }

  async get(key: string) {
    return this.files.get(key) ?? null;
  }

  async delete(keys: string[]) {
    for (const key of keys) this.files.delete(key);
  }
}
