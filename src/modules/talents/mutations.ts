import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { talentContacts, talentCredits, talentProfileViews, talentProfiles } from "@/db/schema/talents";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/text-input";
import { canModerate } from "@/modules/access/policies";
import { recordAdminAction } from "@/modules/audit/internal";
import type { Actor } from "@/modules/access/types";
import {
  creditIdInput,
  type BasicsInput,
  type ContactInput,
  type CreditInput,
  type PremiumDetailsInput,
  type SkillsInput,
} from "./inputs";
import { MAX_CREDITS } from "./options";
import { canManageOwnProfile } from "./policies";
import { getOwnProfile } from "./queries";

const t = talentProfiles;

function requireTalent(actor: Actor) {
  if (!canManageOwnProfile(actor)) throw new AppError("forbidden", "Only talents have a profile to edit.");
}

/** The talent's profile id, creating an empty draft named after the account on first use. */
export async function ensureOwnProfile(db: Db, actor: Actor): Promise<string> {
  requireTalent(actor);
  await db
    .insert(t)
    .values({ userId: actor.userId, displayName: actor.name })
    .onConflictDoNothing({ target: t.userId });
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.userId, actor.userId));
  if (!row) throw new AppError("not_found");
  return row.id;
}

async function updateOwn(db: Db, actor: Actor, values: Partial<typeof t.$inferInsert>) {
  const profileId = await ensureOwnProfile(db, actor);
  await db
    .update(t)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(t.id, profileId), eq(t.userId, actor.userId)));
  return profileId;
}

export async function updateBasics(db: Db, actor: Actor, input: BasicsInput) {
  return updateOwn(db, actor, {
    ...input,
    playingAgeMin: input.playingAgeMin ?? null,
    playingAgeMax: input.playingAgeMax ?? null,
  });
}

export async function updateSkills(db: Db, actor: Actor, input: SkillsInput) {
  return updateOwn(db, actor, { ...input, skillsText: input.skills.join(", ") });
}

export async function updatePremiumDetails(db: Db, actor: Actor, input: PremiumDetailsInput) {
  return updateOwn(db, actor, {
    ...input,
    heightCm: input.heightCm ?? null,
    dayRateMin: input.dayRateMin ?? null,
    dayRateMax: input.dayRateMax ?? null,
  });
}

export async function updateContact(db: Db, actor: Actor, input: ContactInput) {
  const profileId = await ensureOwnProfile(db, actor);
  const values = { ...input, updatedAt: new Date() };
  await db
    .insert(talentContacts)
    .values({ profileId, ...values })
    .onConflictDoUpdate({ target: talentContacts.profileId, set: values });
  return profileId;
}

export async function addCredit(db: Db, actor: Actor, input: CreditInput) {
  const profileId = await ensureOwnProfile(db, actor);
  return db.transaction(async (tx) => {
    // The profile row lock makes the limit hold against concurrent additions.
    await tx.select({ id: t.id }).from(t).where(eq(t.id, profileId)).for("update");
    const [row] = await tx.select({ total: count() }).from(talentCredits).where(eq(talentCredits.profileId, profileId));
    if ((row?.total ?? 0) >= MAX_CREDITS)
      throw new AppError("invalid_input", `A profile can list at most ${MAX_CREDITS} credits.`);
    const [credit] = await tx
      .insert(talentCredits)
      .values({ profileId, ...input })
      .returning({ id: talentCredits.id });
    await tx.update(t).set({ updatedAt: new Date() }).where(eq(t.id, profileId));
    return credit!.id;
  });
}

export async function deleteCredit(db: Db, actor: Actor, creditId: string) {
  if (!creditIdInput.safeParse(creditId).success) throw new AppError("not_found", "That credit does not exist.");
  const profileId = await ensureOwnProfile(db, actor);
  const deleted = await db
    .delete(talentCredits)
    .where(and(eq(talentCredits.id, creditId), eq(talentCredits.profileId, profileId)))
    .returning({ id: talentCredits.id });
  if (deleted.length === 0) throw new AppError("not_found", "That credit does not exist.");
}

/** Publishes the profile to the gallery once everything required is there. */
export async function publishProfile(db: Db, actor: Actor) {
  requireTalent(actor);
  const own = await getOwnProfile(db, actor);
  if (!own) throw new AppError("invalid_input", "Fill in your profile before publishing it.");
  if (own.status.isHidden) {
    throw new AppError(
      "forbidden",
      "An admin has unpublished your profile, so it cannot be published again until they restore it.",
    );
  }
  if (!own.completeness.canPublish) {
    const missing = own.completeness.missing
      .filter((item) => item.requiredToPublish)
      .map((item) => item.label.toLowerCase());
    throw new AppError("invalid_input", `Before publishing: ${missing.join(", ")}.`);
  }
  await db
    .update(t)
    .set({ publishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(t.id, own.profile.id), isNull(t.publishedAt)));
}

export async function unpublishProfile(db: Db, actor: Actor) {
  requireTalent(actor);
  await db.update(t).set({ publishedAt: null, updatedAt: new Date() }).where(eq(t.userId, actor.userId));
}

function requireModerator(actor: Actor) {
  if (!canModerate(actor)) throw new AppError("not_found");
}

/** An admin takes a profile out of the gallery, saying why; the talent sees the reason. */
export async function hideProfile(db: Db, actor: Actor, input: { profileId: string; reason: string }) {
  requireModerator(actor);
  if (!isUuid(input.profileId)) throw new AppError("not_found", "That profile does not exist.");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(t)
      .set({ hiddenAt: new Date(), hiddenReason: input.reason, hiddenBy: actor.userId, updatedAt: new Date() })
      .where(eq(t.id, input.profileId))
      .returning({ id: t.id });
    if (updated.length === 0) throw new AppError("not_found", "That profile does not exist.");
    await recordAdminAction(tx, {
      adminId: actor.userId,
      action: "profile.hide",
      targetType: "profile",
      targetId: input.profileId,
      detail: { reason: input.reason },
    });
  });
}

export async function restoreProfile(db: Db, actor: Actor, profileId: string) {
  requireModerator(actor);
  if (!isUuid(profileId)) throw new AppError("not_found", "That profile does not exist.");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(t)
      .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null, updatedAt: new Date() })
      .where(eq(t.id, profileId))
      .returning({ id: t.id });
    if (updated.length === 0) throw new AppError("not_found", "That profile does not exist.");
    await recordAdminAction(tx, {
      adminId: actor.userId,
      action: "profile.restore",
      targetType: "profile",
      targetId: profileId,
    });
  });
}

/** Counts a view of the profile for today; who viewed is not stored. */
// Public: counts a view of a listed profile page, by anyone.
export async function recordProfileView(db: Db, profileId: string, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  await db
    .insert(talentProfileViews)
    .values({ profileId, day, views: 1 })
    .onConflictDoUpdate({
      target: [talentProfileViews.profileId, talentProfileViews.day],
      set: { views: sql`${talentProfileViews.views} + 1` },
    });
}
