import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getEnv } from "./env";
import { S3Storage } from "./storage-s3";

/** What the store knows of an object without reading it. */
export interface StoredObject {
  size: number;
  /** A strong validator: changes whenever the bytes do. Quoted, ready for an ETag header. */
  etag: string;
  lastModified: Date;
}

/** An inclusive byte range, as HTTP Range requests count. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PutOptions {
  contentType?: string;
}

/**
 * Where uploaded files live: the local disk under DATA_DIR/uploads (the
 * embedded default), or an S3-compatible bucket. Every read and write
 * streams; `readAll` is for the small files (photos before re-encoding,
 * captions) that are processed whole anyway.
 */
export interface BlobStorage {
  /** Stores a small object held in memory. */
  put(key: string, bytes: Uint8Array, options?: PutOptions): Promise<void>;
  /** Stores an object from a stream, without holding it in memory; readers never see half an object. */
  putStream(key: string, body: Readable, options?: PutOptions): Promise<{ size: number }>;
  /** The object's size and validator, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  /** Streams the object (or one range of it), or null when there is none. */
  openRead(key: string, range?: ByteRange): Promise<Readable | null>;
  /** The whole object in memory, or null: only for small objects. */
  readAll(key: string): Promise<Buffer | null>;
  delete(keys: string[]): Promise<void>;
  /** Every key under a prefix ("" for all), for copying and clean-up. */
  list(prefix: string): AsyncIterable<string>;
  /**
   * A short-lived URL the client can fetch the object from directly (a
   * presigned GET on S3), or null when the store has none and the app serves
   * the bytes itself.
   */
  presignedUrl(
    key: string,
    options: { expiresInSeconds: number; contentType: string; fileName?: string },
  ): Promise<string | null>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** Reads a stream to its end; for small objects only. */
export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export class LocalDiskStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array) {
    await this.putStream(key, Readable.from([Buffer.from(bytes)]));
  }

  async putStream(key: string, body: Readable) {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    let size = 0;
    body.on("data", (chunk: Buffer) => (size += chunk.length));
    try {
      await pipeline(body, createWriteStream(partial));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { size };
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.pathOf(key));
      if (!info.isFile()) return null;
      // Size, modification time and inode change whenever a rename puts new bytes in place.
      const tag = createHash("sha256")
        .update(`${key}:${info.size}:${info.mtimeMs}:${info.ino}`)
        .digest("base64url")
        .slice(0, 27);
      return { size: info.size, etag: `"${tag}"`, lastModified: info.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async openRead(key: string, range?: ByteRange) {
    const file = this.pathOf(key);
    if (!(await this.stat(key))) return null;
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  async readAll(key: string) {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(keys: string[]) {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
  }

  async *list(prefix: string): AsyncIterable<string> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.endsWith(".partial")) continue;
      const key = path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      if (key.startsWith(prefix) && SAFE_KEY.test(key)) yield key;
    }
  }

  async presignedUrl() {
    return null;
  }
}

function isMissing(error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

const globalForStorage = globalThis as unknown as { callbackStorage?: BlobStorage };

/** The store the settings name: the local disk (the default), or an S3-compatible bucket (STORAGE_DRIVER=s3). */
export function getBlobStorage(): BlobStorage {
  globalForStorage.callbackStorage ??= createConfiguredStorage();
  return globalForStorage.callbackStorage;
}

function createConfiguredStorage(): BlobStorage {
  const env = getEnv();
  if (env.STORAGE_DRIVER !== "s3") return diskStorage();
  return new S3Storage({
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
  });
}

/** The local disk store under DATA_DIR/uploads, whatever the settings say (for copying to a bucket). */
export function diskStorage(): LocalDiskStorage {
  return new LocalDiskStorage(path.join(getEnv().dataDir, "uploads"));
}
