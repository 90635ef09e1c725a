import { getEnv } from "@/lib/env";
import { openDatabase, type DatabaseHandle, type DatabaseTarget, type Db } from "./client";

export type { Db } from "./client";

/**
 * The app's database, opened on first use and kept on globalThis: Next.js may
 * load this module more than once in one process, and only one PGlite instance
 * may ever own a data directory.
 */
const globalForDb = globalThis as unknown as { callbackDatabase?: DatabaseHandle };

export function databaseTargetFromEnv(): DatabaseTarget {
  const env = getEnv();
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE };
  return { kind: "pglite", dataDir: `${env.dataDir}/db` };
}

export function getDatabase(): DatabaseHandle {
  globalForDb.callbackDatabase ??= openDatabase(databaseTargetFromEnv());
  return globalForDb.callbackDatabase;
}

export function getDb(): Db {
  return getDatabase().db;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.callbackDatabase;
  globalForDb.callbackDatabase = undefined;
  await handle?.close();
}
