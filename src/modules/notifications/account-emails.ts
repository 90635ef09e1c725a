import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs } from "@/db/schema/notifications";
import { escapeHtml, headerValue, type RenderedEmail } from "./email";

/** The outbox kind of a password-reset email: not a notification, so no in-app entry and no preference. */
export const PASSWORD_RESET_EMAIL = "password_reset";

/**
 * Puts a password-reset email for the account in the outbox. It holds no link:
 * the worker reads the account's newest working link when it sends, so several
 * requests while one email waits make one email, with the latest link.
 */
export async function queuePasswordResetEmail(db: Db, userId: string, now = new Date()): Promise<void> {
  await db
    .insert(emailJobs)
    .values({
      idempotencyKey: `${PASSWORD_RESET_EMAIL}:${randomUUID()}`,
      groupKey: `${PASSWORD_RESET_EMAIL}:${userId}`,
      userId,
      kind: PASSWORD_RESET_EMAIL,
      notificationIds: [],
      runAfter: now,
    })
    .onConflictDoNothing({
      target: emailJobs.groupKey,
      where: sql`${emailJobs.status} = 'pending' AND ${emailJobs.groupKey} IS NOT NULL`,
    });
}

/** The reset email: the link, how long it works, and what to do if someone else asked. */
export function renderPasswordResetEmail(input: {
  recipientName: string;
  resetUrl: string;
  minutes: number;
}): RenderedEmail {
  const greeting = `Hello ${input.recipientName},`;
  const intro =
    "Someone asked to reset the password of your Callback account. To choose a new password, open this link:";
  const validity = `The link works once, within ${input.minutes} minutes. Setting a new password signs your account out everywhere.`;
  const ignore = "If you did not ask for this, ignore this email: your password stays as it is.";
  const text = [greeting, "", intro, "", input.resetUrl, "", validity, "", ignore, "", "-- ", "Callback"].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(input.resetUrl)}" style="background:#6d28d9;color:#fff;padding:8px 14px;border-radius:8px;text-decoration:none">Choose a new password</a></p>
<p>${escapeHtml(validity)}</p>
<p>${escapeHtml(ignore)}</p>
<hr style="border:none;border-top:1px solid #e7e5e4">
<p style="font-size:12px;color:#78716c">Callback</p>
</body></html>`;
  return { subject: headerValue("Reset your Callback password"), text, html };
}
