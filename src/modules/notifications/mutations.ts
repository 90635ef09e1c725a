import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { AppError, FOREIGN_KEY_VIOLATION, postgresErrorCode } from "@/lib/errors";
import { setAccountTimeSettings } from "@/modules/access/internal";
import type { Actor } from "@/modules/access/types";
import type { Category } from "./definition";
import type { TimeSettingsInput } from "./inputs";
import { nextDigestAtSql, type EmailMode } from "./notify";
import { verifyUnsubscribeToken } from "./tokens";

const categories: Category[] = ["messages", "contact_requests", "billing"];

export async function markNotificationRead(db: Db, actor: Actor, notificationId: string) {
  if (!z.uuid().safeParse(notificationId).success) throw new AppError("not_found", "That notification does not exist.");
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw new AppError("not_found", "That notification does not exist.");
}

export async function markAllNotificationsRead(db: Db, actor: Actor) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
}

async function setEmailMode(db: Db, userId: string, category: Category, email: EmailMode) {
  await db
    .insert(notificationPreferences)
    .values({ userId, category, email })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { email, updatedAt: new Date() },
    });
}

export async function updateEmailPreferences(db: Db, actor: Actor, preferences: Record<Category, EmailMode>) {
  await db.transaction(async (tx) => {
    for (const category of categories) await setEmailMode(tx, actor.userId, category, preferences[category]);
  });
}

/**
 * Sets the actor's own time zone and digest hour - there is no account id to
 * give, so nobody can change another's - and moves their pending digest, if
 * any, to the new hour in the new zone, in one transaction. A digest already
 * sent today is not counted: moving the hour later on the same day can bring
 * a second digest that day, once.
 */
export async function updateTimeSettings(db: Db, actor: Actor, input: TimeSettingsInput): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await setAccountTimeSettings(tx, actor.userId, input);
    if (!found) throw new AppError("not_found", "That account does not exist.");
    await tx
      .update(emailJobs)
      .set({ runAfter: nextDigestAtSql(sql`now()`, sql`${input.timeZone}::text`, sql`${input.digestHour}::int`) })
      .where(
        and(
          eq(emailJobs.userId, actor.userId),
          eq(emailJobs.groupKey, `digest:${actor.userId}`),
          eq(emailJobs.status, "pending"),
        ),
      );
  });
}

/** The one-click unsubscribe link of an email: works signed out; a forged or damaged token changes nothing. */
// Public: the signed token in the email link is the check.
export async function unsubscribeWithToken(db: Db, token: string): Promise<{ scope: Category | "all" }> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified)
    throw new AppError(
      "invalid_input",
      "This unsubscribe link is not valid. Change your email settings after signing in.",
    );
  try {
    await db.transaction(async (tx) => {
      for (const category of verified.scope === "all" ? categories : [verified.scope])
        await setEmailMode(tx, verified.userId, category, "off");
    });
  } catch (error) {
    // The account no longer exists: there is nothing left to send to it.
    if (postgresErrorCode(error) !== FOREIGN_KEY_VIOLATION) throw error;
  }
  return { scope: verified.scope };
}
