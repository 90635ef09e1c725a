import "server-only";
import { and, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { activityDaily, activityRolledDays } from "@/db/schema/activity";
import { getFirstSignupAt } from "@/modules/access/queries";
import { measureDays } from "./metrics";
import { addDays, dayOf, daysBetween } from "./periods";

/** A day is rolled up once it has been over for this long, so late writes of that day are in. */
const SETTLE_MS = 60 * 60 * 1000;
/** Days rolled up in one transaction. */
const BATCH_DAYS = 31;
const INSERT_CHUNK = 5_000;

/** The last day that is over and settled at `now`. */
export function lastClosedDay(now: Date): string {
  return addDays(dayOf(new Date(now.getTime() - SETTLE_MS)), -1);
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
      const [latest] = await tx.select({ day: sql<string | null>`max(${activityRolledDays.day})::text` }).from(activityRolledDays);
      const from = latest?.day ? addDays(latest.day, 1) : first;
      if (from > last) return 0;
      const to = [addDays(from, Math.min(BATCH_DAYS, maxDays - rolled) - 1), last].sort()[0]!;
      const days = daysBetween(from, to);
      const rows = await measureDays(tx, from, to);
      await tx.delete(activityDaily).where(inArray(activityDaily.day, days));
      for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
        await tx.insert(activityDaily).values(rows.slice(index, index + INSERT_CHUNK));
      }
      await tx.insert(activityRolledDays).values(days.map((day) => ({ day }))).onConflictDoNothing();
      return days.length;
    });
    if (done === 0) break;
    rolled += done;
  }
  return rolled;
}
