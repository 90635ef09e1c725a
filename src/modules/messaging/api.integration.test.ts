import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_PREFIX, handleApiRequest } from "@/app/api/v1/api";
import type { DatabaseHandle, Db } from "@/db/client";
import { sessions, users } from "@/db/schema/auth";
import { conversationParticipants, messages } from "@/db/schema/messaging";
import { notifications } from "@/db/schema/notifications";
import {
  attachTalentPhoto,
  createAdmin,
  createProfessional,
  createTalent,
  createTalentWithProfile,
  type CreatedUser,
} from "@/db/seed/factories";
import { getEnv } from "@/lib/env";
import type { ApiRequest } from "@/lib/json-api";
import type { Auth } from "@/modules/access/auth";
import { SESSION_REFRESH_SECONDS, SESSION_SECONDS, sessionCookieName, sessionSecrets } from "@/modules/access/session";
import { freshDatabase } from "@/test/database";
import { sendMessageInput } from "./inputs";
import { sendMessage, startConversation } from "./mutations";
import { INBOX_PAGE_SIZE, listInbox, listMessages, MESSAGE_PAGE_SIZE } from "./queries";
import type { InboxPage, MessagesPage, MessageView } from "./types";

/**
 * The messaging routes of the JSON API, driven through the composed handler
 * the production server and the route handler both use: real sessions (rows
 * and signed cookies, read by the app's own authentication), the app's
 * database pointed at this file's fresh one.
 */
const appGlobals = globalThis as unknown as { callbackDatabase?: DatabaseHandle; callbackAuth?: Auth };

const HOST = "localhost:3000";

let db: Db;

type Caller = CreatedUser & { cookie: string; token: string };
/** A value as it arrives in JSON: dates as ISO strings. */
type Json<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;
type InboxJson = Json<InboxPage>;
type PageJson = Json<MessagesPage>;
type MessageJson = Json<MessageView>;
type Refusal = { ok: false; code: string; message: string; fieldErrors: Record<string, string[]> };
type Answer<Body> = { status: number; headers: Record<string, string | string[]>; body: Body };

/** A signed-in person: a session row as Better Auth writes it, and the cookie that carries it. */
async function signedIn(user: CreatedUser, expiresAt = new Date(Date.now() + SESSION_SECONDS * 1000)): Promise<Caller> {
  const { secret, https } = sessionSecrets(getEnv());
  const token = randomBytes(24).toString("base64url");
  await db.insert(sessions).values({ token, userId: user.id, expiresAt });
  const value = encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
  return { ...user, token, cookie: `${sessionCookieName(https)}=${value}` };
}

/** One API call as a browser on this site makes it. */
async function call<Body = unknown>(
  caller: { cookie: string } | null,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer<Body>> {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  const headers = new Headers({
    host: HOST,
    ...(caller ? { cookie: caller.cookie } : {}),
    ...(method === "POST" ? { "content-type": "application/json", origin: `http://${HOST}` } : {}),
    ...extraHeaders,
  });
  const request: ApiRequest = {
    method,
    url: `${API_PREFIX}${path}`,
    headers,
    text: async (limit) => (Buffer.byteLength(text) > limit ? null : text),
  };
  const answer = await handleApiRequest(request);
  return { status: answer.status, headers: answer.headers, body: JSON.parse(answer.body) as Body };
}

const send = (sender: CreatedUser, conversationId: string, body: string) =>
  sendMessage(db, sender.actor, sendMessageInput.parse({ conversationId, body, clientKey: randomUUID() }));

async function messageCount(conversationId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(messages).where(eq(messages.conversationId, conversationId));
  return row!.total;
}

async function participantRows(conversationId: string) {
  return db
    .select({
      userId: conversationParticipants.userId,
      lastSeq: conversationParticipants.lastSeq,
      lastReadSeq: conversationParticipants.lastReadSeq,
    })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversationId))
    .orderBy(conversationParticipants.userId);
}

async function notificationCount(userId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(notifications).where(eq(notifications.userId, userId));
  return row!.total;
}

const notFoundBody = { ok: false, code: "not_found", message: "That conversation does not exist." };

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  appGlobals.callbackDatabase = fresh.handle;
  appGlobals.callbackAuth = undefined;
});

afterAll(() => {
  appGlobals.callbackDatabase = undefined;
  appGlobals.callbackAuth = undefined;
});

describe("who may call", () => {
  it("answers 401 without a session, or with one that ended or belongs to a suspended account", async () => {
    const talent = await signedIn(await createTalent(db));
    expect((await call(null, "GET", "unread")).status).toBe(401);
    const forged = `${talent.token}.${createHmac("sha256", "not-the-secret-0123456789abcdef0123").update(talent.token).digest("base64")}`;
    expect(
      (await call({ cookie: `${talent.cookie.split("=")[0]}=${encodeURIComponent(forged)}` }, "GET", "unread")).status,
    ).toBe(401);
    expect((await call(talent, "GET", "unread")).status).toBe(200);
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, talent.id));
    expect(await call(talent, "GET", "unread")).toMatchObject({
      status: 401,
      body: { ok: false, code: "unauthenticated" },
    });
    const expired = await signedIn(await createTalent(db), new Date(Date.now() - 1000));
    expect((await call(expired, "GET", "conversations")).status).toBe(401);
  });

  it("hands a session due for its daily refresh to Better Auth, which extends it and sets the cookie again", async () => {
    const talent = await signedIn(
      await createTalent(db),
      new Date(Date.now() + (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000 - 3_600_000),
    );
    const answer = await call(talent, "GET", "unread");
    expect(answer).toMatchObject({ status: 200, body: { messages: 0, notifications: 0 } });
    const cookies = answer.headers["Set-Cookie"] as string[];
    expect(cookies.some((cookie) => cookie.startsWith(`${sessionCookieName(sessionSecrets(getEnv()).https)}=`))).toBe(
      true,
    );
    const [row] = await db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.token, talent.token));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000);
    // Not due any more: no cookie on the next answer.
    expect((await call(talent, "GET", "unread")).headers["Set-Cookie"]).toBeUndefined();
  });

  it("refuses a send from another site, and writes nothing", async () => {
    const pro = await signedIn(await createProfessional(db, { subscription: true }));
    const talent = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);
    const answer = await call(
      pro,
      "POST",
      `conversations/${id}/messages`,
      { body: "Hi", clientKey: randomUUID() },
      { origin: "https://evil.example" },
    );
    expect(answer).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect(await messageCount(id)).toBe(0);
  });
});

describe("the inbox", () => {
  it("answers a page of conversations with the other person, the preview and the unread count, and pages on with the cursor", async () => {
    const busy = await signedIn(await createProfessional(db, { name: "Busy Pro", subscription: true }));
    const talents: CreatedUser[] = [];
    const ids: string[] = [];
    for (let index = 0; index < INBOX_PAGE_SIZE + 2; index += 1) {
      const someone = await createTalent(db, { name: `Inbox Talent ${index}` });
      const id = await startConversation(db, busy.actor, someone.id);
      await send(busy, id, `hi ${index}`);
      talents.push(someone);
      ids.push(id);
    }
    await send(busy, ids[0]!, "bumped");

    const first = await call<InboxJson>(busy, "GET", "conversations");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.items[0]).toEqual({
      id: ids[0],
      counterpart: {
        userId: talents[0]!.id,
        name: "Inbox Talent 0",
        role: "TALENT",
        status: "active",
        photoId: null,
        profileId: null,
      },
      preview: "bumped",
      lastMessageAt: expect.any(String),
      isLastFromMe: true,
      unread: 0,
      markedUnread: false,
      archived: false,
      emailMuted: false,
    });
    expect(new Date(first.body.items[0]!.lastMessageAt).toISOString()).toBe(first.body.items[0]!.lastMessageAt);

    const second = await call<InboxJson>(
      busy,
      "GET",
      `conversations?cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((item) => item.id))).toEqual(new Set(ids));
    // Latest activity first, ties by id: the order the cursor pages in.
    const ordered = [...all].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id.localeCompare(a.id));
    expect(all.map((item) => item.id)).toEqual(ordered.map((item) => item.id));

    const talentSide = await call(await signedIn(talents[0]!), "GET", "conversations");
    expect(talentSide.body).toEqual({
      items: [
        expect.objectContaining({
          id: ids[0],
          preview: "bumped",
          isLastFromMe: false,
          unread: 2,
          counterpart: expect.objectContaining({ name: "Busy Pro", role: "PROFESSIONAL" }),
        }),
      ],
      nextCursor: null,
    });
  });

  it("reads a cursor that is not one of its own as the first page", async () => {
    const pro = await signedIn(await createProfessional(db, { subscription: true }));
    const id = await startConversation(db, pro.actor, (await createTalent(db)).id);
    await send(pro, id, "hello");
    for (const cursor of [
      "garbage",
      "2026-02-30T00:00:00Z|00000000-0000-0000-0000-000000000000",
      "'; drop table users; --",
    ]) {
      const answer = await call<InboxJson>(pro, "GET", `conversations?cursor=${encodeURIComponent(cursor)}`);
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((item) => item.id)).toEqual([id]);
    }
  });

  it("answers an empty inbox for someone without conversations", async () => {
    expect(await call(await signedIn(await createTalent(db)), "GET", "conversations")).toMatchObject({
      status: 200,
      body: { items: [], nextCursor: null },
    });
  });
});

describe("a conversation's messages", () => {
  let pro: Caller;
  let talent: Caller;
  let id: string;
  let proKeys: string[];

  beforeAll(async () => {
    pro = await signedIn(await createProfessional(db, { subscription: true }));
    talent = await signedIn(await createTalent(db));
    id = await startConversation(db, pro.actor, talent.id);
    proKeys = [];
    for (let index = 1; index <= 60; index += 1) {
      const clientKey = randomUUID();
      proKeys.push(clientKey);
      await sendMessage(db, pro.actor, sendMessageInput.parse({ conversationId: id, body: `n${index}`, clientKey }));
    }
  });

  it("answers the newest page, oldest first, with whether there is more", async () => {
    const answer = await call<PageJson>(talent, "GET", `conversations/${id}/messages`);
    expect(answer.status).toBe(200);
    expect(answer.body.hasOlder).toBe(true);
    expect(answer.body.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: MESSAGE_PAGE_SIZE }, (_, index) => index + 11),
    );
    expect(answer.body.messages.at(-1)).toEqual({
      id: expect.any(String),
      seq: 60,
      body: "n60",
      isMine: false,
      createdAt: expect.any(String),
      clientKey: null,
    });
    const own = await call<PageJson>(pro, "GET", `conversations/${id}/messages`);
    expect(own.body.messages.at(-1)).toMatchObject({ seq: 60, body: "n60", isMine: true, clientKey: proKeys[59] });
  });

  it("answers the page before a seq, and what came after one", async () => {
    const older = await call<PageJson>(talent, "GET", `conversations/${id}/messages?before=11`);
    expect(older.status).toBe(200);
    expect(older.body.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 10 }, (_, index) => index + 1),
    );
    expect(older.body.hasOlder).toBe(false);
    const since = await call(talent, "GET", `conversations/${id}/messages?after=58`);
    expect(since.body).toEqual({
      messages: [expect.objectContaining({ seq: 59, body: "n59" }), expect.objectContaining({ seq: 60, body: "n60" })],
      hasOlder: false,
      hasNewer: false,
    });
    // After a long time away: a page of 50, which says more follow; the next page starts after its last.
    const away = await call<PageJson>(talent, "GET", `conversations/${id}/messages?after=2`);
    expect(away.body.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: MESSAGE_PAGE_SIZE }, (_, index) => index + 3),
    );
    expect(away.body.hasNewer).toBe(true);
    const rest = await call<PageJson>(talent, "GET", `conversations/${id}/messages?after=52`);
    expect(rest.body.messages.map((message) => message.seq)).toEqual([53, 54, 55, 56, 57, 58, 59, 60]);
    expect(rest.body.hasNewer).toBe(false);
    expect((await call(talent, "GET", `conversations/${id}/messages?after=60`)).body).toEqual({
      messages: [],
      hasOlder: false,
      hasNewer: false,
    });
    expect((await call(talent, "GET", `conversations/${id}/messages?after=9999999999`)).body).toEqual({
      messages: [],
      hasOlder: false,
      hasNewer: false,
    });
  });

  it("refuses a before or after that is not a whole number with 400 and the field to fix", async () => {
    for (const [name, value] of [
      ["before", "abc"],
      ["before", "1e3"],
      ["before", "1.5"],
      ["after", "0x10"],
      ["after", "%202"],
      ["before", "12345678901"],
    ] as const) {
      const answer = await call(talent, "GET", `conversations/${id}/messages?${name}=${value}`);
      expect(answer.status, `${name}=${value}`).toBe(400);
      expect(answer.body).toEqual({
        ok: false,
        code: "invalid_input",
        message: `${name} must be a whole number.`,
        fieldErrors: { [name]: ["Use a whole number."] },
      });
    }
  });

  it("answers an empty page, not a 404, for a participant of a conversation without messages", async () => {
    const quiet = await startConversation(db, pro.actor, (await createTalent(db)).id);
    expect(await call(pro, "GET", `conversations/${quiet}/messages`)).toMatchObject({
      status: 200,
      body: { messages: [], hasOlder: false, hasNewer: false },
    });
  });
});

describe("strangers", () => {
  it("get a 404 for the messages, sending and reading, exactly as for a conversation that does not exist, and change nothing", async () => {
    const pro = await signedIn(await createProfessional(db, { subscription: true }));
    const talent = await signedIn(await createTalent(db));
    const stranger = await signedIn(await createProfessional(db, { subscription: true }));
    const id = await startConversation(db, pro.actor, talent.id);
    await send(pro, id, "private");
    await send(pro, id, "still private");
    const participantsBefore = await participantRows(id);
    const notificationsBefore = await notificationCount(talent.id);

    for (const conversationId of [id, randomUUID()]) {
      const listed = await call(stranger, "GET", `conversations/${conversationId}/messages`);
      const sent = await call(stranger, "POST", `conversations/${conversationId}/messages`, {
        body: "let me in",
        clientKey: randomUUID(),
      });
      const read = await call(stranger, "POST", `conversations/${conversationId}/read`, { seq: 2 });
      for (const answer of [listed, sent, read]) expect(answer).toMatchObject({ status: 404, body: notFoundBody });
    }
    // Even a talent of the platform reading someone else's conversation with a high seq.
    expect(
      await call(await signedIn(await createTalent(db)), "POST", `conversations/${id}/read`, { seq: 99 }),
    ).toMatchObject({ status: 404 });

    expect(await messageCount(id)).toBe(2);
    expect(await participantRows(id)).toEqual(participantsBefore);
    expect(await notificationCount(talent.id)).toBe(notificationsBefore);
    const [fromStranger] = await db.select({ total: count() }).from(messages).where(eq(messages.senderId, stranger.id));
    expect(fromStranger!.total).toBe(0);
  });

  it("get a 404 for an id that is not a conversation id at all when listing, reading or sending", async () => {
    const stranger = await signedIn(await createTalent(db));
    for (const bad of ["not-a-uuid", "1", "%00"]) {
      expect(await call(stranger, "GET", `conversations/${bad}/messages`)).toMatchObject({
        status: 404,
        body: notFoundBody,
      });
      expect(await call(stranger, "POST", `conversations/${bad}/read`, { seq: 1 })).toMatchObject({
        status: 404,
        body: notFoundBody,
      });
      expect(
        await call(stranger, "POST", `conversations/${bad}/messages`, {
          body: "Hello",
          clientKey: crypto.randomUUID(),
        }),
      ).toMatchObject({ status: 404, body: notFoundBody });
    }
  });
});

describe("sending", () => {
  let pro: Caller;
  let talent: Caller;
  let id: string;

  beforeAll(async () => {
    pro = await signedIn(await createProfessional(db, { name: "Sending Pro", subscription: true }));
    talent = await signedIn(await createTalent(db));
    id = await startConversation(db, pro.actor, talent.id);
  });

  it("answers 201 with the stored message, which the other side then sees", async () => {
    const clientKey = randomUUID();
    const answer = await call<MessageJson>(pro, "POST", `conversations/${id}/messages`, {
      body: "  Are you free on Tuesday?\r\n",
      clientKey,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      seq: 1,
      body: "Are you free on Tuesday?",
      isMine: true,
      createdAt: expect.any(String),
      clientKey,
    });
    const listed = await call<PageJson>(talent, "GET", `conversations/${id}/messages`);
    expect(listed.body.messages).toEqual([
      {
        id: answer.body.id,
        seq: 1,
        body: "Are you free on Tuesday?",
        isMine: false,
        createdAt: answer.body.createdAt,
        clientKey: null,
      },
    ]);
    expect((await call(talent, "GET", "unread")).body).toEqual({ messages: 1, notifications: 1 });
  });

  it("answers the same message again for the same client key, storing and notifying it once", async () => {
    const clientKey = randomUUID();
    const first = await call(pro, "POST", `conversations/${id}/messages`, { body: "Only once", clientKey });
    const notificationsAfterFirst = await notificationCount(talent.id);
    const again = await call(pro, "POST", `conversations/${id}/messages`, { body: "Only once", clientKey });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(
      await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.senderId, pro.id), eq(messages.clientKey, clientKey))),
    ).toHaveLength(1);
    expect(await notificationCount(talent.id)).toBe(notificationsAfterFirst);
  });

  it("refuses a client key already used in another conversation, storing nothing", async () => {
    const clientKey = randomUUID();
    expect((await call(pro, "POST", `conversations/${id}/messages`, { body: "Here", clientKey })).status).toBe(201);
    const other = await startConversation(db, pro.actor, (await createTalent(db)).id);
    expect(await call(pro, "POST", `conversations/${other}/messages`, { body: "There", clientKey })).toMatchObject({
      status: 409,
      body: { code: "conflict" },
    });
    expect(await messageCount(other)).toBe(0);
  });

  it("sends to the conversation in the address, whatever the body names", async () => {
    const elsewhere = await startConversation(db, pro.actor, (await createTalent(db)).id);
    const before = await messageCount(elsewhere);
    const answer = await call<MessageJson>(pro, "POST", `conversations/${id}/messages`, {
      body: "Addressed",
      clientKey: randomUUID(),
      conversationId: elsewhere,
    });
    expect(answer.status).toBe(201);
    expect(await messageCount(elsewhere)).toBe(before);
    expect(
      (await call<PageJson>(pro, "GET", `conversations/${id}/messages?after=${answer.body.seq - 1}`)).body.messages,
    ).toEqual([expect.objectContaining({ body: "Addressed" })]);
  });

  it("refuses bad input with 400 and the fields to fix, writing nothing", async () => {
    const before = await messageCount(id);
    const tooLong = await call(pro, "POST", `conversations/${id}/messages`, {
      body: "x".repeat(5001),
      clientKey: randomUUID(),
    });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { ok: false, code: "invalid_input", fieldErrors: { body: ["Messages can be at most 5,000 characters."] } },
    });
    const noKey = await call<Refusal>(pro, "POST", `conversations/${id}/messages`, { body: "Hello" });
    expect(noKey.status).toBe(400);
    expect(Object.keys(noKey.body.fieldErrors)).toEqual(["clientKey"]);
    const badKey = await call<Refusal>(pro, "POST", `conversations/${id}/messages`, { body: "Hello", clientKey: "1" });
    expect(Object.keys(badKey.body.fieldErrors)).toEqual(["clientKey"]);
    const empty = await call(pro, "POST", `conversations/${id}/messages`, { body: "   ", clientKey: randomUUID() });
    expect(empty).toMatchObject({ status: 400, body: { fieldErrors: { body: ["Write a message."] } } });
    const notAnObject = await call(pro, "POST", `conversations/${id}/messages`, '"just text"');
    expect(notAnObject).toMatchObject({ status: 400, body: { fieldErrors: { body: ["Write a message."] } } });
    const notJson = await call(pro, "POST", `conversations/${id}/messages`, "{body: hi}");
    expect(notJson).toMatchObject({ status: 400, body: { message: "The body is not valid JSON." } });
    expect(await messageCount(id)).toBe(before);
  });

  it("takes a body of exactly 5,000 characters", async () => {
    const answer = await call<MessageJson>(pro, "POST", `conversations/${id}/messages`, {
      body: "y".repeat(5000),
      clientKey: randomUUID(),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.body).toHaveLength(5000);
  });
});

describe("reading and the unread counts", () => {
  it("moves the read pointer and answers the new unread counts, never moving it back", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await signedIn(await createTalent(db));
    const id = await startConversation(db, pro.actor, talent.id);
    for (const body of ["one", "two", "three"]) await send(pro, id, body);
    expect(await call(talent, "GET", "unread")).toMatchObject({ status: 200, body: { messages: 3, notifications: 3 } });

    expect(await call(talent, "POST", `conversations/${id}/read`, { seq: 2 })).toMatchObject({
      status: 200,
      body: { lastReadSeq: 2, messages: 1, notifications: 1 },
    });
    const [row] = await db
      .select({ lastReadSeq: conversationParticipants.lastReadSeq })
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, talent.id)));
    expect(row!.lastReadSeq).toBe(2);
    expect((await call(talent, "POST", `conversations/${id}/read`, { seq: 1 })).body).toEqual({
      lastReadSeq: 2,
      messages: 1,
      notifications: 1,
    });
    expect((await call(talent, "POST", `conversations/${id}/read`, { seq: 99 })).body).toEqual({
      lastReadSeq: 3,
      messages: 0,
      notifications: 0,
    });
    expect((await call(talent, "GET", "unread")).body).toEqual({ messages: 0, notifications: 0 });
    const inbox = await call<InboxJson>(talent, "GET", "conversations");
    expect(inbox.body.items[0]).toMatchObject({ id, unread: 0 });
  });

  it("refuses a seq that is not a whole number from 0, with the field to fix", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await signedIn(await createTalent(db));
    const id = await startConversation(db, pro.actor, talent.id);
    await send(pro, id, "hello");
    for (const body of [{ seq: "1" }, { seq: -1 }, { seq: 1.5 }, {}, { seq: null }]) {
      const answer = await call<Refusal>(talent, "POST", `conversations/${id}/read`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.fieldErrors)).toEqual(["seq"]);
    }
    expect((await call(talent, "POST", `conversations/${id}/read`, [])).status).toBe(400);
    expect((await call<{ messages: number }>(talent, "GET", "unread")).body.messages).toBe(1);
  });
});

describe("archive, mark unread and mute", () => {
  async function conversation() {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await signedIn(await createTalent(db));
    const id = await startConversation(db, pro.actor, talent.id);
    await send(pro, id, "hello");
    await call(talent, "POST", `conversations/${id}/read`, { seq: 1 });
    return { pro, talent, id };
  }

  it("archives into view=archived and back, marks unread (the counts say so) and mutes, each for the caller only", async () => {
    const { talent, id } = await conversation();
    expect(await call(talent, "POST", `conversations/${id}/archive`, { archived: true, seq: 1 })).toMatchObject({
      status: 200,
      body: { archived: true, messages: 0 },
    });
    expect((await call<InboxJson>(talent, "GET", "conversations")).body.items).toEqual([]);
    const archived = await call<InboxJson>(talent, "GET", "conversations?view=archived");
    expect(archived.body.items.map((item) => [item.id, item.archived])).toEqual([[id, true]]);
    expect((await call(talent, "POST", `conversations/${id}/archive`, { archived: false })).status).toBe(200);
    expect((await call<InboxJson>(talent, "GET", "conversations")).body.items.map((item) => item.id)).toEqual([id]);

    expect(await call(talent, "POST", `conversations/${id}/unread`)).toMatchObject({
      status: 200,
      body: { messages: 1 },
    });
    expect((await call<InboxJson>(talent, "GET", "conversations")).body.items[0]).toMatchObject({
      unread: 1,
      markedUnread: true,
    });
    expect(await call(talent, "POST", `conversations/${id}/mute`, { muted: true })).toMatchObject({
      status: 200,
      body: { muted: true },
    });
    expect((await call<InboxJson>(talent, "GET", "conversations")).body.items[0]?.emailMuted).toBe(true);
  });

  it("refuses to archive past what the caller has seen (409), and bad bodies and views with the field to fix", async () => {
    const { pro, talent, id } = await conversation();
    await send(pro, id, "a newer one");
    expect(
      await call<Refusal>(talent, "POST", `conversations/${id}/archive`, { archived: true, seq: 1 }),
    ).toMatchObject({ status: 409, body: { code: "conflict" } });
    for (const [body, field] of [
      [{ archived: true }, "seq"],
      [{ archived: "yes", seq: 1 }, "archived"],
      [{ archived: true, seq: -1 }, "seq"],
      [{ archived: true, seq: 1.5 }, "seq"],
    ] as const) {
      const answer = await call<Refusal>(talent, "POST", `conversations/${id}/archive`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.body.fieldErrors)).toEqual([field]);
    }
    for (const body of [{}, { muted: "true" }, []]) {
      expect((await call(talent, "POST", `conversations/${id}/mute`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call(talent, "GET", "conversations?view=deleted")).status).toBe(400);
    expect((await call<InboxJson>(talent, "GET", "conversations")).body.items[0]).toMatchObject({
      id,
      emailMuted: false,
    });
  });

  it("answers 404 to a stranger and for made-up ids, as for any conversation that is not theirs", async () => {
    const { id } = await conversation();
    const stranger = await signedIn(await createTalent(db));
    for (const target of [id, randomUUID(), "not-a-uuid"]) {
      for (const [path, body] of [
        [`conversations/${target}/archive`, { archived: true, seq: 9 }],
        [`conversations/${target}/archive`, { archived: false }],
        [`conversations/${target}/unread`, undefined],
        [`conversations/${target}/mute`, { muted: true }],
      ] as const) {
        expect(await call(stranger, "POST", path, body), path).toMatchObject({ status: 404, body: notFoundBody });
      }
    }
  });
});

describe("professionals without premium access", () => {
  it("may read their conversations and mark them read, but a send is refused with subscription_required", async () => {
    const admin = await createAdmin(db);
    const people = [
      await createProfessional(db),
      await createProfessional(db, { subscription: { status: "past_due" } }),
      await createProfessional(db, {
        subscription: { status: "canceled", currentPeriodEnd: new Date(Date.now() - 86_400_000) },
      }),
      await createProfessional(db, {
        subscription: { status: "active", currentPeriodEnd: new Date(Date.now() - 60_000) },
      }),
    ];
    for (const person of people) {
      const caller = await signedIn(person);
      const id = await startConversation(db, admin.actor, person.id);
      await send(admin, id, "Your plan");
      expect((await call<PageJson>(caller, "GET", `conversations/${id}/messages`)).body.messages).toEqual([
        expect.objectContaining({ body: "Your plan" }),
      ]);
      expect(await call(caller, "POST", `conversations/${id}/read`, { seq: 1 })).toMatchObject({
        status: 200,
        body: { lastReadSeq: 1 },
      });
      const refused = await call(caller, "POST", `conversations/${id}/messages`, {
        body: "Can I reply?",
        clientKey: randomUUID(),
      });
      expect(refused).toEqual({
        status: 402,
        headers: expect.any(Object),
        body: {
          ok: false,
          code: "subscription_required",
          message:
            "Your subscription is not active, so you can read this conversation but not reply. Renew it to continue.",
        },
      });
      expect(await messageCount(id)).toBe(1);
    }
  });
});

describe("the single-query inbox and message reads", () => {
  it("names a deleted account Deleted user and a suspended one Unavailable, without a photo, and shows an active one's photo", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const withPhoto = async (name: string) => {
      const talent = await createTalentWithProfile(db, { user: { name } });
      const photoId = await attachTalentPhoto(db, talent.profileId, {
        storageKey: `photos/${randomUUID()}`,
        width: 800,
        height: 1000,
        position: 0,
      });
      return { ...talent, photoId };
    };
    const active = await withPhoto("Active Talent");
    const suspended = await withPhoto("Suspended Talent");
    const softDeleted = await withPhoto("Soft Deleted Talent");
    const removed = await createTalent(db, { name: "Removed Talent" });
    const idOf: Record<string, string> = {};
    for (const [key, person] of Object.entries({ active, suspended, softDeleted, removed })) {
      idOf[key] = await startConversation(db, pro.actor, person.id);
      await send(pro, idOf[key]!, `to ${key}`);
    }
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, softDeleted.id));
    await db.delete(users).where(eq(users.id, removed.id));

    const inbox = await listInbox(db, pro.actor);
    const counterpartOf = (key: string) => inbox.items.find((item) => item.id === idOf[key])?.counterpart;
    expect(counterpartOf("active")).toEqual({
      userId: active.id,
      name: "Active Talent",
      role: "TALENT",
      status: "active",
      photoId: active.photoId,
      profileId: active.profileId,
    });
    expect(counterpartOf("suspended")).toEqual({
      userId: suspended.id,
      name: "Unavailable",
      role: "TALENT",
      status: "unavailable",
      photoId: null,
      profileId: null,
    });
    expect(counterpartOf("softDeleted")).toEqual({
      userId: null,
      name: "Deleted user",
      role: null,
      status: "deleted",
      photoId: null,
      profileId: null,
    });
    expect(counterpartOf("removed")).toEqual({
      userId: null,
      name: "Deleted user",
      role: null,
      status: "deleted",
      photoId: null,
      profileId: null,
    });
    expect(inbox.items.find((item) => item.id === idOf.removed)).toMatchObject({
      preview: "to removed",
      isLastFromMe: true,
      unread: 0,
    });

    // The API answers the same.
    const answer = await call<InboxJson>(await signedIn(pro), "GET", "conversations");
    expect(answer.body.items.find((item) => item.id === idOf.suspended)?.counterpart).toMatchObject({
      name: "Unavailable",
      photoId: null,
    });
  });

  it("answers null to a non-participant and an empty page, not null, to a participant of a conversation without messages", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const stranger = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);
    for (const window of [{}, { beforeSeq: 10 }, { afterSeq: 0 }, { beforeSeq: 10, afterSeq: 0 }]) {
      expect(await listMessages(db, pro.actor, id, window)).toEqual({ messages: [], hasOlder: false, hasNewer: false });
      expect(await listMessages(db, talent.actor, id, window)).toEqual({
        messages: [],
        hasOlder: false,
        hasNewer: false,
      });
      expect(await listMessages(db, stranger.actor, id, window)).toBeNull();
    }
    expect(await listMessages(db, pro.actor, randomUUID())).toBeNull();
    await send(pro, id, "first");
    expect(await listMessages(db, stranger.actor, id)).toBeNull();
    expect((await listMessages(db, talent.actor, id))?.messages.map((message) => message.body)).toEqual(["first"]);
  });

  it("reads both bounds together", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalent(db);
    const id = await startConversation(db, pro.actor, talent.id);
    for (let index = 1; index <= 6; index += 1) await send(pro, id, `b${index}`);
    expect(
      (await listMessages(db, talent.actor, id, { afterSeq: 2, beforeSeq: 5 }))?.messages.map((message) => message.seq),
    ).toEqual([3, 4]);
  });
});
