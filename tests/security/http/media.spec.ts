import { expect, test } from "@playwright/test";
import { loadFixtures, type Fixtures } from "./fixtures";
import { baseUrl, changedTables, endOfFile, settled } from "./support";

/**
 * The media and photo routes attacked directly: made-up and malformed ids,
 * versions, variants and widths, hostile Range headers, forged, stretched and borrowed signatures.
 * Whatever comes back, nothing answers a 500, nothing is written, and a
 * premium file never reaches someone not allowed to see it.
 */

let fixtures: Fixtures;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  fixtures = await loadFixtures();
});
test.afterAll(endOfFile);

async function fetchMedia(path: string, headers: Record<string, string> = {}, cookie?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

test("hostile media and photo addresses answer 404, never a 500, and write nothing", async () => {
  const problems: string[] = [];
  const reel = fixtures.voiceReelId;
  const photo = fixtures.primaryPhotoId;
  const paths = [
    `/api/media/not-a-uuid/v1/original`,
    `/api/media/${reel}/v0/original`,
    `/api/media/${reel}/v2/original`,
    `/api/media/${reel}/1/original`,
    `/api/media/${reel}/v1e3/original`,
    `/api/media/${reel}/v-1/original`,
    `/api/media/${reel}/v99999999999/original`,
    `/api/media/${reel}/v1/thumb`,
    `/api/media/${reel}/v1/..%2F..%2Fsecret`,
    `/api/media/${reel}/v1/%00`,
    `/api/media/${reel.toUpperCase()}x/v1/original`,
    `/api/media/${"x".repeat(2000)}/v1/original`,
    `/api/media/${crypto.randomUUID()}/v1/original`,
    // Photos: only the widths the route serves, and premium ones (every photo but the main one) need a session.
    `/api/photos/${photo}/thumb-999`,
    `/api/photos/${photo}/thumb-240.webp`,
    `/api/photos/${photo}/..%2Flarge`,
    `/api/photos/${photo}/THUMB`,
    `/api/photos/${photo}/large-`,
    `/api/photos/not-a-uuid/thumb-240`,
    `/api/photos/${crypto.randomUUID()}/large-640`,
    ...fixtures.photoIds
      .filter((id) => id !== fixtures.primaryPhotoId)
      .map((premium) => `/api/photos/${premium}/thumb-240`),
  ];
  const before = await settled();
  for (const path of paths) {
    const answer = await fetchMedia(path);
    if (answer.status !== 404) problems.push(`${path.slice(0, 80)}: ${answer.status}, not 404`);
  }
  const changed = changedTables(before, await settled());
  if (changed.length > 0) problems.push(`changed ${changed.join(", ")}`);
  expect(problems).toEqual([]);
});

test("hostile ranges: a satisfiable one is 206, one outside the file 416 with its size, nonsense the whole file", async () => {
  const path = fixtures.voiceReelPath;
  const whole = await fetchMedia(path);
  expect(whole.status).toBe(200);
  const size = whole.body.length;
  expect(whole.headers.get("cache-control")).toContain("immutable");

  const part = await fetchMedia(path, { Range: "bytes=10-19" });
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe(`bytes 10-19/${size}`);
  expect(part.body.equals(whole.body.subarray(10, 20))).toBe(true);

  for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, "bytes=20-10", "bytes=-0", "bytes=abc"]) {
    const answer = await fetchMedia(path, { Range: range });
    expect(answer.status, range).toBe(416);
    expect(answer.headers.get("content-range"), range).toBe(`bytes */${size}`);
  }
  for (const range of ["items=0-10", "bytes=0-1,5-6", "x".repeat(5000)]) {
    const answer = await fetchMedia(path, { Range: range });
    expect(answer.status, range.slice(0, 20)).toBe(200);
    expect(answer.body.length).toBe(size);
  }
  const stale = await fetchMedia(path, { Range: "bytes=0-9", "If-Range": '"not-the-etag"' });
  expect(stale.status).toBe(200);
});

test("a premium file needs a signature it was given: forged, stretched or moved ones answer 404", async () => {
  const premium = fixtures.premiumReelPath;
  const visitor = await fetchMedia(premium);
  expect(visitor.status).toBe(404);

  // A subscriber's page carries a signed link for it.
  const profile = await fetch(`${baseUrl}/talents/${fixtures.talentProfileId}`, {
    headers: { cookie: fixtures.cookies.pro! },
  });
  const html = await profile.text();
  const signed = new RegExp(`${premium}\\?exp=(\\d+)&amp;sig=([\\w-]+)`).exec(html);
  expect(signed, "a signed link on the subscriber's page").not.toBeNull();
  const [, exp, sig] = signed!;
  expect((await fetchMedia(`${premium}?exp=${exp}&sig=${sig}`)).status).toBe(200);

  const forged = [
    `${premium}?exp=${exp}&sig=${sig!.slice(0, -2)}AA`,
    `${premium}?exp=${Number(exp) + 3600}&sig=${sig}`,
    `${premium}?exp=${exp}`,
    `${premium}?sig=${sig}`,
    `${premium}?exp=${exp}&sig=${"A".repeat(5000)}`,
    `${premium.replace(/original$/, "poster")}?exp=${exp}&sig=${sig}`,
    `/api/media/${fixtures.cvId}/v1/original?exp=${exp}&sig=${sig}`,
    `${premium}?exp=1&sig=${sig}`,
  ];
  for (const path of forged) expect((await fetchMedia(path)).status, path.slice(0, 120)).toBe(404);
  // A free account's session does not stand in for a signature either.
  expect((await fetchMedia(premium, {}, fixtures.cookies.free!)).status).toBe(404);
});
