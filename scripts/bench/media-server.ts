/**
 * The media benchmark's server: one process serving one stored object with
 * the app's own delivery code (serveStoredObject: Range, ETag, streaming),
 * from the disk store or a bucket, so its peak memory can be read apart from
 * the client's. Started by scripts/bench/media.ts; prints "ready <port>".
 */
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { serveStoredObject } from "../../src/lib/media-delivery";
import { LocalDiskStorage, type BlobStorage } from "../../src/lib/storage";
import { S3Storage } from "../../src/lib/storage-s3";

const config = JSON.parse(process.env.BENCH_MEDIA_STORE ?? "{}") as
  { driver: "disk"; root: string } | { driver: "s3"; endpoint: string; bucket: string };

const storage: BlobStorage =
  config.driver === "disk"
    ? new LocalDiskStorage(config.root)
    : new S3Storage({
        bucket: config.bucket,
        region: "us-east-1",
        endpoint: config.endpoint,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      });

const server = createServer(async (req, res) => {
  const key = decodeURIComponent(new URL(req.url ?? "/", "http://bench").pathname.slice(1));
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const response = await serveStoredObject(
    storage,
    key,
    new Request(`http://bench/${key}`, { method: req.method, headers }),
    {
      contentType: "video/mp4",
      cacheControl: "private, max-age=60",
    },
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return res.end();
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  body.pipe(res);
  res.on("close", () => body.destroy());
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
