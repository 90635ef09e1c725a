import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { conversationParticipants } from "@/db/schema/messaging";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { createProfessional, createTalent } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import { sendMessageInput } from "./inputs";
import {
  archiveConversation,
  markConversationRead,
  markConversationUnread,
  sendMessage,
  setConversationEmailMuted,
  startConversation,
  unarchiveConversation,
} from "./mutations";
import { getConversationView, getUnreadTotal, listInbox } from "./queries";

type Person = Awaited<ReturnType<typeof createTalent>>;
const send = (db: Db, person: Person, conversationId: string, body: string) =>
  sendMessage(db, person.actor, sendMessageInput.parse({ conversationId, body, clientKey: randomUUID() }));

describe("archive, mark unread and mute: one's own inbox", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  async function pair() {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);
    await send(db, pro, id, "Are you free on Friday for a recall?");
    return { pro, talent, id };
  }
  const idsIn = async (person: Person, view: "inbox" | "archived") =>
    (await listInbox(db, person.actor, undefined, { view })).items.map((item) => item.id);

  it("archives out of the inbox into Archived, for that person only, and the next message brings it back", async () => {
    const { pro, talent, id } = await pair();
    await markConversationRead(db, talent.actor, id, 1);
    await archiveConversation(db, talent.actor, id, 1);
    expect(await idsIn(talent, "inbox")).toEqual([]);
    expect(await idsIn(talent, "archived")).toEqual([id]);
    expect((await listInbox(db, talent.actor, undefined, { view: "archived" })).items[0]?.archived).toBe(true);
    expect((await getConversationView(db, talent.actor, id))?.archived).toBe(true);
    // The other person's inbox does not change.
    expect(await idsIn(pro, "inbox")).toEqual([id]);

    await send(db, pro, id, "Also: could you bring a headshot?");
    expect(await idsIn(talent, "inbox")).toEqual([id]);
    expect(await idsIn(talent, "archived")).toEqual([]);
    expect(await getUnreadTotal(db, talent.actor)).toBe(1);

    // Archiving again and answering it oneself brings it back too; moving it back by hand does the same.
    await archiveConversation(db, talent.actor, id, 2);
    await send(db, talent, id, "Yes, I will.");
    expect(await idsIn(talent, "inbox")).toEqual([id]);
    await archiveConversation(db, talent.actor, id, 3);
    await unarchiveConversation(db, talent.actor, id);
    expect(await idsIn(talent, "inbox")).toEqual([id]);
  });

  it("never archives a message its person has not seen: a newer one keeps the conversation in the inbox", async () => {
    const { pro, talent, id } = await pair();
    await send(db, pro, id, "One more thing.");
    await expect(archiveConversation(db, talent.actor, id, 1)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/new message has just arrived/),
    });
    expect(await idsIn(talent, "inbox")).toEqual([id]);

    // A message and an archive at the same moment: whichever lands first, the message is in the inbox.
    for (let round = 0; round < 5; round += 1) {
      const seen = (await getConversationView(db, talent.actor, id))!.lastSeq;
      await Promise.allSettled([archiveConversation(db, talent.actor, id, seen), send(db, pro, id, `Round ${round}`)]);
      expect(await idsIn(talent, "inbox")).toEqual([id]);
    }
  });

  it("marks a read conversation unread: it counts one on the badge until it is opened", async () => {
    const { talent, id } = await pair();
    await markConversationRead(db, talent.actor, id, 1);
    expect(await getUnreadTotal(db, talent.actor)).toBe(0);

    await markConversationUnread(db, talent.actor, id);
    expect(await getUnreadTotal(db, talent.actor)).toBe(1);
    expect((await listInbox(db, talent.actor)).items[0]).toMatchObject({ id, unread: 1, markedUnread: true });
    // Marking twice is still one.
    await markConversationUnread(db, talent.actor, id);
    expect(await getUnreadTotal(db, talent.actor)).toBe(1);

    await markConversationRead(db, talent.actor, id, 1);
    expect(await getUnreadTotal(db, talent.actor)).toBe(0);
    expect((await listInbox(db, talent.actor)).items[0]).toMatchObject({ unread: 0, markedUnread: false });

    // Archived, it leaves the badge with the inbox.
    await markConversationUnread(db, talent.actor, id);
    await archiveConversation(db, talent.actor, id, 1);
    expect(await getUnreadTotal(db, talent.actor)).toBe(0);
  });

  it("mutes a conversation's emails: the notification still arrives, no email is queued, and unmuting restores them", async () => {
    const { pro, talent, id } = await pair();
    await setConversationEmailMuted(db, talent.actor, id, true);
    expect((await getConversationView(db, talent.actor, id))?.emailMuted).toBe(true);
    const jobsBefore = await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id));

    await send(db, pro, id, "A muted message.");
    const muted = await db
      .select({ emailState: notifications.emailState, payload: notifications.payload })
      .from(notifications)
      .where(eq(notifications.userId, talent.id));
    expect(muted.find((row) => JSON.stringify(row.payload).includes("A muted message."))?.emailState).toBe("skipped");
    expect(await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id))).toHaveLength(jobsBefore.length);
    // Muting is the talent's alone: the professional still gets emails from the same conversation.
    await send(db, talent, id, "Replying to a muted conversation.");
    expect((await db.select().from(emailJobs).where(eq(emailJobs.userId, pro.id))).length).toBeGreaterThan(0);

    await setConversationEmailMuted(db, talent.actor, id, false);
    await send(db, pro, id, "An unmuted message.");
    const after = await db
      .select({ emailState: notifications.emailState, payload: notifications.payload })
      .from(notifications)
      .where(eq(notifications.userId, talent.id));
    expect(after.find((row) => JSON.stringify(row.payload).includes("An unmuted message."))?.emailState).not.toBe(
      "skipped",
    );
  });

  it("answers 404 to anyone not in the conversation, and for ids that are not conversations, changing nothing", async () => {
    const { talent, id } = await pair();
    const stranger = await createTalent(db);
    const before = await db
      .select()
      .from(conversationParticipants)
      .where(eq(conversationParticipants.conversationId, id));
    for (const conversationId of [id, randomUUID(), "not-a-uuid", "' or 1=1 --"]) {
      for (const attempt of [
        () => archiveConversation(db, stranger.actor, conversationId, 99),
        () => unarchiveConversation(db, stranger.actor, conversationId),
        () => markConversationUnread(db, stranger.actor, conversationId),
        () => setConversationEmailMuted(db, stranger.actor, conversationId, true),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
      }
    }
    expect(
      await db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, id)),
    ).toEqual(before);
    const [own] = await db
      .select({ archivedAt: conversationParticipants.archivedAt })
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, talent.id)));
    expect(own?.archivedAt).toBeNull();
  });
});
