import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { adminAuditLog } from "@/db/schema/audit";
import { AppError } from "@/lib/errors";
import { hasPermission } from "@/modules/access/permissions";
import type { Actor } from "@/modules/access/types";

export type AdminAction = "user.suspend" | "user.reinstate" | "profile.hide" | "profile.restore";

/** Records an admin's action in the same transaction as the action itself. */
export async function recordAdminAction(tx: Db, entry: { adminId: string; action: AdminAction; targetType: "user" | "profile"; targetId: string; detail?: Record<string, unknown> }) {
  await tx.insert(adminAuditLog).values({ adminId: entry.adminId, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, detail: entry.detail ?? {} });
}

/** The audit log for admins, newest first. */
export async function listAuditEntries(db: Db, actor: Actor, limit = 200) {
  if (!hasPermission(actor.role, "user:moderate")) throw new AppError("not_found");
  return db
    .select({ id: adminAuditLog.id, action: adminAuditLog.action, targetType: adminAuditLog.targetType, targetId: adminAuditLog.targetId, detail: adminAuditLog.detail, at: adminAuditLog.at, adminName: users.name })
    .from(adminAuditLog)
    .leftJoin(users, eq(users.id, adminAuditLog.adminId))
    .orderBy(desc(adminAuditLog.at))
    .limit(limit);
}
