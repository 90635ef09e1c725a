import "server-only";
import { and, count, desc, eq, inArray, isNull, lte, min } from "drizzle-orm";
import type { Db } from "@/db";
import { devMailbox, emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { exactTimestamp, keysetBefore, keysetCursor } from "@/db/sql";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAccountTimeSettings } from "@/modules/access/internal";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import type { Category } from "./definition";
import { defaultEmailModes, type EmailMode } from "./notify";
import { definitionOf } from "./registry";
import { unreadNotificationsCount } from "./internal";

export type NotificationView = {
  id: string;
  title: string;
  body: string;
  link: string;
  isRead: boolean;
  createdAt: Date;
};

/** A stored notification as its reader sees it; null for a type or payload this build does not know. */
export function toNotificationView(row: {
  id: string;
  type: string;
  payload: unknown;
  readAt: Date | null;
  createdAt: Date;
}): NotificationView | null {
  const definition = definitionOf(row.type);
  const payload = definition?.payload.safeParse(row.payload);
  if (!definition || !payload?.success) return null;
  return { id: row.id, ...definition.inApp(payload.data), isRead: row.readAt !== null, createdAt: row.createdAt };
}

/** The actor's notifications, newest first, all or unread only, keyset paginated. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  options: { unreadOnly?: boolean; cursor?: string; limit?: number } = {},
) {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      payload: notifications.payload,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      key: exactTimestamp(notifications.createdAt),
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        keysetBefore(options.cursor, notifications.createdAt, notifications.id),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotificationView).filter((item): item is NotificationView => item !== null),
    nextCursor: rows.length > limit && last ? keysetCursor(last) : null,
  };
}

/** Unread notifications, counted from the partial unread index. */
export async function countUnreadNotifications(db: Db, actor: Actor): Promise<number> {
  const [row] = await unreadNotificationsCount(db, actor.userId);
  return row?.total ?? 0;
}

export async function getEmailPreferences(db: Db, actor: Actor): Promise<Record<Category, EmailMode>> {
  const rows = await db
    .select({ category: notificationPreferences.category, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  return { ...defaultEmailModes, ...Object.fromEntries(rows.map((row) => [row.category, row.email])) };
}

/** The actor's own time zone and the local hour of their daily digest (DIGEST_HOUR until they choose one). */
export async function getTimeSettings(db: Db, actor: Actor): Promise<{ timeZone: string; digestHour: number }> {
  const settings = await getAccountTimeSettings(db, actor.userId);
  if (!settings) throw new AppError("not_found");
  return { timeZone: settings.timeZone, digestHour: settings.digestHour ?? getEnv().DIGEST_HOUR };
}

/**
 * The development mailbox: in development and tests, any signed-in person may
 * read it; in a production build, only admins. Newest first.
 */
export async function listDevMailbox(db: Db, actor: Actor, limit = 50) {
  if (getEnv().isProduction && !canModerate(actor)) throw new AppError("not_found");
  return db.select().from(devMailbox).orderBy(desc(devMailbox.createdAt)).limit(limit);
}

/** The email outbox's backlog, for monitoring: jobs due now, and how long the oldest has waited. */
// Public: outbox depth and age with no personal data, for the token-guarded metrics endpoint.
export async function getOutboxStats(db: Db, now = new Date()): Promise<{ due: number; oldestAgeSeconds: number }> {
  const [row] = await db
    .select({ due: count(), oldest: min(emailJobs.runAfter) })
    .from(emailJobs)
    .where(and(inArray(emailJobs.status, ["pending", "sending"]), lte(emailJobs.runAfter, now)));
  return {
    due: row?.due ?? 0,
    oldestAgeSeconds: row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0,
  };
}
