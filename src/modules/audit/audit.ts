import { and, desc, eq, or } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { adminAuditLog } from "@/db/schema/audit";
import { AppError } from "@/lib/errors";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";

/**
 * "account.delete" is the one entry not made by an admin on someone else: a
 * person deleting their own account is recorded with their (anonymised) id as
 * the actor, and no personal data in the detail.
 */
export type AdminAction = "user.suspend" | "user.reinstate" | "profile.hide" | "profile.restore" | "account.delete";

/** Records an admin's action in the same transaction as the action itself. */
export async function recordAdminAction(
  tx: Db,
  entry: {
    adminId: string;
    action: AdminAction;
    targetType: "user" | "profile";
    targetId: string;
    detail?: Record<string, unknown>;
  },
) {
  await tx.insert(adminAuditLog).values({
    adminId: entry.adminId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: entry.detail ?? {},
  });
}

/** The audit log for admins, newest first. */
export async function listAuditEntries(db: Db, actor: Actor, limit = 200) {
  if (!canModerate(actor)) throw new AppError("not_found");
  return db
    .select({
      id: adminAuditLog.id,
      action: adminAuditLog.action,
      targetType: adminAuditLog.targetType,
      targetId: adminAuditLog.targetId,
      detail: adminAuditLog.detail,
      at: adminAuditLog.at,
      adminName: users.name,
    })
    .from(adminAuditLog)
    .leftJoin(users, eq(users.id, adminAuditLog.adminId))
    .orderBy(desc(adminAuditLog.at))
    .limit(limit);
}

/**
 * The audit entries about an account (actions on it or its profile, without
 * naming the admin) and, for an admin, the actions it took: for its data export.
 */
export async function exportAuditEntries(db: Db, userId: string, profileId: string | null) {
  const targets = profileId
    ? or(
        and(eq(adminAuditLog.targetType, "user"), eq(adminAuditLog.targetId, userId)),
        and(eq(adminAuditLog.targetType, "profile"), eq(adminAuditLog.targetId, profileId)),
      )!
    : and(eq(adminAuditLog.targetType, "user"), eq(adminAuditLog.targetId, userId))!;
  const columns = {
    action: adminAuditLog.action,
    targetType: adminAuditLog.targetType,
    targetId: adminAuditLog.targetId,
    detail: adminAuditLog.detail,
    at: adminAuditLog.at,
  };
  const [aboutYou, byYou] = await Promise.all([
    db.select(columns).from(adminAuditLog).where(targets).orderBy(desc(adminAuditLog.at)),
    db.select(columns).from(adminAuditLog).where(eq(adminAuditLog.adminId, userId)).orderBy(desc(adminAuditLog.at)),
  ]);
  return { aboutYou, byYou };
}
