import "server-only";
import { and, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { activityDaily, activityRolledDays, activitySenderTotals } from "@/db/schema/activity";
import { getFirstSignupAt } from "@/modules/access/internal";
import { measureDays, type MetricRow } from "./metrics";
import { addDays, dayOf, daysBetween, monthStart, startOf } from "./periods";

/** A day is rolled up once it has been over for this long, so late writes of that day are in. */
const SETTLE_MS = 60 * 60 * 1000;
/** Days rolled up in one transaction. */
const BATCH_DAYS = 31;
const INSERT_CHUNK = 5_000;

/** The last day that is over and settled at `now`. */
export function lastClosedDay(now: Date): string {
  return addDays(dayOf(new Date(now.getTime() - SETTLE_MS)), -1);
}

/** The newest rolled-up day; rolled days run without gaps from the first sign-up to it. */
export async function getLastRolledDay(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ day: sql<string | null>`max(${activityRolledDays.day})::text` })
    .from(activityRolledDays);
  return row?.day ?? null;
}

/** Which days in [from, to] are rolled up. */
export async function getRolledDays(db: Db, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .select({ day: activityRolledDays.day })
    .from(activityRolledDays)
    .where(and(gte(activityRolledDays.day, from), lte(activityRolledDays.day, to)));
  return new Set(rows.map((row) => row.day));
}

/**
 * Rolls up every closed day not rolled up yet, oldest first, a batch of days
 * per transaction: each day's figures and its "rolled" mark are written
 * together, so a day is either complete or absent. Several workers may run
 * this at once: a transaction-scoped advisory lock makes them take turns, and
 * each re-reads which days are left. Returns how many days it rolled up.
 */
export async function rollupActivity(db: Db, now = new Date(), maxDays = 1_000): Promise<number> {
  const firstSignup = await getFirstSignupAt(db);
  if (!firstSignup) return 0;
  const first = dayOf(firstSignup);
  const last = lastClosedDay(now);
  let rolled = 0;
  while (rolled < maxDays) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('callback.activity_rollup'))`);
      const latest = await getLastRolledDay(tx);
      const from = latest ? addDays(latest, 1) : first;
      if (from > last) return 0;
      const to = [addDays(from, Math.min(BATCH_DAYS, maxDays - rolled) - 1), last].sort()[0]!;
      const days = daysBetween(from, to);
      const rows = await measureDays(tx, from, to);
      await tx.delete(activityDaily).where(inArray(activityDaily.day, days));
      await tx
        .delete(activitySenderTotals)
        .where(and(eq(activitySenderTotals.period, "day"), inArray(activitySenderTotals.start, days)));
      await insertChunked(
        rows.filter((row) => row.subject === ""),
        (chunk) => tx.insert(activityDaily).values(chunk),
      );
      await insertChunked(senderDays(rows), (chunk) => tx.insert(activitySenderTotals).values(chunk));
      for (const month of new Set(days.map((day) => dayOf(monthStart(startOf(day)))))) await rollMonth(tx, month);
      await tx
        .insert(activityRolledDays)
        .values(days.map((day) => ({ day })))
        .onConflictDoNothing();
      return days.length;
    });
    if (done === 0) break;
    rolled += done;
  }
  return rolled;
}

/** Runs `insert` for the rows a chunk at a time (one statement has a limit on its parameters). */
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let index = 0; index < rows.length; index += INSERT_CHUNK) await insert(rows.slice(index, index + INSERT_CHUNK));
}

/** The per-sender rows of measureDays, one row per sender and day with the three figures side by side. */
function senderDays(rows: MetricRow[]): (typeof activitySenderTotals.$inferInsert)[] {
  const bySender = new Map<string, typeof activitySenderTotals.$inferInsert>();
  for (const row of rows) {
    if (row.subject === "") continue;
    const key = `${row.day}|${row.subject}`;
    const entry = bySender.get(key) ?? {
      period: "day" as const,
      start: row.day,
      senderId: row.subject,
      sent: 0,
      answered: 0,
      answerSeconds: 0,
    };
    if (row.metric === "sender.sent") entry.sent = row.value;
    if (row.metric === "sender.answered") entry.answered = row.value;
    if (row.metric === "sender.answer_seconds") entry.answerSeconds = row.value;
    bySender.set(key, entry);
  }
  return [...bySender.values()];
}

/** Rewrites a month's per-sender rows as the sums of its rolled-up days. */
async function rollMonth(tx: Db, month: string) {
  const t = activitySenderTotals;
  const next = dayOf(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)));
  await tx.delete(t).where(and(eq(t.period, "month"), eq(t.start, month)));
  await tx.execute(sql`
    insert into ${t} (period, start, sender_id, sent, answered, answer_seconds)
    select 'month', ${month}::date, ${t.senderId}, sum(${t.sent}), sum(${t.answered}), sum(${t.answerSeconds})
    from ${t}
    where ${and(eq(t.period, "day"), gte(t.start, month), lt(t.start, next))}
    group by ${t.senderId}`);
}
