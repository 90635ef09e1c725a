import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql, lt } from "drizzle-orm";
import { talentCredits, talentPhotos, talentProfiles, talentContacts, talentProfileViews } from "@/db/schema/talents";
import { isListed, type ProfileFacts } from "./policies";
import type { ContactDetails, TalentSummary } from "./types";
import type { Db } from "@/db";
import { profileIdInput } from "./inputs";
import type { Category } from "./options";
import { photoUrl } from "./photo-variants";

/*
 * The talents module's internal functions: each trusts its caller (other
 * modules, the worker, the rollups, account deletion and export) and takes
 * no actor, so no page imports this file.
 */

const t = talentProfiles;

/**
 * A talent's private contact details. Callers decide who may see them: the
 * talent itself and admins (getProfileView), and the contact-requests reveal,
 * which reads them only for an approved, unrevoked request of the caller.
 */
export async function readContactDetails(db: Db, profileId: string): Promise<ContactDetails> {
  const [contact] = await db.select(contactColumns).from(talentContacts).where(eq(talentContacts.profileId, profileId));
  return contact ?? emptyContact;
}

/** The account behind a profile anyone may see (published, not hidden); null otherwise. */
export async function getListedTalentUserId(db: Db, profileId: string): Promise<string | null> {
  if (!profileIdInput.safeParse(profileId).success) return null;
  const [row] = await db
    .select({ userId: t.userId })
    .from(t)
    .where(and(eq(t.id, profileId), listedCondition));
  return row?.userId ?? null;
}

/** Each account's profile and its primary photo, as a subquery other modules' lists can join on the account id (`userId`). */
export function primaryPhotoByUser(db: Db) {
  return db.select({ userId: t.userId, profileId: t.id, photoId: t.primaryPhotoId }).from(t).as("primary_photo");
}

/** The primary photo of each of these accounts' profiles, for showing people beside their names. */
export async function getPrimaryPhotosByUser(
  db: Db,
  userIds: string[],
): Promise<Map<string, { profileId: string; photoId: string | null }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: t.userId, profileId: t.id, photoId: t.primaryPhotoId })
    .from(t)
    .where(inArray(t.userId, userIds));
  return new Map(rows.map((row) => [row.userId, { profileId: row.profileId, photoId: row.photoId }]));
}

/**
 * The public card data of these profiles, keyed by profile id, with whether
 * each is still listed; for lists kept elsewhere (collections). Never premium data.
 */
export async function getTalentSummaries(db: Db, profileIds: string[]): Promise<Map<string, TalentSummary>> {
  if (profileIds.length === 0) return new Map();
  const rows = await db
    .select({
      ...cardColumns,
      playingAgeMin: t.playingAgeMin,
      playingAgeMax: t.playingAgeMax,
      publishedAt: t.publishedAt,
      hiddenAt: t.hiddenAt,
    })
    .from(t)
    .where(inArray(t.id, profileIds));
  return new Map(
    rows.map(({ publishedAt, hiddenAt, ...row }) => [
      row.id,
      {
        ...row,
        categories: row.categories as Category[],
        isListed: isListed({ isPublished: publishedAt !== null, isHidden: hiddenAt !== null }),
      },
    ]),
  );
}

/** Which of these profiles anyone may see (published, not hidden). */
export async function filterListedProfiles(db: Db, profileIds: string[]): Promise<Set<string>> {
  if (profileIds.length === 0) return new Set();
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(inArray(t.id, profileIds), listedCondition));
  return new Set(rows.map((row) => row.id));
}

/** The id of an account's own talent profile, if it has one. */
export async function getProfileIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.userId, userId));
  return row?.id ?? null;
}

/** Who may see a profile, by its id or its owner's account id: the facts the profile's policies decide on. */
export async function getProfileFacts(
  db: Db,
  by: { profileId: string } | { userId: string },
): Promise<(ProfileFacts & { profileId: string }) | null> {
  if ("profileId" in by && !profileIdInput.safeParse(by.profileId).success) return null;
  const [row] = await db
    .select({ profileId: t.id, ownerId: t.userId, publishedAt: t.publishedAt, hiddenAt: t.hiddenAt })
    .from(t)
    .where("profileId" in by ? eq(t.id, by.profileId) : eq(t.userId, by.userId));
  if (!row) return null;
  return {
    profileId: row.profileId,
    ownerId: row.ownerId,
    isPublished: row.publishedAt !== null,
    isHidden: row.hiddenAt !== null,
  };
}

/** The media module keeps these in step with the talent's ready reels, for the gallery's "has a showreel" filters. */
export async function setProfileMediaFlags(
  db: Db,
  userId: string,
  flags: { hasShowreel: boolean; hasVoiceReel: boolean },
): Promise<void> {
  await db.update(t).set(flags).where(eq(t.userId, userId));
}

/** Profile views per UTC day in [from, to) over all profiles, for the activity rollups. */
export async function dailyProfileViews(db: Db, from: string, to: string): Promise<{ day: string; count: number }[]> {
  const v = talentProfileViews;
  return db
    .select({ day: v.day, count: sql<number>`sum(${v.views})::int` })
    .from(v)
    .where(and(gte(v.day, from), lt(v.day, to)))
    .groupBy(v.day);
}

/** One profile's views per UTC day from a day on (days without views are absent). */
export async function getProfileViewsByDay(
  db: Db,
  profileId: string,
  from: string,
): Promise<{ day: string; views: number }[]> {
  const v = talentProfileViews;
  return db
    .select({ day: v.day, views: v.views })
    .from(v)
    .where(and(eq(v.profileId, profileId), gte(v.day, from)))
    .orderBy(v.day);
}

/** Everything held about an account's talent profile, for its data export: the profile, contacts, credits, photo metadata and view counts. */
export async function exportTalentProfile(db: Db, userId: string) {
  const [profile] = await db.select().from(t).where(eq(t.userId, userId));
  if (!profile) return null;
  const { nameVector: _name, profileVector: _profile, searchVector: _search, ...fields } = profile;
  const [contact] = await db
    .select(contactColumns)
    .from(talentContacts)
    .where(eq(talentContacts.profileId, profile.id));
  const [credits, photos, views] = await Promise.all([
    db
      .select({
        year: talentCredits.year,
        production: talentCredits.production,
        role: talentCredits.role,
        company: talentCredits.company,
        createdAt: talentCredits.createdAt,
      })
      .from(talentCredits)
      .where(eq(talentCredits.profileId, profile.id))
      .orderBy(desc(talentCredits.year)),
    db
      .select({
        id: talentPhotos.id,
        position: talentPhotos.position,
        width: talentPhotos.width,
        height: talentPhotos.height,
        createdAt: talentPhotos.createdAt,
      })
      .from(talentPhotos)
      .where(eq(talentPhotos.profileId, profile.id))
      .orderBy(asc(talentPhotos.position)),
    db
      .select({ day: talentProfileViews.day, views: talentProfileViews.views })
      .from(talentProfileViews)
      .where(eq(talentProfileViews.profileId, profile.id))
      .orderBy(talentProfileViews.day),
  ]);
  return {
    ...fields,
    contact: contact ?? null,
    credits,
    photos: photos.map((photo) => ({ ...photo, url: photoUrl(photo.id, "large") })),
    viewsByDay: views,
  };
}

/** The rows the public gallery shows: published and not hidden by an admin (matches the partial indexes). */
export const listedCondition = and(isNotNull(t.publishedAt), isNull(t.hiddenAt))!;

const contactColumns = {
  phone: talentContacts.phone,
  email: talentContacts.email,
  agentName: talentContacts.agentName,
  agency: talentContacts.agency,
  agentPhone: talentContacts.agentPhone,
  agentEmail: talentContacts.agentEmail,
};

const emptyContact: ContactDetails = {
  phone: "",
  email: "",
  agentName: "",
  agency: "",
  agentPhone: "",
  agentEmail: "",
};

export const publicColumns = {
  id: t.id,
  displayName: t.displayName,
  headline: t.headline,
  city: t.city,
  country: t.country,
  categories: t.categories,
  playingAgeMin: t.playingAgeMin,
  playingAgeMax: t.playingAgeMax,
  genderIdentity: t.genderIdentity,
  languages: t.languages,
  skills: t.skills,
  unions: t.unions,
  availability: t.availability,
  primaryPhotoId: t.primaryPhotoId,
};

/** What a gallery card shows: a part of the public profile. */
export const cardColumns = (({
  id,
  displayName,
  headline,
  city,
  country,
  categories,
  availability,
  primaryPhotoId,
}) => ({
  id,
  displayName,
  headline,
  city,
  country,
  categories,
  availability,
  primaryPhotoId,
}))(publicColumns);
