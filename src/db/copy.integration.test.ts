import { verifyPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import { MemoryStorage } from "@/test/memory-storage";
import { migrateDatabase, openDatabase, type Db } from "./client";
import { copyDatabase } from "./copy";
import { accounts, users } from "./schema/auth";
import { subscriptionChanges } from "./schema/billing";
import { DEMO_PASSWORD, seedDemoData } from "./seed/demo";

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (
    (await db.execute(
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    )) as unknown as { rows: { tablename: string }[] }
  ).rows;
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const result = (await db.execute(
      sql`select count(*)::int as total from ${sql.identifier(tablename)}`,
    )) as unknown as { rows: { total: number }[] };
    counts[tablename] = result.rows[0]!.total;
  }
  return counts;
}

/** The move from the embedded database to PostgreSQL (or, without TEST_DATABASE_URL, to a second embedded one). */
describe("copying the demo data set to a new database", () => {
  const source = openDatabase({ kind: "pglite", dataDir: null });
  let target: Db;
  beforeAll(async () => {
    await migrateDatabase(source);
    await seedDemoData(source.db, new MemoryStorage());
    ({ db: target } = await freshDatabase());
  }, 120_000);
  afterAll(() => source.close());

  it("copies every row of every table, keeps history as it was, and continues the sequences", async () => {
    const before = await tableCounts(source.db);
    const report = await copyDatabase(source.db, target);
    expect(Object.fromEntries(report.map((entry) => [entry.table, entry.rows]))).toEqual(before);
    expect(await tableCounts(target)).toEqual(before);
    expect(before.users).toBeGreaterThan(180);
    expect(before.messages).toBeGreaterThan(100);

    // Subscription history copied, not rewritten by the target's trigger.
    const history = (rows: { userId: string; status: string; at: Date }[]) =>
      rows.map((row) => `${row.userId}|${row.status}|${row.at.toISOString()}`).sort();
    expect(history(await target.select().from(subscriptionChanges))).toEqual(
      history(await source.db.select().from(subscriptionChanges)),
    );
    // The trigger is back on, and new history rows get ids after the copied ones.
    const [{ next }] = (
      (await target.execute(
        sql`select nextval(pg_get_serial_sequence('public.subscription_changes', 'id'))::int as next`,
      )) as unknown as { rows: { next: number }[] }
    ).rows as [{ next: number }];
    expect(next).toBeGreaterThan(before.subscription_changes!);
    const [trigger] = (
      (await target.execute(
        sql`select tgenabled from pg_trigger where tgname = 'subscriptions_record_change'`,
      )) as unknown as { rows: { tgenabled: string }[] }
    ).rows;
    expect(trigger?.tgenabled).toBe("O");
  });

  it("keeps accounts usable: the demo password still verifies on the copy", async () => {
    const [row] = await target
      .select({ hash: accounts.password })
      .from(users)
      .innerJoin(accounts, eq(accounts.userId, users.id))
      .where(eq(users.email, "talent@callback.test"));
    expect(await verifyPassword({ hash: row!.hash!, password: DEMO_PASSWORD })).toBe(true);
  });

  it("refuses a target that already holds accounts, changing nothing", async () => {
    const before = await tableCounts(target);
    await expect(copyDatabase(source.db, target)).rejects.toThrow("already holds accounts");
    expect(await tableCounts(target)).toEqual(before);
  });
});
