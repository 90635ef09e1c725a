import "server-only";
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { collectionItems, collections } from "@/db/schema/collections";
import { toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { getAccountFacts } from "@/modules/access/internal";
import type { Actor } from "@/modules/access/types";
import { categoryLabels, countryName } from "@/modules/talents/options";
import { getTalentSummaries } from "@/modules/talents/internal";
import type { TalentSummary } from "@/modules/talents/types";
import { collectionIdInput } from "./inputs";
import { collectionRights, requireCollectionRights, type CollectionRights } from "./policies";

const c = collections;
const items = collectionItems;

export type CollectionSummary = {
  id: string;
  name: string;
  description: string;
  size: number;
  isShared: boolean;
  updatedAt: Date;
  photoIds: string[];
};

/** The actor's collections, most recently changed first, with their sizes and a few faces. */
export async function listCollections(db: Db, actor: Actor): Promise<CollectionSummary[]> {
  requireCollectionRights(actor, { write: false });
  const rows = await db
    .select({
      id: c.id,
      name: c.name,
      description: c.description,
      shareToken: c.shareToken,
      updatedAt: c.updatedAt,
      size: count(items.profileId),
    })
    .from(c)
    .leftJoin(items, eq(items.collectionId, c.id))
    .where(eq(c.ownerId, actor.userId))
    .groupBy(c.id)
    .orderBy(desc(c.updatedAt), desc(c.id));
  if (rows.length === 0) return [];
  const ranked = db
    .select({
      collectionId: items.collectionId,
      profileId: items.profileId,
      rank: sql<number>`row_number() over (partition by ${items.collectionId} order by ${items.position})`.as("rank"),
    })
    .from(items)
    .where(
      inArray(
        items.collectionId,
        rows.map((row) => row.id),
      ),
    )
    .as("ranked");
  const firsts = await db.select().from(ranked).where(lte(ranked.rank, 4)).orderBy(ranked.collectionId, ranked.rank);
  const firstIds = new Map<string, string[]>();
  for (const row of firsts) firstIds.set(row.collectionId, [...(firstIds.get(row.collectionId) ?? []), row.profileId]);
  const talents = await getTalentSummaries(db, [...firstIds.values()].flat());
  return rows.map(({ shareToken, ...row }) => ({
    ...row,
    isShared: shareToken !== null,
    photoIds: (firstIds.get(row.id) ?? []).flatMap((id) => {
      const talent = talents.get(id);
      return talent?.isListed && talent.primaryPhotoId ? [talent.primaryPhotoId] : [];
    }),
  }));
}

export type CollectionEntry = {
  profileId: string;
  position: number;
  note: string;
  addedAt: Date;
  talent: TalentSummary | null;
};

export type CollectionDetail = {
  id: string;
  name: string;
  description: string;
  shareToken: string | null;
  sharedAt: Date | null;
  updatedAt: Date;
  entries: CollectionEntry[];
  rights: CollectionRights;
};

/** One of the actor's collections with its talents in order; null when it is not theirs or does not exist. */
export async function getCollection(db: Db, actor: Actor, collectionId: string): Promise<CollectionDetail | null> {
  const rights = requireCollectionRights(actor, { write: false });
  if (!collectionIdInput.safeParse(collectionId).success) return null;
  const [collection] = await db
    .select()
    .from(c)
    .where(and(eq(c.id, collectionId), eq(c.ownerId, actor.userId)));
  if (!collection) return null;
  const rows = await db
    .select({ profileId: items.profileId, position: items.position, note: items.note, addedAt: items.addedAt })
    .from(items)
    .where(eq(items.collectionId, collectionId))
    .orderBy(asc(items.position), asc(items.addedAt));
  const talents = await getTalentSummaries(
    db,
    rows.map((row) => row.profileId),
  );
  return {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    shareToken: collection.shareToken,
    sharedAt: collection.sharedAt,
    updatedAt: collection.updatedAt,
    entries: rows.map((row) => ({ ...row, talent: talents.get(row.profileId) ?? null })),
    rights,
  };
}

/** The actor's collections to add talents to, most recently changed first: names only. */
export async function listCollectionChoices(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  requireCollectionRights(actor, { write: false });
  return db
    .select({ id: c.id, name: c.name })
    .from(c)
    .where(eq(c.ownerId, actor.userId))
    .orderBy(desc(c.updatedAt), desc(c.id));
}

/** The actor's collections with whether each holds this talent, for the profile page; empty for accounts without collections. */
export async function getCollectionsForProfile(
  db: Db,
  actor: Actor,
  profileId: string,
): Promise<{ id: string; name: string; contains: boolean }[]> {
  if (!collectionRights(actor).read) return [];
  const rows = await db
    .select({ id: c.id, name: c.name, profileId: items.profileId })
    .from(c)
    .leftJoin(items, and(eq(items.collectionId, c.id), eq(items.profileId, profileId)))
    .where(eq(c.ownerId, actor.userId))
    .orderBy(desc(c.updatedAt));
  return rows.map((row) => ({ id: row.id, name: row.name, contains: row.profileId !== null }));
}

export type SharedCollection = { name: string; description: string; ownerName: string; talents: TalentSummary[] };

/**
 * A collection as its share link shows it to anyone, signed in or not: the
 * name, the description and the public card data of the talents still
 * listed. Never the owner's notes, never premium data. Null once revoked.
 */
// Public: anyone holding the share token may see it (the token is the check).
export async function getSharedCollection(db: Db, token: string): Promise<SharedCollection | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [collection] = await db
    .select({ id: c.id, name: c.name, description: c.description, ownerId: c.ownerId })
    .from(c)
    .where(eq(c.shareToken, token));
  if (!collection) return null;
  const rows = await db
    .select({ profileId: items.profileId })
    .from(items)
    .where(eq(items.collectionId, collection.id))
    .orderBy(asc(items.position), asc(items.addedAt));
  const talents = await getTalentSummaries(
    db,
    rows.map((row) => row.profileId),
  );
  const owner = (await getAccountFacts(db, [collection.ownerId])).get(collection.ownerId);
  return {
    name: collection.name,
    description: collection.description,
    ownerName: owner?.name ?? "A Callback member",
    talents: rows.flatMap((row) => {
      const talent = talents.get(row.profileId);
      return talent?.isListed ? [talent] : [];
    }),
  };
}

/** A collection as a CSV file: its talents in order, their public card data, profile links and the owner's notes. */
export async function exportCollectionCsv(
  db: Db,
  actor: Actor,
  collectionId: string,
  appUrl: string,
): Promise<{ filename: string; csv: string }> {
  const collection = await getCollection(db, actor, collectionId);
  if (!collection) throw new AppError("not_found", "That collection does not exist.");
  const rows = collection.entries.map((entry, index) => {
    const talent = entry.talent;
    const listed = talent?.isListed ? talent : null;
    return [
      index + 1,
      listed?.displayName ?? "(profile no longer available)",
      listed?.headline ?? "",
      listed ? listed.categories.map((category) => categoryLabels[category]).join("; ") : "",
      listed ? [listed.city, listed.country ? countryName(listed.country) : ""].filter(Boolean).join(", ") : "",
      listed?.playingAgeMin != null && listed.playingAgeMax != null
        ? `${listed.playingAgeMin}-${listed.playingAgeMax}`
        : "",
      listed ? new URL(`/talents/${entry.profileId}`, appUrl).toString() : "",
      entry.note,
      entry.addedAt.toISOString().slice(0, 10),
    ];
  });
  return {
    filename: `${collection.name}.csv`,
    csv: toCsv(
      ["Position", "Name", "Headline", "Categories", "Location", "Playing age", "Profile", "Note", "Added"],
      rows,
    ),
  };
}
