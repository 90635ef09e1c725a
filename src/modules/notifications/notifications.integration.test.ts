import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { createProfessional, createTalent } from "@/db/seed/factories";
import type { Db } from "@/db";
import { completeTestCheckout, startCheckout } from "@/modules/billing/mutations";
import { TestBillingProvider } from "@/modules/billing/provider";
import { sendMessageInput } from "@/modules/messaging/inputs";
import { markConversationRead, sendMessage, startConversation } from "@/modules/messaging/mutations";
import { freshDatabase } from "@/test/database";
import { markAllNotificationsRead, unsubscribeWithToken, updateEmailPreferences } from "./mutations";
import { notify } from "./notify";
import { countUnreadNotifications, getEmailPreferences, listNotifications } from "./queries";
import { signUnsubscribeToken } from "./tokens";
import type { MailTransport, OutgoingEmail } from "./transport";
import { runEmailWorkerTick } from "./worker";

class RecordingTransport implements MailTransport {
  readonly sent: OutgoingEmail[] = [];
  failuresLeft = 0;
  async send(email: OutgoingEmail) {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error("SMTP server unavailable");
    }
    this.sent.push(email);
  }
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
type Person = Awaited<ReturnType<typeof createTalent>>;

async function conversationBetween(db: Db, pro: Person, talent: Person) {
  return startConversation(db, pro.actor, talent.id);
}
const send = (db: Db, person: Person, conversationId: string, body: string) =>
  sendMessage(db, person.actor, sendMessageInput.parse({ conversationId, body, clientKey: randomUUID() }));

describe("notifications and their email", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("notifies the recipient of a message in the app at once, and by email after the delay if still unread", async () => {
    const pro = await createProfessional(db, { name: "Casey Rivera", subscription: true });
    const talent = await createTalent(db, { name: "Taylor Brooks", email: `taylor.${randomUUID()}@example.test` });
    const id = await conversationBetween(db, pro, talent);
    await send(db, pro, id, "Are you free on Friday?");
    await send(db, pro, id, "It is for a short film.");
    expect(await countUnreadNotifications(db, talent.actor)).toBe(2);
    expect((await listNotifications(db, talent.actor)).items[0]).toMatchObject({
      title: "New message from Casey Rivera",
      link: `/messages/${id}`,
    });

    const transport = new RecordingTransport();
    expect(await runEmailWorkerTick(db, transport)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await runEmailWorkerTick(db, transport, later(11))).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toMatchObject({ to: talent.email, subject: "2 new messages from Casey Rivera" });
    expect(transport.sent[0]!.text).toContain("> Are you free on Friday?");
  });

  it("sends no email for a message read before the delay is over, and reading clears its notification", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const id = await conversationBetween(db, pro, talent);
    await send(db, pro, id, "Quick question");
    await markConversationRead(db, talent.actor, id, 1);
    expect(await countUnreadNotifications(db, talent.actor)).toBe(0);
    const transport = new RecordingTransport();
    expect(await runEmailWorkerTick(db, transport, later(11))).toMatchObject({ sent: 0, skipped: 1 });
    expect(transport.sent.filter((mail) => mail.to === talent.email)).toHaveLength(0);
  });

  it("reading part of a conversation clears only the notifications of the messages read", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const id = await conversationBetween(db, pro, talent);
    for (const text of ["First", "Second", "Third"]) await send(db, pro, id, text);
    expect(await markConversationRead(db, talent.actor, id, 2)).toBe(2);
    expect(await countUnreadNotifications(db, talent.actor)).toBe(1);
    expect(
      (await listNotifications(db, talent.actor)).items.filter((item) => !item.isRead).map((item) => item.body),
    ).toEqual(["Third"]);
    // The other person's read pointer and notifications are not theirs to move.
    await expect(markConversationRead(db, (await createTalent(db)).actor, id, 3)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await countUnreadNotifications(db, talent.actor)).toBe(1);
  });

  it("writes the notification and its email with the event, or not at all", async () => {
    const talent = await createTalent(db);
    await db
      .transaction(async (tx) => {
        await notify(tx, { userId: talent.id, type: "subscription.activated", payload: { planName: "Professional" } });
        throw new Error("the event behind it failed");
      })
      .catch(() => undefined);
    expect(await countUnreadNotifications(db, talent.actor)).toBe(0);
    expect(await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id))).toHaveLength(0);
  });

  it("delivers each job once with two workers running side by side", async () => {
    const pros = await Promise.all(Array.from({ length: 6 }, () => createProfessional(db, { subscription: true })));
    for (const pro of pros)
      await db.transaction((tx) =>
        notify(tx, { userId: pro.id, type: "subscription.activated", payload: { planName: "Professional" } }).then(
          () => undefined,
        ),
      );
    const transport = new RecordingTransport();
    await Promise.all([
      runEmailWorkerTick(db, transport, later(1)),
      runEmailWorkerTick(db, transport, later(1)),
      runEmailWorkerTick(db, transport, later(1)),
    ]);
    const ours = transport.sent.filter((mail) => pros.some((pro) => pro.email === mail.to));
    expect(ours).toHaveLength(6);
    expect(new Set(ours.map((mail) => mail.messageId)).size).toBe(6);
  });

  it("retries after a transport failure, with backoff, and then delivers", async () => {
    const pro = await createProfessional(db);
    await db.transaction((tx) =>
      notify(tx, { userId: pro.id, type: "subscription.payment_failed", payload: { planName: "Professional" } }).then(
        () => undefined,
      ),
    );
    const transport = new RecordingTransport();
    transport.failuresLeft = 1;
    const now = later(1);
    expect(await runEmailWorkerTick(db, transport, now)).toMatchObject({ failed: 1 });
    const [job] = await db.select().from(emailJobs).where(eq(emailJobs.userId, pro.id));
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP server unavailable" });
    expect(job!.runAfter.getTime()).toBe(now.getTime() + 30_000);
    expect(await runEmailWorkerTick(db, transport, new Date(now.getTime() + 10_000))).toMatchObject({ sent: 0 });
    expect(await runEmailWorkerTick(db, transport, new Date(now.getTime() + 31_000))).toMatchObject({ sent: 1 });
    expect(transport.sent.map((mail) => mail.subject)).toContain("Your Callback payment failed");
  });

  it("gathers a daily-digest category into one email at the digest hour", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    await updateEmailPreferences(db, talent.actor, {
      messages: "daily",
      contact_requests: "immediate",
      billing: "immediate",
    });
    const id = await conversationBetween(db, pro, talent);
    await send(db, pro, id, "First");
    await send(db, pro, id, "Second");
    const jobs = await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: "digest" });
    expect(jobs[0]!.notificationIds).toHaveLength(2);
    const transport = new RecordingTransport();
    await runEmailWorkerTick(db, transport, new Date(jobs[0]!.runAfter.getTime() + 1000));
    const digest = transport.sent.find((mail) => mail.to === talent.email);
    expect(digest?.subject).toBe("Your Callback digest: 2 updates");
    // Each update links, by an absolute address, to the conversation where it is answered.
    expect(digest?.html.match(new RegExp(`href="https?://[^"/]+/messages/${id}"`, "g"))).toHaveLength(2);
    expect(digest?.text).toMatch(new RegExp(`New message from .+ https?://\\S+/messages/${id}\nFirst`));
  });

  it("sends nothing for a category that is off, but still shows it in the app", async () => {
    const talent = await createTalent(db);
    await updateEmailPreferences(db, talent.actor, { messages: "off", contact_requests: "off", billing: "off" });
    await db.transaction((tx) =>
      notify(tx, { userId: talent.id, type: "subscription.canceled", payload: { planName: "Professional" } }).then(
        () => undefined,
      ),
    );
    expect(await countUnreadNotifications(db, talent.actor)).toBe(1);
    expect(await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id))).toHaveLength(0);
    await markAllNotificationsRead(db, talent.actor);
    expect(await countUnreadNotifications(db, talent.actor)).toBe(0);
  });

  it("turns a kind of email off from the signed link, signed out, and refuses a forged one", async () => {
    const talent = await createTalent(db);
    await unsubscribeWithToken(db, signUnsubscribeToken(talent.id, "messages"));
    expect(await getEmailPreferences(db, talent.actor)).toEqual({
      messages: "off",
      contact_requests: "immediate",
      billing: "immediate",
    });
    await expect(unsubscribeWithToken(db, `${signUnsubscribeToken(talent.id, "all")}x`)).rejects.toMatchObject({
      code: "invalid_input",
    });
    await unsubscribeWithToken(db, signUnsubscribeToken("deleted-account", "all"));
  });

  it("tells a subscriber when the subscription starts, through the same billing events as Stripe's", async () => {
    const pro = await createProfessional(db);
    const url = await startCheckout(
      db,
      new TestBillingProvider(),
      pro.actor,
      { plan: "PROFESSIONAL", interval: "month" },
      "http://localhost:3000",
    );
    await completeTestCheckout(db, pro.actor, { sessionId: url.split("/").at(-1)!, outcome: "pay" });
    const rows = await db
      .select({ type: notifications.type })
      .from(notifications)
      .where(eq(notifications.userId, pro.id));
    expect(rows).toEqual([{ type: "subscription.activated" }]);
  });

  it("pages through notifications newest first with a cursor, all or unread only", async () => {
    const talent = await createTalent(db);
    for (let index = 0; index < 5; index += 1) {
      await db.transaction((tx) =>
        notify(tx, {
          userId: talent.id,
          type: "subscription.activated",
          payload: { planName: `Plan ${index}` },
          now: new Date(Date.now() - index * 1000),
        }).then(() => undefined),
      );
    }
    const first = await listNotifications(db, talent.actor, { limit: 2 });
    const second = await listNotifications(db, talent.actor, { limit: 2, cursor: first.nextCursor! });
    const third = await listNotifications(db, talent.actor, { limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.body)).toEqual(
      [0, 1, 2, 3, 4].map((index) => `Welcome to the Plan ${index} plan: full profiles and messaging are open to you.`),
    );
    expect(third.nextCursor).toBeNull();
    expect((await listNotifications(db, talent.actor, { cursor: "not a cursor" })).items).toHaveLength(5);
  });
});
