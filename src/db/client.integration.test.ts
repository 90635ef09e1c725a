import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import { migrateDatabase } from "./client";
import { isDatabaseHealthy } from "./health";

describe("the database layer", () => {
  it("applies migrations once: running them again, even concurrently, changes nothing", async () => {
    const { db, handle } = await freshDatabase();
    await Promise.all([migrateDatabase(handle), migrateDatabase(handle)]);
    const result = await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: { applied: number }[] }).rows;
    expect(rows[0]?.applied).toBeGreaterThan(0);
    expect(await isDatabaseHealthy(db)).toBe(true);
  });
});
