import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/**
 * Escapes LIKE wildcards so that user text is matched literally. NUL is
 * dropped: no stored text holds it, and PostgreSQL refuses it in a parameter.
 */
function escapeLike(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u0000/g, "")
    .replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A lowercase LIKE pattern for "contains this text". */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A lowercase LIKE pattern for "starts with this text". */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

/**
 * A timestamp as text with every microsecond, in UTC: the value a keyset
 * cursor carries, so it points exactly between two rows.
 */
export function exactTimestamp(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const KEYSET_CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Whether text is an exact UTC timestamp as `exactTimestamp` writes it, for a
 * real moment (not 2026-02-30 or 25:00), so the database can read it back.
 */
export function isExactTimestamp(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,6})?Z$/.exec(text);
  if (!match || text < "1900") return false;
  const parsed = new Date(`${match[1]}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === match[1];
}

/** The cursor of a "newest first" list: the last row's exact timestamp and id. */
export function keysetCursor(row: { key: string; id: string }): string {
  return `${row.key}|${row.id}`;
}

/**
 * The condition for the rows after a cursor in a list ordered by (time desc,
 * id desc); undefined for no cursor or one that is not ours (the first page),
 * including one whose time is not a real moment.
 */
export function keysetBefore(cursor: string | undefined, time: AnyPgColumn, id: AnyPgColumn): SQL | undefined {
  const match = typeof cursor === "string" ? cursor.match(KEYSET_CURSOR) : null;
  return match && isExactTimestamp(match[1]!)
    ? sql`(${time}, ${id}) < (${match[1]}::timestamptz, ${match[2]})`
    : undefined;
}

/**
 * The UTC calendar day of a timestamp, as 'YYYY-MM-DD' text. Explicitly UTC,
 * so the answer does not depend on the database session's time zone.
 */
export function utcDay(column: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
}

/** The Monday (UTC) of a timestamp's week, as 'YYYY-MM-DD' text. */
export function utcWeek(column: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/**
 * Makes the transactions that name the same key take turns until each ends (a
 * transaction-scoped advisory lock). For rules over rows that may not exist
 * yet, such as "at most N per owner" or "the first event of a customer", where
 * there is no row to lock; two keys sharing a hash only wait for each other.
 */
export async function lockKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * The rows of a statement written in SQL (a data-modifying CTE, say). Column
 * names come as written; timestamps may come as text or as Date depending on
 * the driver, so callers pass them through `new Date(...)`.
 */
export async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: Row[] }).rows;
}

/**
 * Like rowsOf, for a hot statement whose text never changes (only its values
 * do): it is prepared under `name` on each PostgreSQL connection and planned
 * once there, instead of parsed and planned on every call. The embedded
 * database runs it as a plain query.
 */
export async function preparedRowsOf<Row>(db: Db, name: string, query: SQL): Promise<Row[]> {
  const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
  const result = await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
  return (result as unknown as { rows: Row[] }).rows;
}
