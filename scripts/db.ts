import "./load-env";
import { rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrateDatabase } from "@/db/client";
import { closeDatabase, databaseTargetFromEnv, getDatabase } from "@/db/index";
import { seedDemoData } from "@/db/seed/demo";
import { getEnv } from "@/lib/env";
import { getBlobStorage } from "@/lib/storage";

const usage = "Usage: tsx scripts/db.ts <migrate|seed|reset> [--yes]";

async function main() {
  const [command, ...flags] = process.argv.slice(2);
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
