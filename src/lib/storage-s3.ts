/**
 * Objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph;
 * decision record 024). Everything streams: large objects go up as a
 * multipart upload of 8 MB parts, reads come down as the object's own body
 * (one range of it when asked). Private media is handed to browsers as
 * presigned GETs, so the bytes need not pass through the app.
 */
import { Readable } from "node:stream";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import {
  assertSafeKey,
  streamToBuffer,
  type BlobStorage,
  type ByteRange,
  type PutOptions,
  type StoredObject,
} from "./storage";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible stores (R2, MinIO, Ceph); AWS S3 when absent. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted stores want. */
  forcePathStyle: boolean;
}

/** The S3-compatible driver of `BlobStorage`, chosen by STORAGE_DRIVER=s3 (see `getBlobStorage`). */
export class S3Storage implements BlobStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  async put(key: string, bytes: Uint8Array, options: PutOptions = {}) {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: options.contentType }),
    );
  }

  async putStream(key: string, body: Readable, options: PutOptions = {}) {
    assertSafeKey(key);
    let size = 0;
    body.on("data", (chunk: Buffer) => (size += chunk.length));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    });
    await upload.done();
    return { size };
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        size: head.ContentLength ?? 0,
        etag: quoted(head.ETag) ?? `"${key}-${head.ContentLength ?? 0}-${head.LastModified?.getTime() ?? 0}"`,
        lastModified: head.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async openRead(key: string, range?: ByteRange): Promise<Readable | null> {
    assertSafeKey(key);
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      const body = object.Body;
      if (!body) return null;
      return body instanceof Readable ? body : Readable.fromWeb(body.transformToWebStream() as never);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async readAll(key: string) {
    const stream = await this.openRead(key);
    return stream ? streamToBuffer(stream) : null;
  }

  async delete(keys: string[]) {
    for (const key of keys) assertSafeKey(key);
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async presignedUrl(key: string, options: { expiresInSeconds: number; contentType: string; fileName?: string }) {
    assertSafeKey(key);
    const disposition = options.fileName
      ? `inline; filename="${options.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"`
      : "inline";
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: Math.max(1, Math.floor(options.expiresInSeconds)) },
    );
  }
}

/** S3 sends ETags quoted; a few compatible stores do not. Ours are always quoted, as an ETag header wants them. */
function quoted(etag: string | undefined) {
  if (!etag) return undefined;
  return etag.startsWith('"') ? etag : `"${etag}"`;
}

function isMissing(error: unknown) {
  if (error instanceof S3ServiceException) {
    return error.$metadata.httpStatusCode === 404 || error.name === "NotFound" || error.name === "NoSuchKey";
  }
  return false;
}
