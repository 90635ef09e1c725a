import { beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "@/test/memory-storage";
import { parseRange, serveStoredObject, signatureSecondsLeft, signMediaPath, verifyMediaPath } from "./media-delivery";

const KEY = "media/test/original";
const SIZE = 1000;
const bytes = Buffer.from(Array.from({ length: SIZE }, (_, index) => index % 251));
const options = { contentType: "video/mp4", cacheControl: "public, max-age=31536000, immutable" };

let storage: MemoryStorage;
beforeEach(async () => {
  storage = new MemoryStorage();
  await storage.put(KEY, bytes);
});

function get(headers: Record<string, string> = {}, method = "GET") {
  return serveStoredObject(storage, KEY, new Request("http://localhost/file", { method, headers }), options);
}

async function body(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

describe("serveStoredObject", () => {
  it("answers the whole file with its validator, length and range support", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(response.headers.get("content-length")).toBe(String(SIZE));
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("cache-control")).toBe(options.cacheControl);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it("streams from the store and never reads the whole object", async () => {
    const readAll = vi.spyOn(storage, "readAll");
    const openRead = vi.spyOn(storage, "openRead");
    const response = await get({ range: "bytes=10-19" });
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(openRead).toHaveBeenCalledWith(KEY, { start: 10, end: 19 });
    expect(readAll).not.toHaveBeenCalled();
    expect((await body(response)).equals(bytes.subarray(10, 20))).toBe(true);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, SIZE - 1],
    ["bytes=-100", SIZE - 100, SIZE - 1],
    ["bytes=900-5000", 900, SIZE - 1],
    ["bytes=-5000", 0, SIZE - 1],
  ])("answers %s with 206 and the bytes asked for", async (range, start, end) => {
    const response = await get({ range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect((await body(response)).equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=5-2", "bytes=-0", "bytes=-", "bytes=abc", "bytes=1-2-3"])(
    "refuses %s with 416 and the size",
    async (range) => {
      const response = await get({ range });
      expect(response.status).toBe(416);
      expect(response.headers.get("content-range")).toBe(`bytes */${SIZE}`);
      expect(((await response.json()) as { code: string }).code).toBe("range_not_satisfiable");
    },
  );

  it("answers several ranges with the whole file", async () => {
    const response = await get({ range: "bytes=0-9, 20-29" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(SIZE));
    expect((await body(response)).length).toBe(SIZE);
  });

  it("ignores a range in a unit it does not know", async () => {
    const response = await get({ range: "items=0-9" });
    expect(response.status).toBe(200);
  });

  it("answers 304 when the browser already has this version", async () => {
    const etag = (await get()).headers.get("etag")!;
    const response = await get({ "if-none-match": etag });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.body).toBeNull();
    expect((await get({ "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
  });

  it("honours a range under If-Range only while the validator still matches", async () => {
    const etag = (await get()).headers.get("etag")!;
    const current = await get({ range: "bytes=0-9", "if-range": etag });
    expect(current.status).toBe(206);
    const stale = await get({ range: "bytes=0-9", "if-range": '"stale"' });
    expect(stale.status).toBe(200);
    expect((await body(stale)).length).toBe(SIZE);
    const dated = await get({ range: "bytes=0-9", "if-range": new Date().toUTCString() });
    expect(dated.status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const openRead = vi.spyOn(storage, "openRead");
    const whole = await get({}, "HEAD");
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(SIZE));
    expect(whole.body).toBeNull();
    const part = await get({ range: "bytes=0-99" }, "HEAD");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-length")).toBe("100");
    expect(part.body).toBeNull();
    expect(openRead).not.toHaveBeenCalled();
  });

  it("answers 404 for a missing object", async () => {
    const response = await serveStoredObject(storage, "media/none/original", new Request("http://localhost/"), options);
    expect(response.status).toBe(404);
  });

  it("names the file in Content-Disposition when asked", async () => {
    const response = await serveStoredObject(storage, KEY, new Request("http://localhost/"), {
      ...options,
      fileName: 'Jo "CV" \u00e9.pdf',
      disposition: "attachment",
    });
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Jo _CV_ _.pdf"; filename*=UTF-8''${encodeURIComponent('Jo "CV" \u00e9.pdf')}`,
    );
    const inline = await serveStoredObject(storage, KEY, new Request("http://localhost/"), {
      ...options,
      disposition: "inline",
    });
    expect(inline.headers.get("content-disposition")).toBe("inline");
  });

  it("serves an empty object whole, and refuses any range of it", async () => {
    await storage.put("media/empty/original", new Uint8Array());
    const request = (headers: Record<string, string> = {}) =>
      serveStoredObject(storage, "media/empty/original", new Request("http://localhost/", { headers }), options);
    const whole = await request();
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe("0");
    expect((await request({ range: "bytes=-10" })).status).toBe(416);
    expect((await request({ range: "bytes=0-" })).status).toBe(416);
  });
});

describe("parseRange", () => {
  it("reads one range and leaves the rest to the whole file", () => {
    expect(parseRange("bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange("BYTES = 2 - 3", 10)).toEqual({ start: 2, end: 3 });
    expect(parseRange("bytes=0-1,3-4", 10)).toBeNull();
    expect(parseRange("pages=1-2", 10)).toBeNull();
    expect(parseRange("bytes=99999999999999999999-", 10)).toBe("unsatisfiable");
  });
});

describe("signed media paths", () => {
  const secret = "test-secret-0123456789abcdef0123456789";
  const path = "/api/media/0b5c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e/v2/original";
  const now = new Date("2026-01-01T12:00:00Z");
  const inFifteen = new Date(now.getTime() + 15 * 60_000);

  function paramsOf(signed: string) {
    return new URL(signed, "http://localhost").searchParams;
  }

  it("verifies a path it signed until it expires", () => {
    const signed = signMediaPath(path, inFifteen, secret);
    expect(signed.startsWith(`${path}?exp=`)).toBe(true);
    const params = paramsOf(signed);
    expect(verifyMediaPath(path, params, now, secret)).toBe(true);
    expect(signatureSecondsLeft(params, now)).toBe(900);
    expect(verifyMediaPath(path, params, new Date(now.getTime() + 14 * 60_000), secret)).toBe(true);
  });

  it("refuses an expired signature", () => {
    const params = paramsOf(signMediaPath(path, inFifteen, secret));
    expect(verifyMediaPath(path, params, inFifteen, secret)).toBe(false);
    expect(verifyMediaPath(path, params, new Date(inFifteen.getTime() + 1000), secret)).toBe(false);
    expect(signatureSecondsLeft(params, inFifteen)).toBe(0);
  });

  it("refuses a signature moved to another path", () => {
    const params = paramsOf(signMediaPath(path, inFifteen, secret));
    expect(verifyMediaPath(path.replace("/v2/", "/v3/"), params, now, secret)).toBe(false);
    expect(verifyMediaPath(path.replace("original", "poster"), params, now, secret)).toBe(false);
  });

  it("refuses a tampered expiry or signature", () => {
    const params = paramsOf(signMediaPath(path, inFifteen, secret));
    const later = new URLSearchParams(params);
    later.set("exp", String(Number(params.get("exp")) + 3600));
    expect(verifyMediaPath(path, later, now, secret)).toBe(false);
    const forged = new URLSearchParams(params);
    const sig = params.get("sig")!;
    forged.set("sig", `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`);
    expect(verifyMediaPath(path, forged, now, secret)).toBe(false);
    expect(verifyMediaPath(path, params, now, `${secret}-other`)).toBe(false);
  });

  it("refuses missing or malformed parameters", () => {
    const params = paramsOf(signMediaPath(path, inFifteen, secret));
    expect(verifyMediaPath(path, new URLSearchParams(), now, secret)).toBe(false);
    expect(verifyMediaPath(path, new URLSearchParams({ exp: params.get("exp")! }), now, secret)).toBe(false);
    expect(verifyMediaPath(path, new URLSearchParams({ sig: params.get("sig")! }), now, secret)).toBe(false);
    expect(verifyMediaPath(path, new URLSearchParams({ exp: "soon", sig: params.get("sig")! }), now, secret)).toBe(
      false,
    );
  });
});
