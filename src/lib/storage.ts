import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "./env";

/**
 * Where uploaded files live. The local disk store keeps them under
 * DATA_DIR/uploads; an S3-compatible store can implement the same interface.
 */
export interface BlobStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(keys: string[]): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

export class LocalDiskStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer) {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }

  async get(key: string) {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(keys: string[]) {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
  }
}

const globalForStorage = globalThis as unknown as { callbackStorage?: BlobStorage };

export function getBlobStorage(): BlobStorage {
  globalForStorage.callbackStorage ??= new LocalDiskStorage(path.join(getEnv().dataDir, "uploads"));
  return globalForStorage.callbackStorage;
}
