import { sql } from "drizzle-orm";
import type { Db } from "./client";

const BATCH_ROWS = 1_000;

type Rows<T> = { rows: T[] };

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

type ForeignKey = { child: string; parent: string; columns: string[]; nullable: boolean };

async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const rows = await rowsOf<{ child: string; parent: string; columns: string[] | string; nullable: boolean }>(
    db,
    sql`select cl.relname as child, pl.relname as parent,
          array_agg(a.attname::text order by a.attnum) as columns, bool_and(not a.attnotnull) as nullable
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_class pl on pl.oid = c.confrelid
        join pg_namespace n on n.oid = c.connamespace
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and n.nspname = 'public'
        group by c.oid, cl.relname, pl.relname`,
  );
  return rows.map((row) => ({
    ...row,
    columns: Array.isArray(row.columns) ? row.columns : row.columns.replace(/[{}]/g, "").split(","),
  }));
}

/**
 * The tables of the public schema, parents before children by their required
 * foreign keys. A nullable foreign key may point the other way (a profile's
 * primary photo and the photo's profile): those columns are written after
 * every table is copied.
 */
async function copyPlan(db: Db): Promise<{ tables: string[]; deferred: { table: string; columns: string[] }[] }> {
  const tables = (
    await rowsOf<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((row) => row.name);
  const keys = await foreignKeys(db);
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of keys) if (!key.nullable && key.child !== key.parent) parents.get(key.child)?.add(key.parent);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table))
      throw new Error(
        `The tables ${[...path].join(", ")} require each other in a cycle; they cannot be copied in order.`,
      );
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  const position = new Map(ordered.map((table, index) => [table, index]));
  const deferred = new Map<string, Set<string>>();
  for (const key of keys) {
    if (key.nullable && position.get(key.parent)! >= position.get(key.child)!) {
      const columns = deferred.get(key.child) ?? new Set<string>();
      for (const column of key.columns) columns.add(column);
      deferred.set(key.child, columns);
    }
  }
  return { tables: ordered, deferred: [...deferred].map(([table, columns]) => ({ table, columns: [...columns] })) };
}

async function primaryKey(db: Db, table: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`select a.attname::text as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${table}`}::regclass and i.indisprimary order by a.attnum`,
  );
  return rows.map((row) => row.name);
}

/** The columns a row can be written to (generated columns are computed by the target itself). */
async function writableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
  );
  return rows.map((row) => row.name);
}

export type CopyReport = { table: string; rows: number }[];

/**
 * Copies every row of every table from one database to another that is
 * migrated to the same schema and holds no accounts yet (the move from the
 * embedded database to PostgreSQL). It runs in one transaction on the target,
 * so a failure leaves the target as it was; triggers of the target's own
 * (like the subscription history) are paused so history is copied, not
 * rewritten; sequences continue after the copied ids. Rows travel as JSON
 * batches, which keeps every type (arrays, enums, timestamps) intact.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  onProgress: (table: string, rows: number) => void = () => undefined,
): Promise<CopyReport> {
  const [existing] = await rowsOf<{ total: number }>(target, sql`select count(*)::int as total from users`);
  if ((existing?.total ?? 0) > 0)
    throw new Error(
      "The target database already holds accounts. Copy into a new, empty database (run db:migrate on it first or let the copy do it).",
    );
  const { tables, deferred } = await copyPlan(source);
  const report: CopyReport = [];
  await target.transaction(async (tx) => {
    for (const table of tables) await tx.execute(sql`alter table ${sql.identifier(table)} disable trigger user`);
    for (const table of tables) {
      const columns = await writableColumns(source, table);
      const later = new Set(deferred.find((entry) => entry.table === table)?.columns ?? []);
      const list = sql.join(
        columns.map((column) => sql.identifier(column)),
        sql`, `,
      );
      const values = sql.join(
        columns.map((column) => (later.has(column) ? sql`null` : sql.identifier(column))),
        sql`, `,
      );
      let copied = 0;
      for (let offset = 0; ; offset += BATCH_ROWS) {
        const [batch] = await rowsOf<{ rows: string | null }>(
          source,
          sql`select json_agg(t)::text as rows from (select ${list} from ${sql.identifier(table)} order by ctid offset ${offset} limit ${BATCH_ROWS}) t`,
        );
        if (!batch?.rows) break;
        const inserted = await tx.execute(
          sql`insert into ${sql.identifier(table)} (${list}) select ${values} from json_populate_recordset(null::${sql.identifier(table)}, ${batch.rows}::json)`,
        );
        copied +=
          (inserted as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
          JSON.parse(batch.rows).length;
        onProgress(table, copied);
      }
      report.push({ table, rows: copied });
      for (const column of columns) {
        const [sequence] = await rowsOf<{ name: string | null }>(
          tx,
          sql`select pg_get_serial_sequence(${`public.${table}`}, ${column}) as name`,
        );
        if (sequence?.name)
          await tx.execute(
            sql`select setval(${sequence.name}::regclass, greatest(coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0), 1))`,
          );
      }
    }
    for (const { table, columns } of deferred) await copyDeferredColumns(source, tx, table, columns);
    for (const table of tables) await tx.execute(sql`alter table ${sql.identifier(table)} enable trigger user`);
  });
  return report;
}

/** Writes the deferred foreign-key columns of a table, matched on its primary key. */
async function copyDeferredColumns(source: Db, target: Db, table: string, columns: string[]) {
  const keys = await primaryKey(source, table);
  const wanted = sql.join(
    [...keys, ...columns].map((column) => sql.identifier(column)),
    sql`, `,
  );
  const assignments = sql.join(
    columns.map((column) => sql`${sql.identifier(column)} = v.${sql.identifier(column)}`),
    sql`, `,
  );
  const match = sql.join(
    keys.map((key) => sql`t.${sql.identifier(key)} = v.${sql.identifier(key)}`),
    sql` and `,
  );
  const anySet = sql.join(
    columns.map((column) => sql`${sql.identifier(column)} is not null`),
    sql` or `,
  );
  for (let offset = 0; ; offset += BATCH_ROWS) {
    const [batch] = await rowsOf<{ rows: string | null }>(
      source,
      sql`select json_agg(x)::text as rows from (select ${wanted} from ${sql.identifier(table)} where ${anySet} order by ctid offset ${offset} limit ${BATCH_ROWS}) x`,
    );
    if (!batch?.rows) break;
    await target.execute(
      sql`update ${sql.identifier(table)} t set ${assignments} from json_populate_recordset(null::${sql.identifier(table)}, ${batch.rows}::json) v where ${match}`,
    );
  }
}
