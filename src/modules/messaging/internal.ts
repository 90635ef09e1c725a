import "server-only";
import { and, asc, count, eq, gte, lt, inArray, ne, or } from "drizzle-orm";
import { utcDay } from "@/db/sql";
import { getAccountFacts } from "@/modules/access/internal";
import { getPrimaryPhotosByUser } from "@/modules/talents/internal";
import type { Counterpart } from "./types";
import {
  conversationParticipants,
  conversationReports,
  conversations,
  messages,
  userBlocks,
} from "@/db/schema/messaging";
import type { Db } from "@/db";

/*
 * The messaging module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

const c = conversations;
const p = conversationParticipants;

/** How many talents block each of these accounts (for admin oversight of senders). */
export async function countBlocksOf(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: userBlocks.blockedId, total: count() })
    .from(userBlocks)
    .where(inArray(userBlocks.blockedId, userIds))
    .groupBy(userBlocks.blockedId);
  return new Map(rows.map((row) => [row.userId, row.total]));
}

/** How many reports others filed on conversations with each of these accounts. */
export async function countReportsAgainst(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const totals = new Map<string, number>();
  const rows = await db
    .select({ reporterId: conversationReports.reporterId, userLo: c.userLo, userHi: c.userHi })
    .from(conversationReports)
    .innerJoin(c, eq(c.id, conversationReports.conversationId))
    .where(or(inArray(c.userLo, userIds), inArray(c.userHi, userIds)));
  for (const row of rows) {
    for (const id of [row.userLo, row.userHi])
      if (id && userIds.includes(id) && id !== row.reporterId) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  return totals;
}

/** Messages sent per UTC day in [from, to), for the activity rollups. */
export async function dailyMessages(db: Db, from: Date, to: Date): Promise<{ day: string; count: number }[]> {
  const day = utcDay(messages.createdAt);
  return db
    .select({ day, count: count() })
    .from(messages)
    .where(and(gte(messages.createdAt, from), lt(messages.createdAt, to)))
    .groupBy(day);
}

/**
 * Messages an account sent since a moment, and messages it received in its
 * conversations since then (only conversations active since then are read).
 */
export async function getMessageCounts(
  db: Db,
  userId: string,
  since: Date,
): Promise<{ sent: number; received: number }> {
  const [sent] = await db
    .select({ total: count() })
    .from(messages)
    .where(and(eq(messages.senderId, userId), gte(messages.createdAt, since)));
  const [received] = await db
    .select({ total: count() })
    .from(p)
    .innerJoin(
      messages,
      and(eq(messages.conversationId, p.conversationId), gte(messages.createdAt, since), ne(messages.senderId, userId)),
    )
    .where(and(eq(p.userId, userId), gte(p.lastMessageAt, since)));
  return { sent: sent?.total ?? 0, received: received?.total ?? 0 };
}

/**
 * Every conversation of an account with all its messages, oldest first, for
 * its data export; the other person appears as the conversation shows them.
 * Also the blocks it made and the reports it filed.
 */
export async function exportMessagingData(db: Db, userId: string) {
  const own = await db
    .select({ id: c.id, userLo: c.userLo, userHi: c.userHi, createdAt: c.createdAt })
    .from(c)
    .where(or(eq(c.userLo, userId), eq(c.userHi, userId)))
    .orderBy(asc(c.createdAt));
  const nameOf = await counterparts(
    db,
    own.map((conversation) => counterpartIdOf(conversation, userId)),
  );
  const rows = own.length
    ? await db
        .select({
          conversationId: messages.conversationId,
          seq: messages.seq,
          senderId: messages.senderId,
          body: messages.body,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(
          inArray(
            messages.conversationId,
            own.map((conversation) => conversation.id),
          ),
        )
        .orderBy(asc(messages.conversationId), asc(messages.seq))
    : [];
  const conversationsOut = own.map((conversation) => {
    const withName = nameOf(counterpartIdOf(conversation, userId)).name;
    return {
      id: conversation.id,
      with: withName,
      startedAt: conversation.createdAt,
      messages: rows
        .filter((row) => row.conversationId === conversation.id)
        .map((row) => ({
          seq: row.seq,
          from: row.senderId === userId ? "you" : withName,
          body: row.body,
          sentAt: row.createdAt,
        })),
    };
  });
  const blocks = await db
    .select({ blockedId: userBlocks.blockedId, createdAt: userBlocks.createdAt })
    .from(userBlocks)
    .where(eq(userBlocks.blockerId, userId));
  const blockedNames = await counterparts(
    db,
    blocks.map((block) => block.blockedId),
  );
  const reports = await db
    .select({
      conversationId: conversationReports.conversationId,
      reason: conversationReports.reason,
      note: conversationReports.note,
      createdAt: conversationReports.createdAt,
    })
    .from(conversationReports)
    .where(eq(conversationReports.reporterId, userId));
  return {
    conversations: conversationsOut,
    blocks: blocks.map((block) => ({ blocked: blockedNames(block.blockedId).name, createdAt: block.createdAt })),
    reports,
  };
}

/** Records that `blockerId` blocks `blockedId` (also used by "decline and block" on contact requests). */
export async function blockUser(db: Db, blockerId: string, blockedId: string) {
  await db.insert(userBlocks).values({ blockerId, blockedId }).onConflictDoNothing();
}

/**
 * For an account being deleted, in the caller's transaction: its own inbox
 * state and the blocks it made go. The conversations and their messages stay,
 * for the other side, who sees them with "Deleted user" and cannot write there.
 */
export async function removeMessagingStateOfAccount(tx: Db, userId: string): Promise<void> {
  await tx.delete(conversationParticipants).where(eq(conversationParticipants.userId, userId));
  await tx.delete(userBlocks).where(eq(userBlocks.blockerId, userId));
}

export async function counterparts(db: Db, userIds: (string | null)[]): Promise<(id: string | null) => Counterpart> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  const [accounts, photos] = await Promise.all([getAccountFacts(db, ids), getPrimaryPhotosByUser(db, ids)]);
  return (id) => {
    const account = id ? accounts.get(id) : undefined;
    const photo = id ? photos.get(id) : undefined;
    return toCounterpart(
      id,
      account ? { ...account, photoId: photo?.photoId ?? null, profileId: photo?.profileId ?? null } : null,
    );
  };
}

type AccountAndPhoto = {
  name: string | null;
  role: Counterpart["role"];
  isSuspended: boolean | null;
  isDeleted: boolean | null;
  photoId: string | null;
  profileId: string | null;
};

/** The other person as the viewer sees them: deleted and suspended accounts are not named. */
export function toCounterpart(id: string | null, account: AccountAndPhoto | null): Counterpart {
  if (!id || !account || account.name === null || account.isDeleted)
    return { userId: null, name: "Deleted user", role: null, status: "deleted", photoId: null, profileId: null };
  if (account.isSuspended)
    return {
      userId: id,
      name: "Unavailable",
      role: account.role,
      status: "unavailable",
      photoId: null,
      profileId: null,
    };
  return {
    userId: id,
    name: account.name,
    role: account.role,
    status: "active",
    photoId: account.photoId,
    profileId: account.profileId,
  };
}

export function counterpartIdOf(
  conversation: { userLo: string | null; userHi: string | null },
  actorId: string,
): string | null {
  return conversation.userLo === actorId ? conversation.userHi : conversation.userLo;
}
