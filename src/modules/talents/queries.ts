import "server-only";
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Db } from "@/db";
import { containsPattern, exactTimestamp, prefixPattern } from "@/db/sql";
import { talentCredits, talentPhotos, talentProfileViews, talentProfiles } from "@/db/schema/talents";
import { AppError } from "@/lib/errors";
import { accountIdentityByUser } from "@/modules/access/internal";
import { canModerate } from "@/modules/access/policies";
import type { Actor } from "@/modules/access/types";
import { decodeCursor, encodeCursor, prefixSearchQuery, type GalleryQuery } from "./gallery-query";
import { profileIdInput } from "./inputs";
import type { Category } from "./options";
import { audienceFor, canViewProfile, isListed, profileCompleteness, type Audience } from "./policies";
import type {
  AdminProfileRow,
  GalleryCard,
  GalleryPage,
  OwnProfile,
  PhotoRef,
  PremiumDetails,
  ProfileView,
  PublicProfile,
} from "./types";
import { cardColumns, listedCondition, readContactDetails, publicColumns } from "./internal";

const t = talentProfiles;

const factColumns = {
  ownerId: t.userId,
  publishedAt: t.publishedAt,
  hiddenAt: t.hiddenAt,
  hiddenReason: t.hiddenReason,
};

const premiumColumns = {
  bio: t.bio,
  heightCm: t.heightCm,
  eyeColour: t.eyeColour,
  hairColour: t.hairColour,
  showreelUrls: t.showreelUrls,
  dayRateMin: t.dayRateMin,
  dayRateMax: t.dayRateMax,
  dayRateCurrency: t.dayRateCurrency,
};

type PublicRow = Pick<typeof talentProfiles.$inferSelect, keyof typeof publicColumns>;

async function photosOf(db: Db, profileId: string): Promise<PhotoRef[]> {
  return db
    .select({ id: talentPhotos.id, width: talentPhotos.width, height: talentPhotos.height })
    .from(talentPhotos)
    .where(eq(talentPhotos.profileId, profileId))
    .orderBy(asc(talentPhotos.position), asc(talentPhotos.createdAt));
}

function toPublicProfile(row: PublicRow, photos: PhotoRef[]): PublicProfile {
  return {
    id: row.id,
    displayName: row.displayName,
    headline: row.headline,
    city: row.city,
    country: row.country,
    categories: row.categories as Category[],
    playingAgeMin: row.playingAgeMin,
    playingAgeMax: row.playingAgeMax,
    genderIdentity: row.genderIdentity,
    languages: row.languages,
    skills: row.skills,
    unions: row.unions,
    availability: row.availability,
    primaryPhoto: photos.find((photo) => photo.id === row.primaryPhotoId) ?? null,
  };
}

async function premiumDetailsOf(db: Db, profileId: string, photos: PhotoRef[]): Promise<PremiumDetails> {
  const [[details], credits] = await Promise.all([
    db.select(premiumColumns).from(t).where(eq(t.id, profileId)),
    db
      .select({
        id: talentCredits.id,
        year: talentCredits.year,
        production: talentCredits.production,
        role: talentCredits.role,
        company: talentCredits.company,
      })
      .from(talentCredits)
      .where(eq(talentCredits.profileId, profileId))
      .orderBy(desc(talentCredits.year), asc(talentCredits.createdAt)),
  ]);
  if (!details) throw new AppError("not_found");
  return { ...details, credits, photos };
}

/**
 * A profile as this viewer may see it, or null when it is not theirs to see
 * (the same answer as for a profile that does not exist). Premium and contact
 * data are read from the database only when the viewer may see them, so they
 * cannot leak into a page or payload by accident.
 */
export async function getProfileView(
  db: Db,
  actor: Actor | null,
  profileId: string,
  preview?: Audience,
): Promise<ProfileView | null> {
  if (!profileIdInput.safeParse(profileId).success) return null;
  const [row] = await db
    .select({ ...publicColumns, ...factColumns })
    .from(t)
    .where(eq(t.id, profileId));
  if (!row) return null;
  const facts = { ownerId: row.ownerId, isPublished: row.publishedAt !== null, isHidden: row.hiddenAt !== null };
  if (!canViewProfile(actor, facts)) return null;
  // A preview is how a talent sees its own profile through other eyes; no one else may choose an audience.
  const audience = preview && actor?.userId === row.ownerId ? preview : audienceFor(actor, facts);
  const allPhotos = await photosOf(db, profileId);
  const visiblePhotos = audience.premium ? allPhotos : allPhotos.filter((photo) => photo.id === row.primaryPhotoId);
  const [premium, contact] = await Promise.all([
    audience.premium ? premiumDetailsOf(db, profileId, visiblePhotos) : null,
    audience.contact ? readContactDetails(db, profileId) : null,
  ]);
  return {
    profile: toPublicProfile(row, visiblePhotos),
    premium,
    contact,
    viewer: { isOwner: audience.isOwner, isAdmin: audience.isAdmin, premiumAccess: audience.premiumAccess },
    status: { ...facts, hiddenReason: audience.isOwner || audience.isAdmin ? row.hiddenReason : null },
  };
}

/** The signed-in talent's own profile, everything included, for editing. Null if it has none yet. */
export async function getOwnProfile(db: Db, actor: Actor): Promise<OwnProfile | null> {
  const [row] = await db
    .select({ ...publicColumns, ...factColumns })
    .from(t)
    .where(eq(t.userId, actor.userId));
  if (!row) return null;
  const photos = await photosOf(db, row.id);
  const [premium, contact] = await Promise.all([premiumDetailsOf(db, row.id, photos), readContactDetails(db, row.id)]);
  const profile = toPublicProfile(row, photos);
  return {
    profile,
    premium,
    contact,
    status: { isPublished: row.publishedAt !== null, isHidden: row.hiddenAt !== null, hiddenReason: row.hiddenReason },
    completeness: profileCompleteness({
      ...profile,
      hasPhoto: photos.length > 0,
      bio: premium.bio,
      heightCm: premium.heightCm,
      credits: premium.credits.length,
      showreels: premium.showreelUrls.length,
      hasContact: Object.values(contact).some((value) => value.length > 0),
    }),
  };
}

/** Views of the actor's own profile over the last `days` UTC days, today included: 0 for anyone without a profile. */
export async function countOwnProfileViews(db: Db, actor: Actor, days = 7, now = new Date()): Promise<number> {
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const v = talentProfileViews;
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${v.views}), 0)::int` })
    .from(v)
    .innerJoin(t, eq(t.id, v.profileId))
    .where(and(eq(t.userId, actor.userId), gte(v.day, from)));
  return row?.total ?? 0;
}

export const GALLERY_PAGE_SIZE = 24;

type CardRow = { [K in keyof typeof cardColumns]: (typeof t.$inferSelect)[K] } & { sortKey: string };

function toCards(rows: CardRow[]): GalleryCard[] {
  return rows.map(({ sortKey: _sortKey, ...card }) => ({ ...card, categories: card.categories as Category[] }));
}

/** Above this many matches a text search is common enough to read in index order; below it, matches are gathered first. */
const FEW_MATCHES = 200;

/**
 * One page of cards. A text search's selectivity is hard for PostgreSQL to
 * estimate (prefixes especially): it guesses a common word rare, reads every
 * match through the text index and sorts them all, and it guesses a rare word
 * common and walks the whole sort index looking for one. So a text search
 * first asks the text index for up to FEW_MATCHES ids: when that finds them
 * all, the page is sorted from those rows alone; when it does not, the matches
 * are plentiful, and the match is written so that the text index cannot serve
 * it (IS TRUE): the page is read in sort-index order, stopping when it is full.
 */
async function countCards(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(t)
    .where(where);
  return row?.count ?? 0;
}

async function selectCards(
  db: Db,
  where: SQL,
  textMatch: SQL | null,
  order: SQL[],
  sortKey: SQL<string>,
  limit: number,
): Promise<CardRow[]> {
  let condition = where;
  if (textMatch) {
    const matches = await db
      .select({ id: t.id })
      .from(t)
      .where(and(where, textMatch))
      .limit(FEW_MATCHES + 1);
    if (matches.length === 0) return [];
    condition = and(
      where,
      matches.length <= FEW_MATCHES
        ? inArray(
            t.id,
            matches.map((match) => match.id),
          )
        : sql`(${textMatch}) is true`,
    )!;
  }
  return db
    .select({ ...cardColumns, sortKey })
    .from(t)
    .where(condition)
    .orderBy(...order)
    .limit(limit);
}

/**
 * How well a profile matches a search, best first: every word in the name;
 * every word in the name, headline or skills; every word somewhere (the bio
 * included). Each tier is its own indexed query, so "best match" costs a few
 * index lookups rather than ranking every match of a common word.
 */
function matchTiers(tsQuery: string) {
  const query = sql`to_tsquery('english', ${tsQuery})`;
  const inName = sql`${t.nameVector} @@ ${query}`;
  const inProfile = sql`${t.profileVector} @@ ${query}`;
  return [
    { tier: 3, condition: inName },
    { tier: 2, condition: sql`${inProfile} and not ${inName}` },
    { tier: 1, condition: sql`${t.searchVector} @@ ${query} and not ${inProfile}` },
  ];
}

/**
 * The public gallery: full-text search, filters and keyset pagination over
 * published profiles. Every order ends with the id, so equal sort keys never
 * repeat or skip a card between pages. Returns null for a cursor that is not
 * one of ours.
 */
// Public: the published gallery, for everyone.
export async function searchGallery(
  db: Db,
  query: GalleryQuery,
  pageSize = GALLERY_PAGE_SIZE,
): Promise<GalleryPage | null> {
  const filters: SQL[] = [listedCondition];
  const tsQuery = query.q ? prefixSearchQuery(query.q) : null;
  if (query.q && !tsQuery) return { items: [], nextCursor: null, total: 0 };
  if (query.category) filters.push(arrayContains(t.categories, [query.category]));
  if (query.language) filters.push(arrayContains(t.languages, [query.language]));
  if (query.country) filters.push(eq(t.country, query.country));
  if (query.city) filters.push(sql`lower(${t.city}) like ${prefixPattern(query.city)}`);
  if (query.ageMin !== undefined) filters.push(gte(t.playingAgeMax, query.ageMin));
  if (query.ageMax !== undefined) filters.push(lte(t.playingAgeMin, query.ageMax));
  if (query.availability) filters.push(eq(t.availability, query.availability));
  if (query.showreel) filters.push(eq(t.hasShowreel, true));
  if (query.voiceReel) filters.push(eq(t.hasVoiceReel, true));

  const sort = query.sort === "relevance" && !tsQuery ? "newest" : query.sort;
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  if (cursor === null) return null;
  const publishedKey = exactTimestamp(t.publishedAt);
  const newerThan = (at: string, id: string) => sql`(${t.publishedAt}, ${t.id}) < (${at}::timestamptz, ${id}::uuid)`;
  // The whole search's size, in one statement beside the page's: the search vector holds the name and profile
  // text too, so its matches are exactly the union of the best-match tiers.
  const countAll = () =>
    countCards(db, and(...filters, tsQuery ? sql`${t.searchVector} @@ to_tsquery('english', ${tsQuery})` : undefined)!);

  if (sort === "relevance" && tsQuery) {
    const [cursorTier, cursorAt] = cursor
      ? [Number(String(cursor.v).slice(0, 1)), String(cursor.v).slice(2)]
      : [Infinity, ""];
    const collectTiers = async () => {
      const found: (CardRow & { tier: number })[] = [];
      for (const { tier, condition } of matchTiers(tsQuery)) {
        if (tier > cursorTier || found.length > pageSize) continue;
        const where = and(...filters, tier === cursorTier ? newerThan(cursorAt, cursor!.id) : undefined)!;
        const rows = await selectCards(
          db,
          where,
          condition,
          [desc(t.publishedAt), desc(t.id)],
          publishedKey,
          pageSize + 1 - found.length,
        );
        found.push(...rows.map((row) => ({ ...row, tier })));
      }
      return found;
    };
    const [found, total] = await Promise.all([collectTiers(), countAll()]);
    const page = found.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: toCards(page),
      nextCursor:
        found.length > pageSize && last
          ? encodeCursor({ s: sort, v: `${last.tier}:${last.sortKey}`, id: last.id })
          : null,
      total,
    };
  }

  const conditions = [...filters];
  const textMatch = tsQuery ? sql`${t.searchVector} @@ to_tsquery('english', ${tsQuery})` : null;
  const nameKey = sql<string>`lower(${t.displayName})`;
  let order: SQL[];
  let sortKey: SQL<string>;
  if (sort === "name") {
    sortKey = nameKey;
    order = [asc(nameKey), asc(t.id)];
    if (cursor) conditions.push(sql`(${nameKey}, ${t.id}) > (${cursor.v}, ${cursor.id}::uuid)`);
  } else {
    sortKey = publishedKey;
    order = [desc(t.publishedAt), desc(t.id)];
    if (cursor) conditions.push(newerThan(String(cursor.v), cursor.id));
  }

  const [rows, count] = await Promise.all([
    selectCards(db, and(...conditions)!, textMatch, order, sortKey, pageSize + 1),
    countAll(),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: toCards(page),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ s: sort, v: last.sortKey, id: last.id }) : null,
    total: count,
  };
}

/** How long a server process keeps the gallery's country list before reading it again. */
const COUNTRY_LIST_TTL_MS = 60_000;
const countryLists = new WeakMap<Db, { readAt: number; codes: Promise<ReadonlySet<string>> }>();

/**
 * The countries with at least one listed profile, as codes: the ones the
 * gallery's filter offers. Every search page shows them, and they change only
 * when a talent publishes from a new country, so each server process reads
 * them at most once a minute.
 */
// Public: the countries of the published gallery, for its filter.
export function listedCountryCodes(db: Db, now = Date.now()): Promise<ReadonlySet<string>> {
  const cached = countryLists.get(db);
  if (cached && now - cached.readAt < COUNTRY_LIST_TTL_MS) return cached.codes;
  const codes = db
    .selectDistinct({ country: t.country })
    .from(t)
    .where(listedCondition)
    .then((rows): ReadonlySet<string> => new Set(rows.map((row) => row.country)));
  countryLists.set(db, { readAt: now, codes });
  // A failed read is not kept: the next search tries again.
  codes.catch(() => {
    if (countryLists.get(db)?.codes === codes) countryLists.delete(db);
  });
  return codes;
}

/**
 * Whether this viewer may see a photo, and whether anyone may (which decides
 * how it may be cached). A profile's primary photo is public once the profile
 * is listed; its other photos are premium data.
 */
export async function getPhotoAccess(
  db: Db,
  actor: Actor | null,
  photoId: string,
): Promise<{ storageKey: string; isPublic: boolean; hasWidths: boolean } | null> {
  if (!profileIdInput.safeParse(photoId).success) return null;
  const [row] = await db
    .select({
      storageKey: talentPhotos.storageKey,
      hasWidths: talentPhotos.hasWidths,
      primaryPhotoId: t.primaryPhotoId,
      ...factColumns,
    })
    .from(talentPhotos)
    .innerJoin(t, eq(t.id, talentPhotos.profileId))
    .where(eq(talentPhotos.id, photoId));
  if (!row) return null;
  const facts = { ownerId: row.ownerId, isPublished: row.publishedAt !== null, isHidden: row.hiddenAt !== null };
  const isPublic = isListed(facts) && row.primaryPhotoId === photoId;
  if (!isPublic && (!canViewProfile(actor, facts) || !audienceFor(actor, facts).premium)) return null;
  return { storageKey: row.storageKey, isPublic, hasWidths: row.hasWidths };
}

export type AdminProfileFilter = { q?: string; status?: AdminProfileRow["status"]; cursor?: string };

/** Every profile, for admins: newest change first, searchable by name or email, keyset paginated. */
export async function listProfilesForAdmin(
  db: Db,
  actor: Actor,
  filter: AdminProfileFilter,
  pageSize = 50,
): Promise<{ items: AdminProfileRow[]; nextCursor: string | null }> {
  if (!canModerate(actor)) throw new AppError("not_found");
  const users = accountIdentityByUser(db, "owner");
  const hider = accountIdentityByUser(db, "hider");
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(t.displayName, pattern), ilike(users.email, pattern))!);
  }
  if (filter.status === "hidden") conditions.push(isNotNull(t.hiddenAt));
  if (filter.status === "published") conditions.push(listedCondition);
  if (filter.status === "draft") conditions.push(and(isNull(t.publishedAt), isNull(t.hiddenAt))!);
  const updatedKey = exactTimestamp(t.updatedAt);
  const cursor = filter.cursor ? decodeCursor(filter.cursor, "newest") : undefined;
  if (cursor) conditions.push(sql`(${t.updatedAt}, ${t.id}) < (${cursor.v}::timestamptz, ${cursor.id}::uuid)`);

  const rows = await db
    .select({
      id: t.id,
      displayName: t.displayName,
      email: users.email,
      city: t.city,
      country: t.country,
      publishedAt: t.publishedAt,
      hiddenAt: t.hiddenAt,
      hiddenReason: t.hiddenReason,
      hiddenByName: hider.name,
      updatedAt: t.updatedAt,
      updatedKey,
    })
    .from(t)
    .innerJoin(users, eq(users.id, t.userId))
    .leftJoin(hider, eq(hider.id, t.hiddenBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map(({ publishedAt, updatedKey: _key, ...row }) => ({
      ...row,
      status: row.hiddenAt ? "hidden" : publishedAt ? "published" : "draft",
    })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ s: "newest", v: last.updatedKey, id: last.id }) : null,
  };
}

/** Whose profile this is, and whether anyone may see it. */
// Public: only what a listed profile shows (its name); callers show nothing of an unlisted one.
export async function getProfileOwner(
  db: Db,
  profileId: string,
): Promise<{ userId: string; displayName: string; isListed: boolean } | null> {
  if (!profileIdInput.safeParse(profileId).success) return null;
  const [row] = await db
    .select({ userId: t.userId, displayName: t.displayName, publishedAt: t.publishedAt, hiddenAt: t.hiddenAt })
    .from(t)
    .where(eq(t.id, profileId));
  return row
    ? { userId: row.userId, displayName: row.displayName, isListed: row.publishedAt !== null && row.hiddenAt === null }
    : null;
}

/** How many talents the front page shows. */
export const FEATURED_TALENT_COUNT = 8;

/**
 * A handful of listed profiles with a photo, the most recently updated first,
 * for the front page. Only card data, the same a visitor sees in the gallery.
 */
// Public: the published gallery's cards, for everyone.
export async function listFeaturedTalents(db: Db, limit = FEATURED_TALENT_COUNT): Promise<GalleryCard[]> {
  const rows = await db
    .select(cardColumns)
    .from(t)
    .where(and(listedCondition, isNotNull(t.primaryPhotoId)))
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(Math.min(Math.max(limit, 1), GALLERY_PAGE_SIZE));
  return rows.map((row) => ({ ...row, categories: row.categories as Category[] }));
}

/** The most addresses one sitemap file may hold (the sitemaps.org limit). */
export const SITEMAP_MAX_PROFILES = 50_000;

/** Every listed profile's id and when it last changed, newest change first, for the sitemap. */
// Public: the published gallery's addresses, which search engines may index.
export async function listSitemapProfiles(db: Db): Promise<{ id: string; updatedAt: Date }[]> {
  return db
    .select({ id: t.id, updatedAt: t.updatedAt })
    .from(t)
    .where(listedCondition)
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(SITEMAP_MAX_PROFILES);
}
