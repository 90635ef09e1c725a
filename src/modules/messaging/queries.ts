import "server-only";
import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import {
  conversationParticipants,
  conversationReports,
  conversations,
  messages,
  unreadInInbox,
  userBlocks,
} from "@/db/schema/messaging";
import { preparedQuery } from "@/db/prepared";
import { exactTimestamp, keysetBefore, keysetCursor } from "@/db/sql";
import { AppError } from "@/lib/errors";
import { accountFactsByUser, getAccountFacts } from "@/modules/access/internal";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { latestNotificationsOf, unreadNotificationsCount } from "@/modules/notifications/internal";
import { toNotificationView, type NotificationView } from "@/modules/notifications/queries";
import { primaryPhotoByUser } from "@/modules/talents/internal";
import { conversationIdInput } from "./inputs";
import { canBlock, canSendMessage, type CounterpartFacts } from "./policies";
import type { ConversationView, InboxPage, InboxView, MessagesPage, MessageView } from "./types";
import { toCounterpart } from "./internal";

const p = conversationParticipants;
const c = conversations;

/** The conversation if the actor takes part in it; null for anyone else, exactly as for an id that does not exist. */
export async function getParticipantConversation(db: Db, actor: Actor, conversationId: string) {
  if (!conversationIdInput.safeParse(conversationId).success) return null;
  const [row] = await db
    .select({ id: c.id, userLo: c.userLo, userHi: c.userHi, lastSeq: c.lastSeq, lastReadSeq: p.lastReadSeq })
    .from(p)
    .innerJoin(c, eq(c.id, p.conversationId))
    .where(and(eq(p.conversationId, conversationId), eq(p.userId, actor.userId)));
  return row ?? null;
}

/** Whether `blockerId` has blocked `blockedId` (read by messaging and contact requests). */
export async function isBlocked(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const [row] = await db
    .select({ blockerId: userBlocks.blockerId })
    .from(userBlocks)
    .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
  return Boolean(row);
}

export async function getCounterpartFacts(
  db: Db,
  actor: Actor,
  counterpartId: string | null,
): Promise<CounterpartFacts> {
  if (!counterpartId) return { userId: null, role: null, isSuspended: false, hasBlockedActor: false };
  const [accounts, blocked] = await Promise.all([
    getAccountFacts(db, [counterpartId]),
    isBlocked(db, counterpartId, actor.userId),
  ]);
  const account = accounts.get(counterpartId);
  if (!account || account.isDeleted) return { userId: null, role: null, isSuspended: false, hasBlockedActor: false };
  return { userId: account.id, role: account.role, isSuspended: account.isSuspended, hasBlockedActor: blocked };
}

/** The other participant of a conversation row, as SQL: whichever of the ordered pair is not the actor. */
function counterpartIdSql(actorId: string | ReturnType<typeof sql.placeholder>) {
  return sql<string | null>`case when ${c.userLo} = ${actorId} then ${c.userHi} else ${c.userLo} end`;
}

export const INBOX_PAGE_SIZE = 20;

/** The inbox or the Archived view: each one range scan of its own partial index. */
function inboxQuery(db: Db, view: InboxView, afterCursor: SQL | undefined) {
  // One query: the page of conversations, each with the other person's name, state and photo joined in by id.
  const actorId = sql.placeholder("actorId");
  const counterpartId = counterpartIdSql(actorId);
  const account = accountFactsByUser(db);
  const photo = primaryPhotoByUser(db);
  return db
    .select({
      id: p.conversationId,
      lastSeq: p.lastSeq,
      lastReadSeq: p.lastReadSeq,
      markedUnread: p.markedUnread,
      emailMuted: p.emailMuted,
      lastMessageAt: p.lastMessageAt,
      activityKey: exactTimestamp(p.lastMessageAt),
      counterpartId,
      preview: c.lastMessagePreview,
      lastSenderId: c.lastSenderId,
      name: account.name,
      role: account.role,
      isSuspended: account.isSuspended,
      isDeleted: account.isDeleted,
      photoId: photo.photoId,
      profileId: photo.profileId,
    })
    .from(p)
    .innerJoin(c, eq(c.id, p.conversationId))
    .leftJoin(account, eq(account.id, counterpartId))
    .leftJoin(photo, eq(photo.userId, counterpartId))
    .where(
      and(eq(p.userId, actorId), view === "archived" ? isNotNull(p.archivedAt) : isNull(p.archivedAt), afterCursor),
    )
    .orderBy(desc(p.lastMessageAt), desc(p.conversationId))
    .limit(sql.placeholder("limit"));
}

const inboxFirstPage = {
  inbox: preparedQuery("messaging_inbox_first_page", (db) => inboxQuery(db, "inbox", undefined)),
  archived: preparedQuery("messaging_archived_first_page", (db) => inboxQuery(db, "archived", undefined)),
};

/**
 * The actor's conversations, latest activity first: one index range scan on
 * (user, last_message_at, conversation), so its cost follows the page size,
 * not how many messages exist.
 */
export async function listInbox(
  db: Db,
  actor: Actor,
  cursor?: string,
  { view = "inbox", pageSize = INBOX_PAGE_SIZE }: { view?: InboxView; pageSize?: number } = {},
): Promise<InboxPage> {
  const afterCursor = keysetBefore(cursor, p.lastMessageAt, p.conversationId);
  const values = { actorId: actor.userId, limit: pageSize + 1 };
  const rows = afterCursor
    ? await inboxQuery(db, view, afterCursor).execute(values)
    : await inboxFirstPage[view](db).execute(values);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      counterpart: toCounterpart(row.counterpartId, row),
      preview: row.preview,
      lastMessageAt: row.lastMessageAt,
      isLastFromMe: row.lastSenderId === actor.userId,
      // Marked unread, it counts as one, as on the badge.
      unread: Math.max(row.lastSeq - row.lastReadSeq, row.markedUnread ? 1 : 0, 0),
      markedUnread: row.markedUnread,
      archived: view === "archived",
      emailMuted: row.emailMuted,
    })),
    nextCursor: rows.length > pageSize && last ? keysetCursor({ key: last.activityKey, id: last.id }) : null,
  };
}

function unreadTotalQuery(db: Db, actorId: ReturnType<typeof sql.placeholder>) {
  // A conversation marked unread counts as one until it is opened; archived ones leave the count with the inbox.
  return db
    .select({
      total: sql<number>`coalesce(sum(greatest(${p.lastSeq} - ${p.lastReadSeq}, case when ${p.markedUnread} then 1 else 0 end)), 0)::int`,
    })
    .from(p)
    .where(and(eq(p.userId, actorId), unreadInInbox(p)));
}

const unreadTotal = preparedQuery("messaging_unread_total", (db) => unreadTotalQuery(db, sql.placeholder("actorId")));

/** Unread messages across the actor's inbox (a conversation marked unread counts one), read from the partial unread index. */
export async function getUnreadTotal(db: Db, actor: Actor): Promise<number> {
  const [row] = await unreadTotal(db).execute({ actorId: actor.userId });
  return row?.total ?? 0;
}

/** How many of the newest notifications the header lists. */
export const HEADER_NOTIFICATION_COUNT = 5;

const headerCounts = preparedQuery("messaging_header_counts", (db) => {
  const actorId = sql.placeholder("actorId");
  const latest = latestNotificationsOf(db, actorId, HEADER_NOTIFICATION_COUNT);
  return db
    .select({
      unreadMessages: sql<number>`(${unreadTotalQuery(db, actorId)})`,
      unreadNotifications: sql<number>`(${unreadNotificationsCount(db, actorId)})::int`,
      id: latest.id,
      type: latest.type,
      payload: latest.payload,
      readAt: latest.readAt,
      createdAt: latest.createdAt,
    })
    .from(sql`(select 1) as header`)
    .leftJoinLateral(latest, sql`true`);
});

export type HeaderCounts = { unreadMessages: number; notifications: { unread: number; latest: NotificationView[] } };

/**
 * What the header shows on every page, in one statement: unread messages and
 * unread notifications (each from its partial unread index) and the newest
 * notifications, one row per notification (one row with none when there are none).
 */
export async function getHeaderCounts(db: Db, actor: Actor): Promise<HeaderCounts> {
  const rows = await headerCounts(db).execute({ actorId: actor.userId });
  const latest = rows.flatMap((row) => {
    const view = row.id ? toNotificationView({ ...row, id: row.id, type: row.type!, createdAt: row.createdAt! }) : null;
    return view ? [view] : [];
  });
  return {
    unreadMessages: rows[0]?.unreadMessages ?? 0,
    notifications: { unread: rows[0]?.unreadNotifications ?? 0, latest },
  };
}

const sendContext = preparedQuery("messaging_send_context", (db) => {
  const actorId = sql.placeholder("actorId");
  const counterpartId = counterpartIdSql(actorId);
  const account = accountFactsByUser(db);
  return db
    .select({
      userLo: c.userLo,
      userHi: c.userHi,
      counterpartId,
      role: account.role,
      isSuspended: account.isSuspended,
      isDeleted: account.isDeleted,
      hasBlockedActor: sql<boolean>`exists (select 1 from ${userBlocks} where ${userBlocks.blockerId} = ${counterpartId} and ${userBlocks.blockedId} = ${actorId})`,
      repeatedId: messages.id,
      repeatedConversationId: messages.conversationId,
      repeatedSeq: messages.seq,
      repeatedBody: messages.body,
      repeatedCreatedAt: messages.createdAt,
    })
    .from(p)
    .innerJoin(c, eq(c.id, p.conversationId))
    .leftJoin(account, eq(account.id, counterpartId))
    .leftJoin(messages, and(eq(messages.senderId, actorId), eq(messages.clientKey, sql.placeholder("clientKey"))))
    .where(and(eq(p.conversationId, sql.placeholder("conversationId")), eq(p.userId, actorId)));
});

export type SendContext = {
  userIds: string[];
  counterpart: CounterpartFacts;
  /** The message already stored under this client key, in whichever conversation. */
  repeated: (Omit<MessageView, "isMine" | "clientKey"> & { conversationId: string }) | null;
};

/**
 * Everything sending checks, in one query: that the actor takes part in the
 * conversation (null otherwise, as for an id that does not exist), the other
 * person's state and whether they blocked the actor, and a message already
 * sent with this client key.
 */
export async function getSendContext(
  db: Db,
  actor: Actor,
  conversationId: string,
  clientKey: string,
): Promise<SendContext | null> {
  if (!conversationIdInput.safeParse(conversationId).success) return null;
  const [row] = await sendContext(db).execute({ actorId: actor.userId, conversationId, clientKey });
  if (!row) return null;
  const present = row.counterpartId !== null && row.role !== null && !row.isDeleted;
  return {
    userIds: [row.userLo, row.userHi].filter((id): id is string => id !== null),
    counterpart: present
      ? {
          userId: row.counterpartId,
          role: row.role,
          isSuspended: Boolean(row.isSuspended),
          hasBlockedActor: row.hasBlockedActor,
        }
      : { userId: null, role: null, isSuspended: false, hasBlockedActor: false },
    repeated: row.repeatedId
      ? {
          id: row.repeatedId,
          conversationId: row.repeatedConversationId!,
          seq: row.repeatedSeq!,
          body: row.repeatedBody!,
          createdAt: row.repeatedCreatedAt!,
        }
      : null,
  };
}

const conversationView = preparedQuery("messaging_conversation_view", (db) => {
  const actorId = sql.placeholder("actorId");
  const counterpartId = counterpartIdSql(actorId);
  const account = accountFactsByUser(db);
  const photo = primaryPhotoByUser(db);
  const blocked = (blockerId: SQL | typeof actorId, blockedId: SQL | typeof actorId) =>
    sql<boolean>`exists (select 1 from ${userBlocks} where ${userBlocks.blockerId} = ${blockerId} and ${userBlocks.blockedId} = ${blockedId})`;
  return db
    .select({
      id: c.id,
      lastSeq: c.lastSeq,
      lastReadSeq: p.lastReadSeq,
      archivedAt: p.archivedAt,
      emailMuted: p.emailMuted,
      counterpartId,
      name: account.name,
      role: account.role,
      isSuspended: account.isSuspended,
      isDeleted: account.isDeleted,
      photoId: photo.photoId,
      profileId: photo.profileId,
      hasBlockedActor: blocked(counterpartId, actorId),
      isBlockedByMe: blocked(actorId, counterpartId),
    })
    .from(p)
    .innerJoin(c, eq(c.id, p.conversationId))
    .leftJoin(account, eq(account.id, counterpartId))
    .leftJoin(photo, eq(photo.userId, counterpartId))
    .where(and(eq(p.conversationId, sql.placeholder("conversationId")), eq(p.userId, actorId)));
});

/**
 * A conversation as its participant sees it, in one query: the actor's
 * participant row (null for anyone else, exactly as for an id that does not
 * exist), the other person's account, state and photo, and the blocks either
 * way, which decide whether the actor may send and block.
 */
export async function getConversationView(
  db: Db,
  actor: Actor,
  conversationId: string,
): Promise<ConversationView | null> {
  if (!conversationIdInput.safeParse(conversationId).success) return null;
  const [row] = await conversationView(db).execute({ actorId: actor.userId, conversationId });
  if (!row) return null;
  const present = row.counterpartId !== null && row.role !== null && !row.isDeleted;
  const facts: CounterpartFacts = present
    ? {
        userId: row.counterpartId,
        role: row.role,
        isSuspended: Boolean(row.isSuspended),
        hasBlockedActor: row.hasBlockedActor,
      }
    : { userId: null, role: null, isSuspended: false, hasBlockedActor: false };
  return {
    id: row.id,
    counterpart: toCounterpart(row.counterpartId, row),
    lastSeq: row.lastSeq,
    lastReadSeq: row.lastReadSeq,
    archived: row.archivedAt !== null,
    emailMuted: row.emailMuted,
    canSend: canSendMessage(actor, facts),
    canBlock: canBlock(actor, facts).allowed,
    isBlockedByMe: row.isBlockedByMe,
  };
}

export const MESSAGE_PAGE_SIZE = 50;

/** The largest seq the database holds (a 32-bit integer column). */
export const MAX_SEQ = 2_147_483_647;

/** A seq from the client, held within what the column can compare; anything not a whole number is no bound. */
export function seqBound(value: number | undefined): number | undefined {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return undefined;
  return Math.min(Math.max(value, -MAX_SEQ), MAX_SEQ);
}

type MessageWindow = { after: boolean; before: boolean };

/**
 * One query: the actor's participant row (none for anyone else), and beside it
 * the page of messages read from the (conversation, seq) index; a participant
 * of a conversation without messages gets one empty row.
 */
function messagesPageQuery(db: Db, window: MessageWindow) {
  const conditions = [eq(messages.conversationId, p.conversationId)];
  if (window.after) conditions.push(gt(messages.seq, sql.placeholder("afterSeq")));
  if (window.before) conditions.push(lt(messages.seq, sql.placeholder("beforeSeq")));
  const page = db
    .select({
      id: messages.id,
      seq: messages.seq,
      body: messages.body,
      senderId: messages.senderId,
      createdAt: messages.createdAt,
      clientKey: messages.clientKey,
    })
    .from(messages)
    .where(and(...conditions))
    .orderBy(window.after ? asc(messages.seq) : desc(messages.seq))
    .limit(sql.placeholder("limit"))
    .as("page");
  return db
    .select({
      id: page.id,
      seq: page.seq,
      body: page.body,
      senderId: page.senderId,
      createdAt: page.createdAt,
      clientKey: page.clientKey,
    })
    .from(p)
    .leftJoinLateral(page, sql`true`)
    .where(and(eq(p.conversationId, sql.placeholder("conversationId")), eq(p.userId, sql.placeholder("actorId"))));
}

const messagesPages = {
  newest: preparedQuery("messaging_messages_newest", (db) => messagesPageQuery(db, { after: false, before: false })),
  before: preparedQuery("messaging_messages_before", (db) => messagesPageQuery(db, { after: false, before: true })),
  after: preparedQuery("messaging_messages_after", (db) => messagesPageQuery(db, { after: true, before: false })),
};

/**
 * Messages of a conversation the actor takes part in, oldest to newest: the
 * newest page by default, the page before `beforeSeq`, or the page after
 * `afterSeq` (what arrived since the viewer last looked: `hasNewer` says
 * whether more follow it). Null for anyone else.
 */
export async function listMessages(
  db: Db,
  actor: Actor,
  conversationId: string,
  window: { beforeSeq?: number; afterSeq?: number } = {},
  pageSize = MESSAGE_PAGE_SIZE,
): Promise<MessagesPage | null> {
  if (!conversationIdInput.safeParse(conversationId).success) return null;
  const afterSeq = seqBound(window.afterSeq);
  const beforeSeq = seqBound(window.beforeSeq);
  const shape = { after: afterSeq !== undefined, before: beforeSeq !== undefined };
  const values = { conversationId, actorId: actor.userId, afterSeq, beforeSeq, limit: pageSize + 1 };
  const query =
    shape.after && shape.before
      ? messagesPageQuery(db, shape)
      : messagesPages[shape.after ? "after" : shape.before ? "before" : "newest"](db);
  const rows = await query.execute(values);
  if (rows.length === 0) return null;
  const found = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      seq: row.seq!,
      body: row.body!,
      createdAt: row.createdAt!,
      isMine: row.senderId === actor.userId,
      clientKey: row.senderId === actor.userId ? row.clientKey : null,
    }));
  found.sort((a, b) => a.seq - b.seq);
  const newestFirst = !shape.after;
  const hasOlder = newestFirst && found.length > pageSize;
  const hasNewer = !newestFirst && found.length > pageSize;
  const ordered = hasOlder ? found.slice(1) : newestFirst ? found : found.slice(0, pageSize);
  return { messages: ordered, hasOlder, hasNewer };
}

/**
 * What a conversation's page shows: the conversation as the actor sees it and
 * its newest messages, in two statements sent side by side (each checks that
 * the actor takes part). Null for anyone else, as for an id that does not exist.
 */
export async function getConversationPage(
  db: Db,
  actor: Actor,
  conversationId: string,
): Promise<{ conversation: ConversationView; page: { messages: MessageView[]; hasOlder: boolean } } | null> {
  const [conversation, page] = await Promise.all([
    getConversationView(db, actor, conversationId),
    listMessages(db, actor, conversationId),
  ]);
  return conversation && page ? { conversation, page } : null;
}

export type ReportRow = {
  id: string;
  reason: string;
  note: string;
  createdAt: Date;
  reporter: string;
  participants: string[];
};

/** Reported conversations for admins, newest first: who reported, why, and between whom; never the messages. */
export async function listReports(db: Db, actor: Actor, limit = 100): Promise<ReportRow[]> {
  if (!canModerate(actor)) throw new AppError("not_found");
  const rows = await db
    .select({
      id: conversationReports.id,
      reason: conversationReports.reason,
      note: conversationReports.note,
      createdAt: conversationReports.createdAt,
      reporterId: conversationReports.reporterId,
      userLo: c.userLo,
      userHi: c.userHi,
    })
    .from(conversationReports)
    .innerJoin(c, eq(c.id, conversationReports.conversationId))
    .orderBy(desc(conversationReports.createdAt))
    .limit(limit);
  const accounts = await getAccountFacts(db, [
    ...new Set(
      rows.flatMap((row) => [row.reporterId, row.userLo, row.userHi]).filter((id): id is string => Boolean(id)),
    ),
  ]);
  const nameOf = (id: string | null) => (id ? (accounts.get(id)?.name ?? "Deleted user") : "Deleted user");
  return rows.map((row) => ({
    id: row.id,
    reason: row.reason,
    note: row.note,
    createdAt: row.createdAt,
    reporter: nameOf(row.reporterId),
    participants: [nameOf(row.userLo), nameOf(row.userHi)],
  }));
}

/** How many conversations were reported in the last `days` days, for the admin's home; anyone else is refused as not found. */
export async function countRecentReports(db: Db, actor: Actor, days = 30, now = new Date()): Promise<number> {
  if (!canModerate(actor)) throw new AppError("not_found");
  const since = new Date(now.getTime() - days * 86_400_000);
  const [row] = await db
    .select({ total: count() })
    .from(conversationReports)
    .where(gte(conversationReports.createdAt, since));
  return row?.total ?? 0;
}

/** Messages sent on the platform since a moment, for monitoring. */
// Public: a platform-wide count with no personal data, for the token-guarded metrics endpoint.
export async function countMessagesSince(db: Db, since: Date): Promise<number> {
  const [row] = await db.select({ total: count() }).from(messages).where(gte(messages.createdAt, since));
  return row?.total ?? 0;
}
