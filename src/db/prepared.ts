import type { Db } from "./client";

/**
 * A query built once per database handle (the pool, the embedded database or a
 * transaction) and prepared under a name: its SQL text is not built again on
 * each call, and PostgreSQL parses and plans it once per connection. For the
 * hottest reads only (inbox, a conversation's page, the unread badge); the
 * values go in as placeholders (`sql.placeholder`).
 */
export function preparedQuery<Query extends { prepare(name: string): unknown }>(
  name: string,
  build: (db: Db) => Query,
): (db: Db) => ReturnType<Query["prepare"]> {
  const prepared = new WeakMap<Db, ReturnType<Query["prepare"]>>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db).prepare(name) as ReturnType<Query["prepare"]>;
      prepared.set(db, query);
    }
    return query;
  };
}
