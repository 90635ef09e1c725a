import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** Escapes LIKE wildcards so that user text is matched literally. */
function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`);
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
