import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { getBlobStorage } from "@/lib/storage";
import { migrateDatabase } from "./client";
import { getDatabase } from "./index";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";

/**
 * Brings the database up to date before the server takes requests: applies
 * pending migrations, then, on first start of an empty embedded database (or
 * whenever SEED_DEMO_DATA=always), adds the demo data set.
 */
export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const log = getLogger();
  const handle = getDatabase();
  const started = Date.now();
  await migrateDatabase(handle);
  log.info({ database: handle.kind, ms: Date.now() - started }, "database migrated");

  const shouldSeed =
    env.SEED_DEMO_DATA === "always" ||
    (env.SEED_DEMO_DATA === "auto" && handle.kind === "pglite" && (await isDatabaseEmpty(handle.db)));
  if (shouldSeed) {
    const seeded = await seedDemoData(handle.db, getBlobStorage());
    log.info({ ...seeded, ms: Date.now() - started }, "demo data seeded");
  }
}
