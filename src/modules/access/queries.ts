import "server-only";
import { and, count, desc, gte, ilike, inArray, isNotNull, lt, min, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { containsPattern, utcDay } from "@/db/sql";
import { users } from "@/db/schema/auth";
import { AppError } from "@/lib/errors";
import { canModerate } from "./policies";
import { roles, type Role } from "./roles";
import type { Actor } from "./types";

export type UserSummary = { id: string; name: string; email: string; role: Role; joinedAt: Date };

/** Moderation data is for admins; to anyone else it does not exist. */
function assertCanModerate(actor: Actor) {
  if (!canModerate(actor)) throw new AppError("not_found");
}

export async function countUsersByRole(db: Db, actor: Actor): Promise<Record<Role, number>> {
  assertCanModerate(actor);
  const rows = await db.select({ role: users.role, total: count() }).from(users).groupBy(users.role);
  const totals = Object.fromEntries(roles.map((role) => [role, 0])) as Record<Role, number>;
  for (const row of rows) totals[row.role] = row.total;
  return totals;
}

export async function listNewestUsers(db: Db, actor: Actor, limit = 10): Promise<UserSummary[]> {
  assertCanModerate(actor);
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, joinedAt: users.createdAt })
    .from(users)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(Math.min(Math.max(limit, 1), 100));
}

export type AccountFacts = {
  id: string;
  name: string;
  email: string;
  role: Role;
  isSuspended: boolean;
  isDeleted: boolean;
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
