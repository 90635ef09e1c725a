import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { attachTalentPhoto, createProfessional, createTalent, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { countUnreadNotifications, listNotifications } from "@/modules/notifications/queries";
import { freshDatabase } from "@/test/database";
import { recordStatements } from "@/test/statements";
import { sendMessageInput } from "./inputs";
import { blockCounterpart, markConversationRead, sendMessage, startConversation } from "./mutations";
import { getConversationPage, getHeaderCounts, getUnreadTotal, HEADER_NOTIFICATION_COUNT } from "./queries";

type Person = Awaited<ReturnType<typeof createTalent>>;
const send = (db: Db, person: Person, conversationId: string, body: string) =>
  sendMessage(db, person.actor, sendMessageInput.parse({ conversationId, body, clientKey: randomUUID() }));

describe("reads done once", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("opens a conversation in two statements, with everything the page shows and decides", async () => {
    const pro = await createProfessional(db, { name: "Casey Pro", subscription: true });
    const talent = await createTalentWithProfile(db, { user: { name: "Taylor Photo" } });
    const photoId = await attachTalentPhoto(db, talent.profileId, {
      storageKey: `photos/${randomUUID()}`,
      width: 800,
      height: 1000,
      position: 0,
    });
    const id = await startConversation(db, pro.actor, talent.id);
    await send(db, pro, id, "Hello Taylor");

    const { result, statements } = await recordStatements(db, () => getConversationPage(db, pro.actor, id));
    expect(statements).toHaveLength(2);
    expect(result?.conversation).toMatchObject({
      id,
      counterpart: { userId: talent.id, name: "Taylor Photo", role: "TALENT", status: "active", photoId },
      canSend: { allowed: true },
      canBlock: false,
      isBlockedByMe: false,
    });
    expect(result?.conversation.counterpart.profileId).toBe(talent.profileId);
    expect(result?.page.messages.map((message) => [message.body, message.isMine])).toEqual([["Hello Taylor", true]]);

    const asTalent = await getConversationPage(db, talent.actor, id);
    expect(asTalent?.conversation).toMatchObject({ canBlock: true, counterpart: { name: "Casey Pro" } });
  });

  it("keeps the participation, block and subscription rules in those statements", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);

    const stranger = await createProfessional(db, { subscription: true });
    const refused = await recordStatements(db, () => getConversationPage(db, stranger.actor, id));
    expect(refused.result).toBeNull();
    expect(refused.statements.length).toBeLessThanOrEqual(2);
    expect(await getConversationPage(db, stranger.actor, "not-a-uuid")).toBeNull();

    await blockCounterpart(db, talent.actor, id);
    expect((await getConversationPage(db, pro.actor, id))?.conversation).toMatchObject({
      canSend: { allowed: false, code: "forbidden" },
      isBlockedByMe: false,
    });
    expect((await getConversationPage(db, talent.actor, id))?.conversation.isBlockedByMe).toBe(true);

    const lapsed = { ...pro.actor, subscription: null };
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, talent.id));
    expect((await getConversationPage(db, lapsed, id))?.conversation).toMatchObject({
      counterpart: { name: "Unavailable", status: "unavailable" },
      canSend: { allowed: false, code: "conflict" },
    });
  });

  it("reads the header's counts and newest notifications in one statement", async () => {
    const pro = await createProfessional(db, { name: "Casey Header", subscription: true });
    const talent = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);
    for (let index = 0; index < HEADER_NOTIFICATION_COUNT + 2; index += 1) await send(db, pro, id, `m${index}`);
    await markConversationRead(db, talent.actor, id, 2);

    const { result, statements } = await recordStatements(db, () => getHeaderCounts(db, talent.actor));
    expect(statements).toHaveLength(1);
    const latest = await listNotifications(db, talent.actor, { limit: HEADER_NOTIFICATION_COUNT });
    expect(result).toEqual({
      unreadMessages: await getUnreadTotal(db, talent.actor),
      notifications: { unread: await countUnreadNotifications(db, talent.actor), latest: latest.items },
    });
    expect(result.unreadMessages).toBe(HEADER_NOTIFICATION_COUNT);
    expect(result.notifications.latest).toHaveLength(HEADER_NOTIFICATION_COUNT);

    const quiet = await createTalent(db);
    const empty = await recordStatements(db, () => getHeaderCounts(db, quiet.actor));
    expect(empty.statements).toHaveLength(1);
    expect(empty.result).toEqual({ unreadMessages: 0, notifications: { unread: 0, latest: [] } });
  });
});
