import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { storageUsage } from "@/db/schema/media";
import { rowsOf } from "@/db/sql";
import { AppError } from "@/lib/errors";
import { describeSize } from "./options";
import type { StorageUse } from "./types";

const u = storageUsage;

/**
 * Reserves room for an upload against the account's quota, in one statement:
 * the row is created or raised only while used + reserved + bytes stays within
 * the quota, so concurrent reservations can never overfill it (the database
 * serialises them on the row). Throws quota_exceeded, saying what the file
 * needs and what is left, when it does not fit.
 */
export async function reserveStorage(db: Db, userId: string, bytes: number, quotaBytes: number): Promise<void> {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`Cannot reserve ${bytes} bytes`);
  const rows = await rowsOf<{ userId: string }>(
    db,
    sql`insert into ${u} (user_id, used_bytes, reserved_bytes, updated_at)
        select ${userId}, 0, ${bytes}, now() where ${bytes}::bigint <= ${quotaBytes}::bigint
        on conflict (user_id) do update
          set reserved_bytes = ${u}.reserved_bytes + excluded.reserved_bytes, updated_at = now()
          where ${u}.used_bytes + ${u}.reserved_bytes + excluded.reserved_bytes <= ${quotaBytes}::bigint
        returning user_id as "userId"`,
  );
  if (rows.length > 0) return;
  const use = await getStorageUse(db, userId, quotaBytes);
  const left = Math.max(0, quotaBytes - use.usedBytes - use.reservedBytes);
  throw new AppError(
    "quota_exceeded",
    `This file needs ${describeSize(bytes)}, but only ${describeSize(left)} of your ${describeSize(quotaBytes)} storage is left. Remove a file to make room.`,
  );
}

/** An upload finished: its reservation is released and what was stored is counted as used. */
export async function settleReservation(
  tx: Db,
  userId: string,
  reservedBytes: number,
  storedBytes: number,
): Promise<void> {
  await tx
    .update(u)
    .set({
      reservedBytes: sql`greatest(${u.reservedBytes} - ${reservedBytes}, 0)`,
      usedBytes: sql`${u.usedBytes} + ${storedBytes}`,
      updatedAt: sql`now()`,
    })
    .where(eq(u.userId, userId));
}

/** An upload was cancelled or abandoned: its reservation is given back. */
export async function releaseReservation(tx: Db, userId: string, bytes: number): Promise<void> {
  await tx
    .update(u)
    .set({ reservedBytes: sql`greatest(${u.reservedBytes} - ${bytes}, 0)`, updatedAt: sql`now()` })
    .where(eq(u.userId, userId));
}

/** A stored file was deleted (or refused in processing): its bytes no longer count. */
export async function releaseStorage(tx: Db, userId: string, bytes: number): Promise<void> {
  await tx
    .update(u)
    .set({ usedBytes: sql`greatest(${u.usedBytes} - ${bytes}, 0)`, updatedAt: sql`now()` })
    .where(eq(u.userId, userId));
}

/** What the account uses, has reserved for uploads in progress, and may use. */
export async function getStorageUse(db: Db, userId: string, quotaBytes: number): Promise<StorageUse> {
  const [row] = await db
    .select({ usedBytes: u.usedBytes, reservedBytes: u.reservedBytes })
    .from(u)
    .where(eq(u.userId, userId));
  return { usedBytes: Number(row?.usedBytes ?? 0), reservedBytes: Number(row?.reservedBytes ?? 0), quotaBytes };
}
