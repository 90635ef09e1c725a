import "server-only";
import { and, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { collectionItems, collections } from "@/db/schema/collections";
import { lockKey } from "@/db/sql";
import { AppError, isAppError, postgresErrorCode, UNIQUE_VIOLATION } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import type { Actor } from "@/modules/access/types";
import { sendContactRequest } from "@/modules/contact-requests/mutations";
import { getRemainingQuota } from "@/modules/contact-requests/queries";
import { filterListedProfiles, getTalentSummaries } from "@/modules/talents/internal";
import {
  MAX_COLLECTIONS,
  MAX_COLLECTION_SIZE,
  type AddTalentsInput,
  type BulkRequestInput,
  type CollectionDetailsInput,
} from "./inputs";
import { moveInList } from "./order";
import { newShareToken, requireCollectionRights } from "./policies";

const c = collections;
const items = collectionItems;

/**
 * The actor's own collection, checked on every call: the account may keep
 * collections, may change them when `write` is asked, and owns this one (an
 * id that is someone else's answers "not found", as for one that does not exist).
 * With `lock`, the row is held until the transaction ends, so concurrent
 * changes to one collection's order and size happen one after another.
 */
export async function ownCollection(
  db: Db,
  actor: Actor,
  collectionId: string,
  options: { write: boolean; lock?: boolean },
) {
  requireCollectionRights(actor, options);
  if (!isUuid(collectionId)) throw new AppError("not_found", "That collection does not exist.");
  const query = db
    .select()
    .from(c)
    .where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", "That collection does not exist.");
  return row;
}

function nameTaken(name: string) {
  return new AppError("conflict", `You already have a collection named "${name}". Choose another name.`, {
    name: [`You already have a collection named "${name}".`],
  });
}

async function insertCollection(tx: Db, actor: Actor, input: CollectionDetailsInput): Promise<string> {
  // Concurrent creations by one owner count one after another, so together they cannot pass the limit.
  await lockKey(tx, `collections:${actor.userId}`);
  const [existing] = await tx.select({ total: count() }).from(c).where(eq(c.ownerId, actor.userId));
  if ((existing?.total ?? 0) >= MAX_COLLECTIONS)
    throw new AppError(
      "conflict",
      `You can keep up to ${MAX_COLLECTIONS} collections. Delete one you no longer need first.`,
    );
  const [created] = await tx
    .insert(c)
    .values({ ownerId: actor.userId, name: input.name, description: input.description })
    .returning({ id: c.id });
  return created!.id;
}

/** Runs a change that may hit the one-name-per-owner index, turning that into a clear message. */
async function withUniqueName<T>(name: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (postgresErrorCode(error) === UNIQUE_VIOLATION) throw nameTaken(name);
    throw error;
  }
}

export async function createCollection(db: Db, actor: Actor, input: CollectionDetailsInput): Promise<string> {
  requireCollectionRights(actor, { write: true });
  return withUniqueName(input.name, () => db.transaction((tx) => insertCollection(tx, actor, input)));
}

export async function updateCollection(db: Db, actor: Actor, collectionId: string, input: CollectionDetailsInput) {
  await ownCollection(db, actor, collectionId, { write: true });
  await withUniqueName(input.name, () =>
    db
      .update(c)
      .set({ name: input.name, description: input.description, updatedAt: new Date() })
      .where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId))),
  );
}

export async function deleteCollection(db: Db, actor: Actor, collectionId: string) {
  await ownCollection(db, actor, collectionId, { write: true });
  await db.delete(c).where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId)));
}

export type AddTalentsResult = { collectionId: string; added: number; alreadyIn: number; unavailable: number };

/**
 * Adds talents to a collection (a new one when only a name is given), after
 * those already there, in the order given. Profiles nobody may see (drafts,
 * hidden) are left out and counted; the collection's size limit holds under
 * the row lock, so concurrent additions cannot pass it together.
 */
export async function addTalents(db: Db, actor: Actor, input: AddTalentsInput): Promise<AddTalentsResult> {
  requireCollectionRights(actor, { write: true });
  const listed = await filterListedProfiles(db, input.profileIds);
  if (listed.size === 0)
    throw new AppError(
      "not_found",
      input.profileIds.length === 1
        ? "That talent's profile is not available."
        : "None of those talents' profiles are available.",
    );
  const wanted = input.profileIds.filter((id) => listed.has(id));
  const name = input.newName;
  return withUniqueName(name, () =>
    db.transaction(async (tx) => {
      const collectionId = input.collectionId || (await insertCollection(tx, actor, { name, description: "" }));
      await ownCollection(tx, actor, collectionId, { write: true, lock: true });
      const present = await tx
        .select({ profileId: items.profileId })
        .from(items)
        .where(and(eq(items.collectionId, collectionId), inArray(items.profileId, wanted)));
      const presentIds = new Set(present.map((row) => row.profileId));
      const fresh = wanted.filter((id) => !presentIds.has(id));
      const [size] = await tx
        .select({ total: count(), last: max(items.position) })
        .from(items)
        .where(eq(items.collectionId, collectionId));
      const total = size?.total ?? 0;
      if (total + fresh.length > MAX_COLLECTION_SIZE) {
        throw new AppError(
          "conflict",
          `A collection holds up to ${MAX_COLLECTION_SIZE} talents; this one has ${total}. Start another collection for the rest.`,
        );
      }
      const start = (size?.last ?? -1) + 1;
      if (fresh.length > 0) {
        await tx
          .insert(items)
          .values(fresh.map((profileId, index) => ({ collectionId, profileId, position: start + index })))
          .onConflictDoNothing();
      }
      await tx.update(c).set({ updatedAt: new Date() }).where(eq(c.id, collectionId));
      return {
        collectionId,
        added: fresh.length,
        alreadyIn: presentIds.size,
        unavailable: input.profileIds.length - wanted.length,
      };
    }),
  );
}

async function touch(tx: Db, collectionId: string) {
  await tx.update(c).set({ updatedAt: new Date() }).where(eq(c.id, collectionId));
}

export async function removeTalent(db: Db, actor: Actor, input: { collectionId: string; profileId: string }) {
  await db.transaction(async (tx) => {
    await ownCollection(tx, actor, input.collectionId, { write: true, lock: true });
    const removed = await tx
      .delete(items)
      .where(and(eq(items.collectionId, input.collectionId), eq(items.profileId, input.profileId)))
      .returning({ profileId: items.profileId });
    if (removed.length === 0) throw new AppError("not_found", "That talent is not in this collection.");
    await touch(tx, input.collectionId);
  });
}

export async function setNote(db: Db, actor: Actor, input: { collectionId: string; profileId: string; note: string }) {
  await ownCollection(db, actor, input.collectionId, { write: true });
  const updated = await db
    .update(items)
    .set({ note: input.note })
    .where(and(eq(items.collectionId, input.collectionId), eq(items.profileId, input.profileId)))
    .returning({ profileId: items.profileId });
  if (updated.length === 0) throw new AppError("not_found", "That talent is not in this collection.");
  await touch(db, input.collectionId);
}

async function currentOrder(tx: Db, collectionId: string): Promise<string[]> {
  const rows = await tx
    .select({ profileId: items.profileId })
    .from(items)
    .where(eq(items.collectionId, collectionId))
    .orderBy(items.position, items.addedAt);
  return rows.map((row) => row.profileId);
}

/** Writes positions 0..n-1 in the given order, in one statement. */
async function writeOrder(tx: Db, collectionId: string, profileIds: string[]) {
  if (profileIds.length === 0) return;
  await tx.execute(sql`
    update ${items} set position = o.ord - 1
    from unnest(array[${sql.join(
      profileIds.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]) with ordinality as o(profile_id, ord)
    where ${items.collectionId} = ${collectionId} and ${items.profileId} = o.profile_id`);
  await touch(tx, collectionId);
}

/** Moves a talent one place up or down (the keyboard-friendly way to reorder). */
export async function moveTalent(
  db: Db,
  actor: Actor,
  input: { collectionId: string; profileId: string; direction: "up" | "down" },
) {
  await db.transaction(async (tx) => {
    await ownCollection(tx, actor, input.collectionId, { write: true, lock: true });
    const order = await currentOrder(tx, input.collectionId);
    if (!order.includes(input.profileId)) throw new AppError("not_found", "That talent is not in this collection.");
    await writeOrder(tx, input.collectionId, moveInList(order, input.profileId, input.direction));
  });
}

/**
 * Puts the collection in the order given (after a drag). The order must name
 * exactly the talents in the collection: if it changed meanwhile (another tab
 * added or removed one), nothing is written and the page is asked to reload.
 */
export async function reorderTalents(db: Db, actor: Actor, input: { collectionId: string; profileIds: string[] }) {
  await db.transaction(async (tx) => {
    await ownCollection(tx, actor, input.collectionId, { write: true, lock: true });
    const order = await currentOrder(tx, input.collectionId);
    const given = new Set(input.profileIds);
    if (given.size !== input.profileIds.length || given.size !== order.length || order.some((id) => !given.has(id))) {
      throw new AppError("conflict", "This collection changed since the page was loaded. Reload it and try again.");
    }
    await writeOrder(tx, input.collectionId, input.profileIds);
  });
}

/** Turns on the read-only share link (keeping the current one if it is already on) and returns its token. */
export async function shareCollection(db: Db, actor: Actor, collectionId: string): Promise<string> {
  const collection = await ownCollection(db, actor, collectionId, { write: true });
  if (collection.shareToken) return collection.shareToken;
  const token = newShareToken();
  await db
    .update(c)
    .set({ shareToken: token, sharedAt: new Date() })
    .where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId)));
  return token;
}

/** Turns the share link off: it stops working at once. Allowed read-only too, since it only takes access away. */
export async function revokeShare(db: Db, actor: Actor, collectionId: string) {
  await ownCollection(db, actor, collectionId, { write: false });
  await db
    .update(c)
    .set({ shareToken: null, sharedAt: null })
    .where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId)));
}

export type BulkRequestOutcome = { profileId: string; name: string } & (
  { ok: true; requestId: string } | { ok: false; message: string }
);

/**
 * Sends one contact request to each chosen talent of a collection, with that
 * talent's personal line. The whole send is refused up front when the plan's
 * monthly quota or the daily cap cannot cover it; then each request goes
 * through the same path as a single one (its own rules, quota and
 * transaction), and the outcome is reported per talent: one talent who
 * declined recently or already has a pending request does not stop the rest.
 */
export async function sendBulkContactRequests(
  db: Db,
  actor: Actor,
  input: BulkRequestInput,
  now = new Date(),
): Promise<BulkRequestOutcome[]> {
  await ownCollection(db, actor, input.collectionId, { write: true });
  const profileIds = input.lines.map((line) => line.profileId);
  const inCollection = await db
    .select({ profileId: items.profileId })
    .from(items)
    .where(and(eq(items.collectionId, input.collectionId), inArray(items.profileId, profileIds)));
  if (inCollection.length !== profileIds.length)
    throw new AppError(
      "conflict",
      "Some of these talents are no longer in the collection. Reload the page and choose again.",
    );

  const remaining = await getRemainingQuota(db, actor, now);
  if (remaining && profileIds.length > remaining.month) {
    throw new AppError(
      "rate_limited",
      `You have ${remaining.month} contact request${remaining.month === 1 ? "" : "s"} left this month; choose at most that many talents.`,
    );
  }
  if (remaining && profileIds.length > remaining.day) {
    throw new AppError(
      "rate_limited",
      `You can send ${remaining.day} more contact request${remaining.day === 1 ? "" : "s"} today; choose at most that many talents, or send the rest tomorrow.`,
    );
  }

  const names = await getTalentSummaries(db, profileIds);
  const { lines, collectionId: _collectionId, ...project } = input;
  const outcomes: BulkRequestOutcome[] = [];
  for (const line of lines) {
    const name = names.get(line.profileId)?.displayName ?? "This talent";
    try {
      const requestId = await sendContactRequest(
        db,
        actor,
        { ...project, profileId: line.profileId, message: line.message },
        now,
      );
      outcomes.push({ profileId: line.profileId, name, ok: true, requestId });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ profileId: line.profileId, name, ok: false, message: error.message });
    }
  }
  return outcomes;
}
