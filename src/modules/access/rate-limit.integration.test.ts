import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import type { Db } from "@/db";
import { admitSignIn, hitRateLimit, isRateLimited, recordFailedSignIn } from "./rate-limit";
import { rateLimitRules } from "./rate-limit-rules";

describe("database-backed rate limits", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("allows hits up to the limit within a window, then refuses until the next window", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const now = new Date("2026-11-21T10:00:10Z");
    const results = [];
    for (let hit = 0; hit < 4; hit += 1) results.push((await hitRateLimit(db, "test:window", rule, now)).allowed);
    expect(results).toEqual([true, true, true, false]);
    expect(await isRateLimited(db, "test:window", rule, now)).toBe(true);
    const nextWindow = new Date("2026-11-21T10:01:00Z");
    expect((await hitRateLimit(db, "test:window", rule, nextWindow)).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const rule = { limit: 1000, windowSeconds: 60 };
    const now = new Date();
    await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, "test:concurrent", rule, now)));
    expect(await isRateLimited(db, "test:concurrent", { limit: 25, windowSeconds: 60 }, now)).toBe(true);
    expect(await isRateLimited(db, "test:concurrent", { limit: 26, windowSeconds: 60 }, now)).toBe(false);
  });

  it("locks an email after repeated failed sign-ins, without affecting other emails", async () => {
    for (let attempt = 0; attempt < rateLimitRules.failedSignInPerEmail.limit; attempt += 1) {
      await recordFailedSignIn(db, "victim@example.test");
    }
    expect(await admitSignIn(db, "203.0.113.5", "victim@example.test")).toMatchObject({ allowed: false });
    expect(await admitSignIn(db, "203.0.113.5", "someone-else@example.test")).toEqual({ allowed: true });
  });
});
