import "./load-env";
import { rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "@/db/client";
import { copyDatabase } from "@/db/copy";
import { closeDatabase, databaseTargetFromEnv, getDatabase } from "@/db/index";
import { seedDemoData } from "@/db/seed/demo";
import { getEnv } from "@/lib/env";
import { getBlobStorage } from "@/lib/storage";

const usage = "Usage: tsx scripts/db.ts <migrate|seed|reset> [--yes] | copy --to postgres://...";

/**
 * `npm run db:copy -- --to <url>`: copies the embedded database (under DATA_DIR)
 * into a new PostgreSQL database, migrating it first. Stop the server before.
 */
async function copyToPostgres(flags: string[]) {
  const url = flags[flags.indexOf("--to") + 1];
  if (!flags.includes("--to") || !url || !/^postgres(ql)?:\/\//.test(url))
    throw new Error(
      "Name the new PostgreSQL database: npm run db:copy -- --to postgres://user:password@host:5432/callback",
    );
  const source = openDatabase({ kind: "pglite", dataDir: `${getEnv().dataDir}/db` });
  const target = openDatabase({ kind: "postgres", url, poolSize: 2 });
  try {
    await migrateDatabase(source);
    await migrateDatabase(target);
    const report = await copyDatabase(source.db, target.db, (table, rows) =>
      process.stdout.write(`\r  ${`${table}: ${rows.toLocaleString("en")} rows`.padEnd(60)}`),
    );
    process.stdout.write("\n");
    console.log(
      `Copied ${report.reduce((sum, entry) => sum + entry.rows, 0).toLocaleString("en")} rows in ${report.length} tables. Photos stay in ${getEnv().dataDir}/uploads: keep DATA_DIR pointing there.`,
    );
  } finally {
    await source.close();
    await target.close();
  }
}

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  if (command === "copy") return copyToPostgres(flags);
  if (command !== "migrate" && command !== "seed" && command !== "reset") throw new Error(usage);

  if (command === "reset") {
    const target = databaseTargetFromEnv();
    if (target.kind === "postgres" && getEnv().isProduction && !flags.includes("--yes")) {
      throw new Error("Refusing to reset a production PostgreSQL database without --yes.");
    }
    const uploads = path.join(getEnv().dataDir, "uploads");
    rmSync(uploads, { recursive: true, force: true });
    console.log(`Removed uploaded files at ${uploads}.`);
    if (target.kind === "pglite" && target.dataDir) {
      rmSync(target.dataDir, { recursive: true, force: true });
      console.log(`Removed the embedded database at ${target.dataDir}.`);
    } else {
      await getDatabase().db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
      await getDatabase().db.execute(sql`DROP SCHEMA public CASCADE`);
      await getDatabase().db.execute(sql`CREATE SCHEMA public`);
      console.log("Dropped every table of the PostgreSQL database.");
    }
  }

  const handle = getDatabase();
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}).`);
  if (command !== "migrate") {
    const { created, profiles } = await seedDemoData(handle.db, getBlobStorage());
    console.log(`Demo data seeded: ${created} new accounts, ${profiles} new talent profiles.`);
  }
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
