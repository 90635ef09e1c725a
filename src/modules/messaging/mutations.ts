import "server-only";
import { and, eq, lte, sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { timeOrderedId } from "@/db/ids";
import { preparedRowsOf } from "@/db/sql";
import {
  conversationParticipants,
  conversationReports,
  conversations,
  messages,
  userBlocks,
} from "@/db/schema/messaging";
import { enforce } from "@/lib/decision";
import { AppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { canMessageAnyone } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { messageNotificationsReadCte } from "@/modules/notifications/internal";
import { messageNotificationCtes } from "@/modules/notifications/notify";
import type { ReportInput, SendMessageInput } from "./inputs";
import { canBlock, canSendMessage, canStartConversation } from "./policies";
import { getCounterpartFacts, getParticipantConversation, getSendContext, seqBound } from "./queries";
import { counterpartIdOf, blockUser } from "./internal";
import { messageNotification } from "@/modules/realtime/hub";
import type { MessageView } from "./types";

function notFound(): never {
  throw new AppError("not_found", "That conversation does not exist.");
}

/**
 * Finds or creates the one conversation between the actor and another person.
 * The ordered pair's unique index decides races: every concurrent caller, from
 * either side, gets the same conversation.
 */
export async function startConversation(db: Db, actor: Actor, targetUserId: string): Promise<string> {
  // An id that is not one of ours is no account at all: the policy answers as for a deleted one.
  enforce(
    canStartConversation(actor, await getCounterpartFacts(db, actor, isUuid(targetUserId) ? targetUserId : null)),
  );
  const [userLo, userHi] = [actor.userId, targetUserId].sort() as [string, string];
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(conversations)
      .values({ userLo, userHi, startedBy: actor.userId })
      .onConflictDoNothing({ target: [conversations.userLo, conversations.userHi] })
      .returning({ id: conversations.id });
    const id =
      created?.id ??
      (
        await tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(and(eq(conversations.userLo, userLo), eq(conversations.userHi, userHi)))
      )[0]?.id;
    if (!id) throw new Error("The conversation could not be found after it was created.");
    await tx
      .insert(conversationParticipants)
      .values([
        { conversationId: id, userId: userLo },
        { conversationId: id, userId: userHi },
      ])
      .onConflictDoNothing();
    return id;
  });
}

/**
 * An admin opens the conversation with any account (professional, company,
 * unlisted talent), from the accounts list: the "message any user" permission
 * decides, whoever the account is. Everyone else is told there is no such
 * thing, as for any admin tool.
 */
export async function startConversationAsAdmin(db: Db, actor: Actor, targetUserId: string): Promise<string> {
  if (!canMessageAnyone(actor)) notFound();
  return startConversation(db, actor, targetUserId);
}

async function messageByClientKey(
  db: Db,
  actor: Actor,
  conversationId: string,
  clientKey: string,
): Promise<MessageView | null> {
  const [row] = await db
    .select({
      id: messages.id,
      seq: messages.seq,
      body: messages.body,
      createdAt: messages.createdAt,
      conversationId: messages.conversationId,
    })
    .from(messages)
    .where(and(eq(messages.senderId, actor.userId), eq(messages.clientKey, clientKey)));
  return row ? repeatedMessage(row, conversationId, clientKey) : null;
}

function repeatedMessage(
  row: { id: string; seq: number; body: string; createdAt: Date; conversationId: string },
  conversationId: string,
  clientKey: string,
): MessageView {
  if (row.conversationId !== conversationId)
    throw new AppError("conflict", "That message key was already used; reload the page and try again.");
  return { id: row.id, seq: row.seq, body: row.body, createdAt: row.createdAt, isMine: true, clientKey };
}

/**
 * Sends a message. Its seq is taken by incrementing the conversation's
 * last_seq, which locks the conversation row until commit: concurrent sends
 * queue there, so seqs have no gaps and no duplicates. Sending the same
 * client key again returns the message already stored.
 *
 * Two round trips to the database: the checks (one query), then one statement
 * - atomic on its own, so no transaction around it - that stores the message,
 * its notification and email, and announces it.
 */
export async function sendMessage(db: Db, actor: Actor, input: SendMessageInput): Promise<MessageView> {
  const context = await getSendContext(db, actor, input.conversationId, input.clientKey);
  if (!context) notFound();
  enforce(canSendMessage(actor, context.counterpart));
  if (context.repeated) return repeatedMessage(context.repeated, input.conversationId, input.clientKey);

  // The policy let the send through, so the other person's account is there to be notified.
  const recipientId = context.counterpart.userId!;
  const now = new Date();
  // The message's seq and time are taken under the conversation's row lock (never before the previous
  // message's time: seq order is time order); both participants' copies of the newest seq and time move (the
  // sender has read their own message); an archived conversation comes back to both inboxes; the recipient's
  // notification and email go with it (no email when they muted the conversation).
  const notification = messageNotificationCtes({
    userId: recipientId,
    conversationId: input.conversationId,
    senderName: actor.name,
    preview: input.body.slice(0, 280),
    now,
    seq: sql`message.seq`,
    source: sql`message`,
    emailMuted: sql`exists (select 1 from ${conversationParticipants} where conversation_id = ${input.conversationId} and user_id = ${recipientId} and email_muted)`,
  });
  try {
    const [stored] = await preparedRowsOf<{ id: string; seq: number; body: string; created_at: Date | string }>(
      db,
      "send_message",
      sql`
        with advanced as (
          update ${conversations}
          set last_seq = last_seq + 1, last_message_at = greatest(last_message_at, ${now}::timestamptz),
              last_message_preview = ${input.body.slice(0, 140)}, last_sender_id = ${actor.userId}
          where id = ${input.conversationId}
          returning id, last_seq as seq, last_message_at as at
        ), message as (
          insert into ${messages} (id, conversation_id, seq, sender_id, body, client_key, created_at)
          select ${timeOrderedId()}::uuid, id, seq, ${actor.userId}, ${input.body}, ${input.clientKey}, at from advanced
          returning id, seq, body, created_at
        ), participants as (
          update ${conversationParticipants} as participant
          set last_seq = advanced.seq, last_message_at = advanced.at, archived_at = null,
              last_read_seq = case when participant.user_id = ${actor.userId} then greatest(participant.last_read_seq, advanced.seq) else participant.last_read_seq end
          from advanced
          where participant.conversation_id = advanced.id
        ), ${notification}
        select message.id, message.seq, message.body, message.created_at, ${messageNotification(input.conversationId, sql`message.seq`, context.userIds)}
        from message`,
    );
    if (!stored) notFound();
    return {
      id: stored.id,
      seq: stored.seq,
      body: stored.body,
      createdAt: new Date(stored.created_at),
      isMine: true,
      clientKey: input.clientKey,
    };
  } catch (error) {
    // The same key sent twice at once: the unique index let one through; answer with it.
    if (postgresErrorCode(error) === UNIQUE_VIOLATION) {
      const stored = await messageByClientKey(db, actor, input.conversationId, input.clientKey);
      if (stored) return stored;
    }
    throw error;
  }
}

/**
 * Moves the actor's read pointer up to `seq` (never back, never past the
 * newest message), ends a "mark unread", and marks read the notifications of the messages now seen:
 * one prepared statement.
 */
export async function markConversationRead(db: Db, actor: Actor, conversationId: string, seq: number): Promise<number> {
  if (!isUuid(conversationId)) notFound();
  const upTo = Math.max(seqBound(seq) ?? 0, 0);
  // The actor's own participant row is the only one this can change: none for anyone else.
  const [row] = await preparedRowsOf<{ last_read_seq: number }>(
    db,
    "mark_conversation_read",
    sql`
      with participant as (
        update ${conversationParticipants}
        set last_read_seq = greatest(last_read_seq, least(${upTo}::int, last_seq)), marked_unread = false
        where conversation_id = ${conversationId} and user_id = ${actor.userId}
        returning last_read_seq
      ), ${messageNotificationsReadCte({ userId: actor.userId, conversationId, upToSeq: sql`(select last_read_seq from participant)` })}
      select last_read_seq from participant`,
  );
  if (!row) notFound();
  return row.last_read_seq;
}

const p = conversationParticipants;

/** Changes the actor's own participant row, where `when` holds; null when it does not. Not a participant: 404. */
async function updateOwnView(
  db: Db,
  actor: Actor,
  conversationId: string,
  set: PgUpdateSetSource<typeof p>,
  when?: SQL,
): Promise<{ lastSeq: number } | null> {
  if (!isUuid(conversationId)) notFound();
  const mine = and(eq(p.conversationId, conversationId), eq(p.userId, actor.userId));
  const [row] = await db.update(p).set(set).where(and(mine, when)).returning({ lastSeq: p.lastSeq });
  if (row) return row;
  if (!(await getParticipantConversation(db, actor, conversationId))) notFound();
  return null;
}

/**
 * Archives a conversation out of the actor's inbox, into their Archived view,
 * until the next message from either side brings it back. `seenSeq` is the
 * newest message the person had in front of them: when one has arrived since,
 * the conversation stays in the inbox and they are told why, so a message is
 * never archived unseen.
 */
export async function archiveConversation(db: Db, actor: Actor, conversationId: string, seenSeq: number) {
  const archived = await updateOwnView(
    db,
    actor,
    conversationId,
    { archivedAt: sql`coalesce(${p.archivedAt}, now())` },
    lte(p.lastSeq, seqBound(seenSeq) ?? 0),
  );
  if (!archived) {
    throw new AppError("conflict", "A new message has just arrived in this conversation, so it stays in your inbox.");
  }
}

/** Moves an archived conversation back to the inbox. */
export async function unarchiveConversation(db: Db, actor: Actor, conversationId: string) {
  await updateOwnView(db, actor, conversationId, { archivedAt: null });
}

/** "Mark unread": the conversation counts as one unread, on the badge and in the inbox, until it is opened. */
export async function markConversationUnread(db: Db, actor: Actor, conversationId: string) {
  await updateOwnView(db, actor, conversationId, { markedUnread: true });
}

/** Stops (or restarts) emails about this conversation's messages for the actor; notifications still arrive. */
export async function setConversationEmailMuted(db: Db, actor: Actor, conversationId: string, muted: boolean) {
  await updateOwnView(db, actor, conversationId, { emailMuted: muted });
}

async function counterpartForBlocking(db: Db, actor: Actor, conversationId: string) {
  const conversation = await getParticipantConversation(db, actor, conversationId);
  if (!conversation) notFound();
  const counterpartId = counterpartIdOf(conversation, actor.userId);
  enforce(canBlock(actor, await getCounterpartFacts(db, actor, counterpartId)));
  return counterpartId!;
}

/** A talent blocks the other person of a conversation: no more messages or contact requests from them. */
export async function blockCounterpart(db: Db, actor: Actor, conversationId: string) {
  await blockUser(db, actor.userId, await counterpartForBlocking(db, actor, conversationId));
}

export async function unblockCounterpart(db: Db, actor: Actor, conversationId: string) {
  const blockedId = await counterpartForBlocking(db, actor, conversationId);
  await db.delete(userBlocks).where(and(eq(userBlocks.blockerId, actor.userId), eq(userBlocks.blockedId, blockedId)));
}

/** Either participant reports the conversation to admins. */
export async function reportConversation(db: Db, actor: Actor, input: ReportInput) {
  if (!(await getParticipantConversation(db, actor, input.conversationId))) notFound();
  await db
    .insert(conversationReports)
    .values({ conversationId: input.conversationId, reporterId: actor.userId, reason: input.reason, note: input.note });
}
