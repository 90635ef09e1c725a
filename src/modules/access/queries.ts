import "server-only";
// The access module's public queries: each takes the actor and checks it. What other modules read of accounts is in internal.ts.
import { count, desc } from "drizzle-orm";
import type { Db } from "@/db";
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
