import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { CreateBucketCommand, HeadBucketCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { assertSafeKey, type BlobStorage, type ByteRange, type PutOptions } from "@/lib/storage";
import { S3Storage, type S3StorageOptions } from "@/lib/storage-s3";

/**
 * An S3-compatible bucket for a test: the server named by S3_TEST_ENDPOINT
 * when there is one (the s3rver CI starts, or a real provider's test bucket),
 * with the bucket S3_TEST_BUCKET ("callback-test", created when missing) and
 * the credentials S3_TEST_ACCESS_KEY_ID and S3_TEST_SECRET_ACCESS_KEY (any key
 * works on s3rver); else s3rver in this process on a free port in a temporary
 * directory. Each call works under a key prefix of its own, so test files and
 * runs that share a bucket never see each other's objects, and `stop` removes
 * what it stored.
 */
export async function testBucket(): Promise<{
  storage: BlobStorage;
  options: S3StorageOptions;
  stop(): Promise<void>;
}> {
  const bucket = process.env.S3_TEST_BUCKET || "callback-test";
  let endpoint = process.env.S3_TEST_ENDPOINT;
  let stopServer = async () => {};
  if (!endpoint) {
    const directory = await mkdtemp(path.join(tmpdir(), "callback-s3-"));
    const server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      directory,
      silent: true,
      configureBuckets: [{ name: bucket }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    stopServer = async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    };
  }
  const options: S3StorageOptions = {
    bucket,
    region: process.env.S3_TEST_REGION || "us-east-1",
    endpoint,
    accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID || "S3RVER",
    secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY || "S3RVER",
    forcePathStyle: true,
  };
  await ensureBucket(options);
  const storage = new PrefixedStorage(new S3Storage(options), `test-run-${randomBytes(6).toString("hex")}/`);
  return {
    storage,
    options,
    async stop() {
      try {
        await storage.deleteAll();
      } finally {
        await stopServer();
      }
    },
  };
}

async function ensureBucket(options: S3StorageOptions) {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
  } catch (error) {
    if (!(error instanceof S3ServiceException) || error.$metadata.httpStatusCode !== 404) throw error;
    try {
      await client.send(new CreateBucketCommand({ Bucket: options.bucket }));
    } catch (createError) {
      if (!(createError instanceof S3ServiceException) || createError.name !== "BucketAlreadyOwnedByYou") {
        throw createError;
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * A store seen under a key prefix. Keys are checked as given (so the contract's
 * refusals are the driver's own), then passed on with the prefix in front.
 */
class PrefixedStorage implements BlobStorage {
  constructor(
    private readonly inner: BlobStorage,
    private readonly prefix: string,
  ) {}

  private keyOf(key: string) {
    assertSafeKey(key);
    return this.prefix + key;
  }

  async put(key: string, bytes: Uint8Array, options?: PutOptions) {
    return this.inner.put(this.keyOf(key), bytes, options);
  }

  async putStream(key: string, body: Readable, options?: PutOptions) {
    return this.inner.putStream(this.keyOf(key), body, options);
  }

  async stat(key: string) {
    return this.inner.stat(this.keyOf(key));
  }

  async openRead(key: string, range?: ByteRange) {
    return this.inner.openRead(this.keyOf(key), range);
  }

  async readAll(key: string) {
    return this.inner.readAll(this.keyOf(key));
  }

  async delete(keys: string[]) {
    return this.inner.delete(keys.map((key) => this.keyOf(key)));
  }

  async *list(prefix: string): AsyncIterable<string> {
    for await (const key of this.inner.list(this.prefix + prefix)) yield key.slice(this.prefix.length);
  }

  async presignedUrl(key: string, options: { expiresInSeconds: number; contentType: string; fileName?: string }) {
    return this.inner.presignedUrl(this.keyOf(key), options);
  }

  /** Removes every object this prefix holds. */
  async deleteAll() {
    const keys: string[] = [];
    for await (const key of this.inner.list(this.prefix)) keys.push(key);
    await this.inner.delete(keys);
  }
}
