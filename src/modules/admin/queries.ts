import "server-only";
import { and, desc, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { containsPattern, exactTimestamp, keysetBefore, keysetCursor } from "@/db/sql";
import { AppError } from "@/lib/errors";
import { accountListRows, getAccountFacts } from "@/modules/access/internal";
import { canModerate } from "@/modules/access/policies";
import type { Role } from "@/modules/access/roles";
import type { Actor } from "@/modules/access/types";
import type { SubscriptionStatus } from "@/modules/billing/plans";
import { readAuditLog } from "@/modules/audit/internal";
import { subscriptionStatusByUser } from "@/modules/billing/internal";

export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  subscriptionStatus: SubscriptionStatus | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  /** When the person deleted their account; the row stays, anonymised. */
  deletedAt: Date | null;
};

export type AdminUserFilter = { q?: string; role?: Role; subscription?: SubscriptionStatus | "none"; cursor?: string };

/** Every account, for admins: newest first, searchable by name or email, filtered by role and subscription. */
export async function listUsersForAdmin(
  db: Db,
  actor: Actor,
  filter: AdminUserFilter,
  pageSize = 50,
): Promise<{ items: AdminUserRow[]; nextCursor: string | null }> {
  if (!canModerate(actor)) throw new AppError("not_found");
  const users = accountListRows(db);
  const subscription = subscriptionStatusByUser(db);
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.subscription === "none") conditions.push(isNull(subscription.status));
  else if (filter.subscription) conditions.push(eq(subscription.status, filter.subscription));
  const after = keysetBefore(filter.cursor, users.createdAt, users.id);
  if (after) conditions.push(after);

  const joinedKey = exactTimestamp(users.createdAt);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      joinedAt: users.createdAt,
      subscriptionStatus: subscription.status,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      deletedAt: users.deletedAt,
      joinedKey,
    })
    .from(users)
    .leftJoin(subscription, eq(subscription.userId, users.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map(({ joinedKey: _key, ...row }) => row),
    nextCursor: rows.length > pageSize && last ? keysetCursor({ key: last.joinedKey, id: last.id }) : null,
  };
}

/** The audit log for admins, newest first, each entry with the name of the admin who acted. */
export async function listAuditEntries(db: Db, actor: Actor, limit = 200) {
  if (!canModerate(actor)) throw new AppError("not_found");
  const entries = await readAuditLog(db, limit);
  const admins = await getAccountFacts(db, [
    ...new Set(entries.flatMap((entry) => (entry.adminId ? [entry.adminId] : []))),
  ]);
  return entries.map(({ adminId, ...entry }) => ({
    ...entry,
    adminName: adminId ? (admins.get(adminId)?.name ?? null) : null,
  }));
}
