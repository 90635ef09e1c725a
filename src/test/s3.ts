import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { S3Storage, type S3StorageOptions } from "@/lib/storage-s3";

/**
 * An S3-compatible bucket for a test file: the server CI starts
 * (S3_TEST_ENDPOINT) when there is one, else s3rver in this process on a free
 * port. Each call gets a bucket of its own.
 */
export async function testBucket(): Promise<{ storage: S3Storage; options: S3StorageOptions; stop(): Promise<void> }> {
  let endpoint = process.env.S3_TEST_ENDPOINT;
  let stop = async () => {};
  if (!endpoint) {
    const directory = await mkdtemp(path.join(tmpdir(), "callback-s3-"));
    const server = new S3rver({ port: 0, address: "127.0.0.1", directory, silent: true });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    stop = async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    };
  }
  const options: S3StorageOptions = {
    bucket: `callback-test-${Math.random().toString(36).slice(2, 10)}`,
    region: "us-east-1",
    endpoint,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  const client = new S3Client({
    region: options.region,
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  await client.send(new CreateBucketCommand({ Bucket: options.bucket }));
  client.destroy();
  return { storage: new S3Storage(options), options, stop };
}
