import type { Db } from "@/db/client";

type QueryFn = (...args: unknown[]) => Promise<unknown>;
type Driver = { query: QueryFn };

function textOf(query: unknown): string {
  if (typeof query === "string") return query;
  if (typeof query === "object" && query !== null && "text" in query) return String(query.text);
  return String(query);
}

/**
 * Records every statement a database handle sends to its driver (PGlite or the
 * node-postgres pool) while `run` runs: one entry per round trip, with its SQL
 * text. For tests that hold a page's reads to a number of statements.
 */
export async function recordStatements<T>(db: Db, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const driver = (db as unknown as { $client: Driver }).$client;
  const hadOwn = Object.prototype.hasOwnProperty.call(driver, "query");
  const original = driver.query;
  const statements: string[] = [];
  driver.query = function (this: Driver, ...args: unknown[]) {
    statements.push(textOf(args[0]));
    return original.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    if (hadOwn) driver.query = original;
    else Reflect.deleteProperty(driver, "query");
  }
}
