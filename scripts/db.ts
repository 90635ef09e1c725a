import "./load-env";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { migrateDatabase } from "@/db/client";
import { closeDatabase, databaseTargetFromEnv, getDatabase } from "@/db/index";
import { seedDemoData } from "@/db/seed/demo";
import { getEnv } from "@/lib/env";

const usage = "Usage: tsx scripts/db.ts <migrate|seed|reset> [--yes]";

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed" && command !== "reset") throw new Error(usage);

  if (command === "reset") {
    const target = databaseTargetFromEnv();
    if (target.kind === "postgres" && getEnv().isProduction && !flags.includes("--yes")) {
      throw new Error("Refusing to reset a production PostgreSQL database without --yes.");
    }
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
    const { created } = await seedDemoData(handle.db);
    console.log(`Demo data seeded: ${created} new accounts.`);
  }
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 1;
  });
