import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { lockEmbeddedDatabase } from "./embedded-lock";
import * as schema from "./schema";

export type Schema = typeof schema;

/**
 * The database every query and mutation takes as its first argument: the
 * embedded PGlite database, a PostgreSQL pool, or a transaction of either.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseTarget =
  { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; dataDir: string | null };

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseTarget["kind"];
  /** Receives NOTIFY payloads on a channel until the returned function is called. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Connections of the pool now: open, idle, and clients waiting for one (the embedded database has one). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
};

export const migrationsFolder = path.join(process.cwd(), "src/db/migrations");

/** One key for every process that migrates this database, so two instances never migrate at once. */
const MIGRATION_LOCK_KEY = 727_001;

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection that the server ends (a restart, a failover) is dropped from the pool, not fatal.
    pool.on("error", () => undefined);
    const db = drizzlePostgres(pool, { schema });
    return {
      db,
      kind: "postgres",
      listen: (channel, onPayload) => listenOnPostgres(target.url, channel, onPayload),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }
  // PGlite does not create parent directories itself; null means in memory.
  const releaseLock = target.dataDir ? lockEmbeddedDatabase(target.dataDir) : () => undefined;
  const client = new PGlite(target.dataDir ?? "memory://");
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "pglite",
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    poolStats: () => ({ total: 1, idle: 0, waiting: 0 }),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other
 * queries). If the connection drops, it reconnects and listens again.
 */
async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void) {
  let stopped = false;
  let client: pg.Client | null = null;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on(
      "notification",
      (message) => message.channel === channel && message.payload !== undefined && onPayload(message.payload),
    );
    next.on("error", () => {
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

/**
 * Whether every migration in the migrations folder has been applied: the
 * newest one recorded in the database is the newest one shipped.
 */
export async function areMigrationsCurrent(handle: DatabaseHandle): Promise<boolean> {
  const shipped = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  try {
    const result = await handle.db.execute(
      sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`,
    );
    const rows = (result as unknown as { rows: { applied: string | null }[] }).rows;
    return Number(rows[0]?.applied ?? 0) >= shipped;
  } catch {
    return false;
  }
}

/** Applies every pending migration. On PostgreSQL an advisory lock serialises concurrent callers. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    return;
  }
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const connection = await pool.connect();
  try {
    await connection.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePostgres(drizzlePostgres(connection, { schema }), { migrationsFolder });
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    connection.release();
  }
}
