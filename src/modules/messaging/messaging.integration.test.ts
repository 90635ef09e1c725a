import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { conversations, messages } from "@/db/schema/messaging";
import { createAdmin, createCompany, createProfessional, createTalent } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { sendMessageInput } from "./inputs";
import {
  blockCounterpart,
  markConversationRead,
  reportConversation,
  sendMessage,
  startConversation,
  startConversationAsAdmin,
  unblockCounterpart,
} from "./mutations";
import { getConversationView, getUnreadTotal, listInbox, listMessages } from "./queries";

type Person = Awaited<ReturnType<typeof createTalent>>;
const send = (db: Db, person: Person, conversationId: string, body: string, clientKey = randomUUID()) =>
  sendMessage(db, person.actor, sendMessageInput.parse({ conversationId, body, clientKey }));

describe("conversations and messages", () => {
  let db: Db;
  let pro: Person;
  let talent: Person;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    pro = await createProfessional(db, { name: "Casey Pro", subscription: true });
    talent = await createTalent(db, { name: "Taylor Talent" });
  });

  it("runs the whole flow: a subscriber writes, the talent sees it unread, reads it and replies", async () => {
    const id = await startConversation(db, pro.actor, talent.id);
    await send(db, pro, id, "Hello Taylor, are you free next week?");
    expect(await getUnreadTotal(db, talent.actor)).toBe(1);
    const inbox = await listInbox(db, talent.actor);
    expect(inbox.items[0]).toMatchObject({
      id,
      unread: 1,
      preview: "Hello Taylor, are you free next week?",
      counterpart: { name: "Casey Pro", status: "active" },
    });

    const page = await listMessages(db, talent.actor, id);
    expect(page?.messages.map((message) => [message.seq, message.isMine])).toEqual([[1, false]]);
    await markConversationRead(db, talent.actor, id, 1);
    expect(await getUnreadTotal(db, talent.actor)).toBe(0);
    await send(db, talent, id, "Yes, Tuesday works.");
    expect(await getUnreadTotal(db, pro.actor)).toBe(1);
    expect(await getUnreadTotal(db, talent.actor)).toBe(0);
  });

  it("reuses the existing conversation when a professional contacts the same talent again", async () => {
    const first = await startConversation(db, pro.actor, talent.id);
    const second = await startConversation(db, pro.actor, talent.id);
    expect(second).toBe(first);
  });

  it("creates one conversation for 20 concurrent first contacts from both sides, and gives every caller its id", async () => {
    // Admins may message anyone, so both sides may start this one.
    const a = await createAdmin(db);
    const b = await createAdmin(db);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0 ? startConversation(db, a.actor, b.id) : startConversation(db, b.actor, a.id),
      ),
    );
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(1);
    const [lo] = [a.id, b.id].sort();
    expect(await db.select().from(conversations).where(eq(conversations.userLo, lo!))).toHaveLength(1);
  });

  it("numbers 100 concurrent sends 1 to 100 without a gap, and counts exactly 100 unread", async () => {
    const sender = await createProfessional(db, { subscription: true });
    const receiver = await createTalent(db);
    const id = await startConversation(db, sender.actor, receiver.id);
    await Promise.all(Array.from({ length: 100 }, (_, index) => send(db, sender, id, `Message ${index}`)));
    const rows = await db.select({ seq: messages.seq }).from(messages).where(eq(messages.conversationId, id));
    expect(rows.map((row) => row.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 1),
    );
    expect(await getUnreadTotal(db, receiver.actor)).toBe(100);
  });

  it("stores a message once when the same key is sent twice, even at the same moment", async () => {
    const id = await startConversation(db, pro.actor, talent.id);
    const key = randomUUID();
    const [a, b] = await Promise.all([send(db, pro, id, "Only once", key), send(db, pro, id, "Only once", key)]);
    const again = await send(db, pro, id, "Only once", key);
    expect(new Set([a.id, b.id, again.id]).size).toBe(1);
    expect(await db.select().from(messages).where(eq(messages.clientKey, key))).toHaveLength(1);
  });

  it("never moves the read pointer back, nor past the newest message", async () => {
    const sender = await createProfessional(db, { subscription: true });
    const reader = await createTalent(db);
    const id = await startConversation(db, sender.actor, reader.id);
    for (let index = 0; index < 5; index += 1) await send(db, sender, id, `m${index}`);
    expect(await markConversationRead(db, reader.actor, id, 4)).toBe(4);
    expect(await markConversationRead(db, reader.actor, id, 2)).toBe(4);
    expect(await markConversationRead(db, reader.actor, id, 99)).toBe(5);
    expect(await getUnreadTotal(db, reader.actor)).toBe(0);
  });

  it("pages through messages: the newest 50 first, then older ones", async () => {
    const sender = await createProfessional(db, { subscription: true });
    const receiver = await createTalent(db);
    const id = await startConversation(db, sender.actor, receiver.id);
    for (let index = 1; index <= 60; index += 1) await send(db, sender, id, `n${index}`);
    const newest = await listMessages(db, receiver.actor, id);
    expect(newest?.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 11),
    );
    expect(newest?.hasOlder).toBe(true);
    const older = await listMessages(db, receiver.actor, id, { beforeSeq: 11 });
    expect(older?.messages.map((message) => message.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    expect(older?.hasOlder).toBe(false);
    const since = await listMessages(db, receiver.actor, id, { afterSeq: 58 });
    expect(since?.messages.map((message) => message.body)).toEqual(["n59", "n60"]);
  });

  it("orders the inbox by latest activity and pages it with a cursor", async () => {
    const busy = await createProfessional(db, { subscription: true });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const someone = await createTalent(db, { name: `Inbox Talent ${index}` });
      const id = await startConversation(db, busy.actor, someone.id);
      await send(db, busy, id, `hi ${index}`);
      ids.push(id);
    }
    await send(db, busy, ids[0]!, "bumped");
    const first = await listInbox(db, busy.actor, undefined, { pageSize: 3 });
    const second = await listInbox(db, busy.actor, first.nextCursor!, { pageSize: 3 });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([ids[0], ids[4], ids[3], ids[2], ids[1]]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers strangers exactly as for a conversation that does not exist", async () => {
    const id = await startConversation(db, pro.actor, talent.id);
    const stranger = await createProfessional(db, { subscription: true });
    expect(await getConversationView(db, stranger.actor, id)).toBeNull();
    expect(await listMessages(db, stranger.actor, id)).toBeNull();
    await expect(send(db, stranger, id, "let me in")).rejects.toMatchObject({ code: "not_found" });
    await expect(markConversationRead(db, stranger.actor, id, 1)).rejects.toMatchObject({ code: "not_found" });
    expect(await getConversationView(db, stranger.actor, "not-a-uuid")).toBeNull();
  });

  it("lets a lapsed subscriber read its history but not write", async () => {
    const lapsed = await createProfessional(db, { subscription: { status: "past_due" } });
    const admin = await createAdmin(db);
    const id = await startConversation(db, admin.actor, lapsed.id);
    await send(db, { ...admin }, id, "Your payment failed");
    expect((await listMessages(db, lapsed.actor, id))?.messages).toHaveLength(1);
    const view = await getConversationView(db, lapsed.actor, id);
    expect(view?.canSend).toMatchObject({ allowed: false, code: "subscription_required" });
    await expect(send(db, lapsed, id, "Can I reply?")).rejects.toMatchObject({ code: "subscription_required" });
  });

  it("keeps a conversation readable after the other account is deleted, shown as Deleted user, and refuses new messages", async () => {
    const leaving = await createTalent(db, { name: "Leaving Talent" });
    const id = await startConversation(db, pro.actor, leaving.id);
    await send(db, pro, id, "Before you go");
    await db.delete(users).where(eq(users.id, leaving.id));
    const view = await getConversationView(db, pro.actor, id);
    expect(view?.counterpart).toMatchObject({ name: "Deleted user", status: "deleted", userId: null });
    expect((await listMessages(db, pro.actor, id))?.messages.map((message) => message.body)).toEqual(["Before you go"]);
    await expect(send(db, pro, id, "Hello?")).rejects.toThrow(/deleted/);
  });

  it("lets a talent block and unblock a sender; a blocked sender is told so plainly", async () => {
    const sender = await createProfessional(db, { subscription: true });
    const blocker = await createTalent(db);
    const id = await startConversation(db, sender.actor, blocker.id);
    await blockCounterpart(db, blocker.actor, id);
    await expect(send(db, sender, id, "Still there?")).rejects.toThrow(
      "This talent is not accepting messages from you.",
    );
    await expect(startConversation(db, sender.actor, blocker.id)).rejects.toThrow(
      "This talent is not accepting messages from you.",
    );
    expect((await getConversationView(db, blocker.actor, id))?.isBlockedByMe).toBe(true);
    await expect(blockCounterpart(db, sender.actor, id)).rejects.toMatchObject({ code: "forbidden" });
    await unblockCounterpart(db, blocker.actor, id);
    await expect(send(db, sender, id, "Thanks")).resolves.toMatchObject({ body: "Thanks" });
  });

  it("lets either participant report the conversation, and nobody else", async () => {
    const id = await startConversation(db, pro.actor, talent.id);
    await expect(
      reportConversation(db, talent.actor, { conversationId: id, reason: "spam", note: "Unsolicited offers" }),
    ).resolves.toBeUndefined();
    const stranger = await createTalent(db);
    await expect(
      reportConversation(db, stranger.actor, { conversationId: id, reason: "spam", note: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("message input", () => {
  it("trims, keeps newlines and tabs, and refuses empty, oversized and control-character bodies with clear errors", () => {
    const base = { conversationId: randomUUID(), clientKey: randomUUID() };
    expect(sendMessageInput.parse({ ...base, body: "  Line one\r\n\tLine two  " }).body).toBe("Line one\n\tLine two");
    const errors = (body: string) =>
      sendMessageInput.safeParse({ ...base, body }).error?.issues.map((issue) => issue.message);
    expect(errors("   ")).toEqual(["Write a message."]);
    expect(errors("x".repeat(5001))).toEqual(["Messages can be at most 5,000 characters."]);
    expect(errors("bad\u0000byte")).toEqual(["Messages cannot contain control characters."]);
    expect(sendMessageInput.safeParse({ ...base, body: "x".repeat(5000) }).success).toBe(true);
  });
});

describe("admins write to anyone", () => {
  let db: Db;
  let pro: Person;
  let talent: Person;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    pro = await createProfessional(db, { subscription: true });
    talent = await createTalent(db);
  });

  it("lets an admin open a conversation with any account, and no one else through the admin door", async () => {
    const admin = await createAdmin(db);
    const company = await createCompany(db);
    const unlisted = await createTalent(db);
    for (const target of [pro, company, unlisted]) {
      const id = await startConversationAsAdmin(db, admin.actor, target.id);
      expect(await startConversationAsAdmin(db, admin.actor, target.id)).toBe(id);
      await send(db, admin, id, "Hello from the Callback team.");
      expect((await listInbox(db, target.actor)).items.map((item) => item.id)).toContain(id);
    }
    await expect(startConversationAsAdmin(db, admin.actor, admin.id)).rejects.toMatchObject({ code: "invalid_input" });
    // An id that is no account answers as a deleted one does.
    await expect(startConversationAsAdmin(db, admin.actor, "not-an-account")).rejects.toThrow(/deleted/);
    // A subscriber, a company or a talent using the admin door is told it does not exist, and nothing is made.
    const before = await db.select().from(conversations);
    for (const someone of [pro, company, talent]) {
      await expect(startConversationAsAdmin(db, someone.actor, unlisted.id)).rejects.toMatchObject({
        code: "not_found",
      });
    }
    expect(await db.select().from(conversations)).toHaveLength(before.length);
  });
});
