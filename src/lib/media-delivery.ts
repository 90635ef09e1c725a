import { createHmac, timingSafeEqual } from "node:crypto";
import type { Readable } from "node:stream";
import { getEnv } from "./env";
import { errorResponse } from "./http";
import type { BlobStorage, ByteRange } from "./storage";

export interface ServeOptions {
  contentType: string;
  cacheControl: string;
  /** Named in Content-Disposition when given. */
  fileName?: string;
  disposition?: "inline" | "attachment";
}

/**
 * Answers a GET or HEAD for one stored object, streaming it from the store
 * (never whole in memory): a strong ETag with If-None-Match -> 304, one byte
 * range -> 206 (If-Range honoured), a range that cannot be met -> 416 with
 * the size, several ranges -> the whole file. A missing object is a 404.
 */
export async function serveStoredObject(
  storage: BlobStorage,
  key: string,
  request: Request,
  options: ServeOptions,
): Promise<Response> {
  const object = await storage.stat(key);
  if (!object) return errorResponse("not_found", undefined, { headers: { "X-Content-Type-Options": "nosniff" } });

  const headers = new Headers({
    "Cache-Control": options.cacheControl,
    ETag: object.etag,
    "Last-Modified": object.lastModified.toUTCString(),
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });

  if (matchesAny(request.headers.get("if-none-match"), object.etag)) {
    return new Response(null, { status: 304, headers });
  }

  headers.set("Content-Type", options.contentType);
  if (options.fileName || options.disposition) {
    headers.set("Content-Disposition", contentDisposition(options.disposition ?? "inline", options.fileName));
  }

  let range: ByteRange | null = null;
  const rangeHeader = request.headers.get("range");
  if (rangeHeader !== null && ifRangeAllows(request.headers.get("if-range"), object.etag)) {
    const parsed = parseRange(rangeHeader, object.size);
    if (parsed === "unsatisfiable") {
      return errorResponse("range_not_satisfiable", undefined, {
        headers: {
          "Content-Range": `bytes */${object.size}`,
          "Accept-Ranges": "bytes",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }
    range = parsed;
  }

  const status = range ? 206 : 200;
  const length = range ? range.end - range.start + 1 : object.size;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${object.size}`);

  if (request.method === "HEAD") return new Response(null, { status, headers });

  // An empty object needs no stream (and a range of it is never satisfiable).
  if (object.size === 0) return new Response(null, { status, headers });
  const stream = await storage.openRead(key, range ?? undefined);
  if (!stream) return errorResponse("not_found", undefined, { headers: { "X-Content-Type-Options": "nosniff" } });
  return new Response(webStreamOf(stream), { status, headers });
}

/**
 * A web stream over a Node stream, read only as fast as the client takes it.
 * A player that goes away mid-file (every seek does) cancels it, and the store's
 * stream is destroyed; Readable.toWeb can instead throw on a closed controller.
 */
function webStreamOf(stream: Readable): ReadableStream<Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value instanceof Uint8Array ? value : Buffer.from(value as string));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        stream.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * One byte range of an object of `size` bytes, from a Range header:
 * null to serve the whole object (no bytes unit, several ranges, or
 * something we do not read), "unsatisfiable" for a range outside the object
 * or written backwards (answered 416).
 */
export function parseRange(header: string, size: number): ByteRange | null | "unsatisfiable" {
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return null;
  const spec = match[1]!.trim();
  // Several ranges would need a multipart answer; the whole file serves every player we know.
  if (spec.includes(",")) return null;
  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!parts) return "unsatisfiable";
  const [, first = "", last = ""] = parts;
  if (first === "" && last === "") return "unsatisfiable";
  if (first === "") {
    // A suffix: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return "unsatisfiable";
  if (last === "") return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

function stripWeak(tag: string) {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}

/** If-None-Match uses the weak comparison: any listed tag (or *) matches. */
function matchesAny(header: string | null, etag: string) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => stripWeak(tag.trim()) === stripWeak(etag));
}

/** If-Range uses the strong comparison; a date (or a weak tag) never matches, so the whole file is sent. */
function ifRangeAllows(header: string | null, etag: string) {
  if (header === null) return true;
  return header.trim() === etag;
}

function contentDisposition(type: "inline" | "attachment", fileName?: string) {
  if (!fileName) return type;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// Signed media paths: /api/media/<id>/v<version>/<variant>?exp=<unix seconds>&sig=<HMAC>.

function mediaSignature(path: string, exp: string, secret: string) {
  return createHmac("sha256", `${secret}:media-url`).update(`${path}\n${exp}`).digest("base64url");
}

/** The path with `exp` and `sig` added: anyone holding it may fetch that path until `expiresAt`. */
export function signMediaPath(path: string, expiresAt: Date, secret = getEnv().BETTER_AUTH_SECRET): string {
  const exp = String(Math.floor(expiresAt.getTime() / 1000));
  const separator = path.includes("?") ? "&" : "?";
  return `${path}${separator}exp=${exp}&sig=${mediaSignature(path, exp, secret)}`;
}

/** True when `params` carry an unexpired signature made for exactly this path. */
export function verifyMediaPath(
  path: string,
  params: URLSearchParams,
  now = new Date(),
  secret = getEnv().BETTER_AUTH_SECRET,
): boolean {
  const exp = params.get("exp");
  const sig = params.get("sig");
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || sig.length > 100) return false;
  if (Number(exp) * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(mediaSignature(path, exp, secret));
  const actual = Buffer.from(sig);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Seconds a signature has left (0 when expired or absent). */
export function signatureSecondsLeft(params: URLSearchParams, now = new Date()): number {
  const exp = Number(params.get("exp"));
  if (!Number.isFinite(exp)) return 0;
  return Math.max(0, Math.floor(exp - now.getTime() / 1000));
}
