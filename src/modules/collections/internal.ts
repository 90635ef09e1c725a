import "server-only";
import { eq, inArray, asc, countDistinct } from "drizzle-orm";
import { getTalentSummaries } from "@/modules/talents/internal";
import type { Db } from "@/db";
import { collectionItems, collections } from "@/db/schema/collections";

/*
 * The collections module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

const c = collections;
const items = collectionItems;

/** In how many people's collections a talent is: a count only, never who. */
export async function countCollectors(db: Db, profileId: string): Promise<number> {
  const [row] = await db
    .select({ owners: countDistinct(c.ownerId) })
    .from(items)
    .innerJoin(c, eq(c.id, items.collectionId))
    .where(eq(items.profileId, profileId));
  return row?.owners ?? 0;
}

/** An account's collections with their entries and private notes, for its data export (never the share token itself). */
export async function exportCollections(db: Db, userId: string) {
  const owned = await db
    .select({
      id: collections.id,
      name: collections.name,
      description: collections.description,
      shareToken: collections.shareToken,
      sharedAt: collections.sharedAt,
      createdAt: collections.createdAt,
      updatedAt: collections.updatedAt,
    })
    .from(collections)
    .where(eq(collections.ownerId, userId))
    .orderBy(asc(collections.createdAt));
  const items = owned.length
    ? await db
        .select({
          collectionId: collectionItems.collectionId,
          profileId: collectionItems.profileId,
          position: collectionItems.position,
          note: collectionItems.note,
          addedAt: collectionItems.addedAt,
        })
        .from(collectionItems)
        .where(
          inArray(
            collectionItems.collectionId,
            owned.map((collection) => collection.id),
          ),
        )
        .orderBy(asc(collectionItems.collectionId), asc(collectionItems.position))
    : [];
  const talents = await getTalentSummaries(db, [...new Set(items.map((item) => item.profileId))]);
  return owned.map(({ shareToken, sharedAt, ...collection }) => ({
    ...collection,
    isShared: shareToken !== null,
    sharedAt: shareToken !== null ? sharedAt : null,
    items: items
      .filter((item) => item.collectionId === collection.id)
      .map(({ collectionId: _collection, ...item }) => ({
        ...item,
        talentName: talents.get(item.profileId)?.displayName ?? null,
      })),
  }));
}

/**
 * For an account being deleted, in the caller's transaction: its collections,
 * their entries and notes go, and with them every share link (the token lives
 * on the collection), so a shared page stops at once.
 */
export async function deleteCollectionsOfAccount(tx: Db, userId: string): Promise<void> {
  await tx.delete(collections).where(eq(collections.ownerId, userId));
}
