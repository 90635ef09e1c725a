import "server-only";
import { and, count, eq, gte, ilike, inArray, isNotNull, lt, min, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { containsPattern, utcDay } from "@/db/sql";
import { users } from "@/db/schema/auth";
import type { Role } from "./roles";

/*
 * The access module's internal functions: they trust their caller (other
 * modules, the worker, the rollups, account deletion) and take no actor, so
 * no page imports this file. Other modules read accounts only through these.
 */

export type AccountFacts = {
  id: string;
  name: string;
  email: string;
  role: Role;
  isSuspended: boolean;
  isDeleted: boolean;
  /** The IANA zone the account reads dates in. */
  timeZone: string;
};

/**
 * The same facts as a subquery other modules' lists can join on the account id
 * (`id`), so a list that names people reads them in its own single query.
 */
export function accountFactsByUser(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      isSuspended: sql<boolean>`${isNotNull(users.suspendedAt)}`.as("is_suspended"),
      isDeleted: sql<boolean>`${isNotNull(users.deletedAt)}`.as("is_deleted"),
    })
    .from(users)
    .as("account_facts");
}

/** What other modules need to know of accounts they deal with: name, type and whether they are suspended or deleted. */
export async function getAccountFacts(db: Db, userIds: string[]): Promise<Map<string, AccountFacts>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      suspendedAt: users.suspendedAt,
      deletedAt: users.deletedAt,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        isSuspended: row.suspendedAt !== null,
        isDeleted: row.deletedAt !== null,
        timeZone: row.timeZone,
      },
    ]),
  );
}

/** Accounts whose name contains the text, for other modules' searches (at most `limit`). */
export async function findUserIdsByName(db: Db, text: string, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(ilike(users.name, containsPattern(text)))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Sign-ups per UTC day and role in [from, to), for the activity rollups. */
export async function dailySignups(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ day: string; role: Role; count: number }[]> {
  const day = utcDay(users.createdAt);
  return db
    .select({ day, role: users.role, count: count() })
    .from(users)
    .where(and(gte(users.createdAt, from), lt(users.createdAt, to)))
    .groupBy(day, users.role);
}

/** When the first account was created: no activity can be older. */
export async function getFirstSignupAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ first: min(users.createdAt) }).from(users);
  return row?.first ?? null;
}

/**
 * Accounts' names and email addresses as a subquery other modules' admin lists
 * join on the account id (`id`); the alias names it when a list joins it twice.
 */
export function accountIdentityByUser(db: Db, alias = "account_identity") {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).as(alias);
}

/** The rows of the admin users list as a subquery: who each account is, when it joined, its suspension and deletion. */
export function accountListRows(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .as("account_rows");
}

/** Whether an account with this id exists (deleted ones included: their row is kept). */
export async function accountExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

/** An account's time zone and the local hour of its daily digest (null: the DIGEST_HOUR default). */
export type AccountTimeSettings = { timeZone: string; digestHour: number | null };

/**
 * One account's time settings as a one-row relation (`time_zone`,
 * `digest_hour`) for another module's statement: the notifications module
 * times a digest with it inside the statement that queues it.
 */
export function accountTimeSettingsOf(userId: string): SQL {
  return sql`(select ${users.timeZone} as time_zone, ${users.digestHour} as digest_hour from ${users} where ${users.id} = ${userId})`;
}

export async function getAccountTimeSettings(db: Db, userId: string): Promise<AccountTimeSettings | null> {
  const [row] = await db
    .select({ timeZone: users.timeZone, digestHour: users.digestHour })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * Sets an account's time settings, in the caller's transaction. The caller has
 * checked the zone (an IANA name) and the hour (0-23); the database checks the
 * hour again.
 */
export async function setAccountTimeSettings(tx: Db, userId: string, settings: AccountTimeSettings): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ timeZone: settings.timeZone, digestHour: settings.digestHour, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length > 0;
}
