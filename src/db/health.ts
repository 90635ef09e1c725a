import { sql } from "drizzle-orm";
import type { Db } from "./client";

/** Whether the database answers a trivial query within the time limit. */
export async function isDatabaseHealthy(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether every shipped migration is applied: with the check above, what the readiness route asks. */
export { areMigrationsCurrent } from "./client";
