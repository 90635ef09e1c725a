import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase, openDatabase, type DatabaseHandle, type Db } from "@/db/client";

/**
 * What to undo when the test file is done. freshDatabase is mostly called from
 * a beforeAll, where Vitest takes no new afterAll hooks, so the cleanups are
 * kept here and run by the file-level afterAll of src/test/setup.ts.
 */
const cleanups: (() => Promise<void>)[] = [];

export async function closeFreshDatabases(): Promise<void> {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new throwaway database on the PostgreSQL server at TEST_DATABASE_URL.
 * It is closed (and on PostgreSQL dropped) when the file's tests are done.
 */
export async function freshDatabase(): Promise<{ db: Db; handle: DatabaseHandle }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ kind: "pglite", dataDir: null });
    await migrateDatabase(handle);
    cleanups.push(() => handle.close());
    return { db: handle.db, handle };
  }

  const name = `callback_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  cleanups.push(async () => {
    await handle.close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  await migrateDatabase(handle);
  return { db: handle.db, handle };
}
