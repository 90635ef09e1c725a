import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { createTalent } from "@/db/seed/factories";
import { AppError } from "@/lib/errors";
import { freshDatabase } from "@/test/database";
import { getStorageUse, releaseReservation, releaseStorage, reserveStorage, settleReservation } from "./quota";

const MB = 1024 * 1024;

describe("storage quotas", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("reserves, settles and releases, counting used and reserved bytes apart", async () => {
    const talent = await createTalent(db);
    expect(await getStorageUse(db, talent.id, 100 * MB)).toEqual({
      usedBytes: 0,
      reservedBytes: 0,
      quotaBytes: 100 * MB,
    });
    await reserveStorage(db, talent.id, 40 * MB, 100 * MB);
    await reserveStorage(db, talent.id, 30 * MB, 100 * MB);
    expect(await getStorageUse(db, talent.id, 100 * MB)).toMatchObject({ usedBytes: 0, reservedBytes: 70 * MB });
    await settleReservation(db, talent.id, 40 * MB, 39 * MB);
    expect(await getStorageUse(db, talent.id, 100 * MB)).toMatchObject({ usedBytes: 39 * MB, reservedBytes: 30 * MB });
    await releaseReservation(db, talent.id, 30 * MB);
    await releaseStorage(db, talent.id, 39 * MB);
    expect(await getStorageUse(db, talent.id, 100 * MB)).toMatchObject({ usedBytes: 0, reservedBytes: 0 });
  });

  it("refuses a file that does not fit, saying what it needs and what is left", async () => {
    const talent = await createTalent(db);
    await reserveStorage(db, talent.id, 1800 * MB, 2048 * MB);
    await settleReservation(db, talent.id, 1800 * MB, 1800 * MB);
    const refusal = await reserveStorage(db, talent.id, 300 * MB, 2048 * MB).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("quota_exceeded");
    expect((refusal as AppError).message).toBe(
      "This file needs 300 MB, but only 248 MB of your 2 GB storage is left. Remove a file to make room.",
    );
    // A first reservation larger than the whole quota is refused too (no row is made for it).
    const other = await createTalent(db);
    await expect(reserveStorage(db, other.id, 3000 * MB, 2048 * MB)).rejects.toThrow(/only 2 GB of your 2 GB/);
    expect(await getStorageUse(db, other.id, 2048 * MB)).toMatchObject({ usedBytes: 0, reservedBytes: 0 });
  });

  it("lets only the reservations that fit succeed when twenty arrive at once", async () => {
    const talent = await createTalent(db);
    const quota = 100 * MB;
    await reserveStorage(db, talent.id, 5 * MB, quota);
    await settleReservation(db, talent.id, 5 * MB, 5 * MB);
    // 95 MB left; twenty 10 MB reservations at once: exactly nine fit.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserveStorage(db, talent.id, 10 * MB, quota)),
    );
    const fulfilled = results.filter((result) => result.status === "fulfilled").length;
    expect(fulfilled).toBe(9);
    for (const result of results) {
      if (result.status === "rejected") expect((result.reason as AppError).code).toBe("quota_exceeded");
    }
    const use = await getStorageUse(db, talent.id, quota);
    expect(use).toMatchObject({ usedBytes: 5 * MB, reservedBytes: 90 * MB });
    expect(use.usedBytes + use.reservedBytes).toBeLessThanOrEqual(quota);
  });

  it("never overfills an account's first row when its first reservations race", async () => {
    const talent = await createTalent(db);
    const quota = 50 * MB;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserveStorage(db, talent.id, 7 * MB, quota)),
    );
    expect(results.filter((result) => result.status === "fulfilled").length).toBe(7);
    const use = await getStorageUse(db, talent.id, quota);
    expect(use.reservedBytes).toBe(49 * MB);
  });
});
