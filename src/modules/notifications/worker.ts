import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import {
  currentPasswordResetToken,
  deletePasswordResetTokens,
  PASSWORD_RESET_LINK_SECONDS,
} from "@/modules/access/password-reset";
import { getAccountFacts } from "@/modules/access/internal";
import { PASSWORD_RESET_EMAIL } from "./account-emails";
import type { Category } from "./definition";
import type { EmailContext, RenderedEmail } from "./email";
import { digestItemOf, renderDigestEmail, type DigestItem } from "./emails/digest-email";
import { renderPasswordResetEmail } from "./emails/password-reset-email";
import { definitionOf } from "./registry";
import { signUnsubscribeToken } from "./tokens";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 8;

/** Seconds to wait before attempt `attempts + 1`: 30 s, 1 min, 2 min ... at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

type ClaimedJob = typeof emailJobs.$inferSelect;

/**
 * Takes due jobs for this worker, each for EMAIL_CLAIM_SECONDS. FOR UPDATE
 * SKIP LOCKED lets any number of workers run side by side without taking the
 * same job; a job whose worker died while sending becomes due again when its
 * claim expires. The claim is the job's attempt number: a worker whose claim
 * was taken over records nothing more for that job.
 */
async function claimJobs(db: Db, now: Date, limit: number): Promise<ClaimedJob[]> {
  const result = await db.execute(sql`
    update ${emailJobs} set status = 'sending', attempts = attempts + 1, locked_until = ${new Date(now.getTime() + getEnv().EMAIL_CLAIM_SECONDS * 1000)}
    where id in (
      select id from ${emailJobs}
      where (status = 'pending' and run_after <= ${now}) or (status = 'sending' and locked_until < ${now})
      order by run_after
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db.select().from(emailJobs).where(inArray(emailJobs.id, ids));
}

/** The Message-ID of a job's email: the same on every attempt, so a receiver can drop a repeat. */
export function messageIdOf(job: { idempotencyKey: string }): string {
  return `<${job.idempotencyKey.replace(/[^\w.:-]/g, "-")}@callback>`;
}

type Composed =
  | { email: RenderedEmail & { to: string; unsubscribeUrl?: string }; notificationIds: string[] }
  | { skip: string; notificationIds: string[] };

/** What a job sends now: unread notifications only for message emails; nothing for a suspended or deleted account. */
async function compose(db: Db, job: ClaimedJob): Promise<Composed> {
  const rows = job.notificationIds.length
    ? await db
        .select()
        .from(notifications)
        .where(and(inArray(notifications.id, job.notificationIds), eq(notifications.userId, job.userId)))
    : [];
  const wanted = rows
    .filter((row) => (job.kind === "messages" ? row.readAt === null : true))
    .filter((row) => row.emailState !== "emailed")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const ids = rows.map((row) => row.id);
  const account = (await getAccountFacts(db, [job.userId])).get(job.userId);
  if (!account || account.isSuspended || account.isDeleted)
    return { skip: "account unavailable", notificationIds: ids };
  if (job.kind === PASSWORD_RESET_EMAIL) {
    // The link is read now, not when the email was queued: one used or expired meanwhile is not sent.
    const token = await currentPasswordResetToken(db, job.userId);
    if (!token) return { skip: "reset link used or expired", notificationIds: [] };
    // Only the link in the newest email works: links of earlier requests end as this one goes out.
    await deletePasswordResetTokens(db, job.userId, token);
    const appUrl = getEnv().BETTER_AUTH_URL;
    const resetUrl = `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const email = renderPasswordResetEmail({
      appUrl,
      recipientName: account.name,
      resetUrl,
      minutes: PASSWORD_RESET_LINK_SECONDS / 60,
    });
    return { email: { ...email, to: account.email }, notificationIds: [] };
  }
  if (wanted.length === 0)
    return { skip: job.kind === "messages" ? "messages already read" : "nothing left to send", notificationIds: ids };

  const appUrl = getEnv().BETTER_AUTH_URL;
  const scope: Category | "all" = job.kind === "digest" ? "all" : (wanted[0]!.category as Category);
  const token = signUnsubscribeToken(job.userId, scope);
  const unsubscribeUrl = `${appUrl}/unsubscribe?token=${token}`;
  const oneClickUrl = `${appUrl}/api/unsubscribe?token=${token}`;
  const context: EmailContext = {
    appUrl,
    recipientName: account.name,
    unsubscribeUrl,
    preferencesUrl: `${appUrl}/settings/notifications`,
    timeZone: account.timeZone,
  };

  if (job.kind === "digest") {
    // Each update links to the page where it is handled (the conversation, the request, the billing page).
    const items = wanted.flatMap((row): DigestItem[] => {
      const definition = definitionOf(row.type);
      const payload = definition?.payload.safeParse(row.payload);
      if (!definition || !payload?.success) return [];
      return [digestItemOf(definition.inApp(payload.data), appUrl)];
    });
    const email = renderDigestEmail(context, items);
    return {
      email: { ...email, to: account.email, unsubscribeUrl: oneClickUrl },
      notificationIds: wanted.map((row) => row.id),
    };
  }
  const definition = definitionOf(wanted[0]!.type)!;
  const payloads = wanted.map((row) => definition.payload.parse(row.payload));
  const email = definition.email(payloads, context);
  return {
    email: { ...email, to: account.email, unsubscribeUrl: oneClickUrl },
    notificationIds: wanted.map((row) => row.id),
  };
}

/** This worker's claim on a job: still sending, and not taken over by another worker since. */
const claimed = (job: ClaimedJob) =>
  and(eq(emailJobs.id, job.id), eq(emailJobs.status, "sending"), eq(emailJobs.attempts, job.attempts));

async function finish(
  db: Db,
  job: ClaimedJob,
  status: "sent" | "canceled",
  notificationIds: string[],
  emailState: "emailed" | "skipped",
) {
  await db.transaction(async (tx) => {
    const [finished] = await tx
      .update(emailJobs)
      .set({ status, sentAt: status === "sent" ? new Date() : null, lockedUntil: null, groupKey: null })
      .where(claimed(job))
      .returning({ id: emailJobs.id });
    if (finished && notificationIds.length)
      await tx.update(notifications).set({ emailState }).where(inArray(notifications.id, notificationIds));
  });
}

/**
 * One pass of the email worker: claim due jobs, compose, send, record. A failed
 * send is retried with exponential backoff, then given up after MAX_ATTEMPTS.
 * Each job's Message-ID is its idempotency key, so a receiving server can drop
 * the duplicate if a worker died between sending and recording: delivery is
 * at least once, and exactly once for a receiver that dedupes on Message-ID.
 */
export async function runEmailWorkerTick(
  db: Db,
  transport: MailTransport,
  now = new Date(),
  batchSize = 20,
): Promise<{ sent: number; skipped: number; failed: number }> {
  const log = getLogger();
  const outcome = { sent: 0, skipped: 0, failed: 0 };
  for (const job of await claimJobs(db, now, batchSize)) {
    try {
      const composed = await compose(db, job);
      if ("skip" in composed) {
        await finish(db, job, "canceled", composed.notificationIds, "skipped");
        outcome.skipped += 1;
        continue;
      }
      await transport.send({ ...composed.email, messageId: messageIdOf(job) });
      await finish(db, job, "sent", composed.notificationIds, "emailed");
      outcome.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const givesUp = job.attempts >= MAX_ATTEMPTS;
      await db
        .update(emailJobs)
        .set({
          status: givesUp ? "failed" : "pending",
          groupKey: null,
          lockedUntil: null,
          lastError: message.slice(0, 500),
          runAfter: new Date(now.getTime() + backoffSeconds(job.attempts) * 1000),
        })
        .where(claimed(job));
      log.warn({ jobId: job.id, attempts: job.attempts, givesUp, error: message }, "email delivery failed");
      outcome.failed += 1;
    }
  }
  return outcome;
}
