import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { BlobStorage } from "@/lib/storage";
import type { Db } from "../client";
import { and, eq, isNull, sql } from "drizzle-orm";
import { accounts, users, userRole } from "../schema/auth";
import { billingCustomers, subscriptions, subscriptionStatus } from "../schema/billing";
import { mediaFiles, storageUsage } from "../schema/media";
import { talentContacts, talentCredits, talentPhotos, talentProfiles } from "../schema/talents";

/**
 * Builders of realistic rows, shared by the demo seed and the tests, so both
 * exercise the same shapes the app itself writes.
 */
export type UserRole = (typeof userRole.enumValues)[number];

type SubscriptionState = (typeof subscriptionStatus.enumValues)[number];

export type NewSubscription = {
  status?: SubscriptionState;
  interval?: "month" | "year";
  currentPeriodEnd?: Date;
  cancelAtPeriodEnd?: boolean;
  /** When the subscription reached this state (default now); its history starts there. */
  stateAt?: Date;
};

export type NewUser = {
  role?: UserRole;
  name?: string;
  email?: string;
  password?: string;
  createdAt?: Date;
  /** The account's IANA time zone (UTC if not given) and the local hour of its daily digest (the default if not given). */
  timeZone?: string;
  digestHour?: number;
  /** For professionals and companies: a subscription to their plan (true: active for a month). */
  subscription?: NewSubscription | true;
};

export type SubscriptionFacts = { plan: "PROFESSIONAL" | "COMPANY"; status: SubscriptionState; currentPeriodEnd: Date };

export type CreatedUser = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  /** The same shape as the signed-in actor the app derives from a session. */
  actor: {
    userId: string;
    name: string;
    email: string;
    role: UserRole;
    subscription: SubscriptionFacts | null;
    timeZone: string;
  };
};

const passwordHashes = new Map<string, Promise<string>>();

/** Password hashing is slow on purpose; the seed and tests reuse one hash per password. */
export function hashOnce(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

let sequence = 0;

function defaults(input: NewUser) {
  sequence += 1;
  const role = input.role ?? "TALENT";
  const name = input.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${sequence}`;
  const email = (
    input.email ?? `${role.toLowerCase()}-${sequence}-${randomUUID().slice(0, 8)}@example.test`
  ).toLowerCase();
  return {
    role,
    name,
    email,
    password: input.password ?? "callback-demo",
    createdAt: input.createdAt ?? new Date(),
    timeZone: input.timeZone ?? "UTC",
    digestHour: input.digestHour ?? null,
    subscription: input.subscription,
  };
}

/**
 * A subscription as the billing module records it from its provider (the
 * offline test provider's ids), for a professional or company account.
 */
export async function createSubscription(
  db: Db,
  user: { id: string; role: UserRole },
  input: NewSubscription = {},
): Promise<SubscriptionFacts> {
  if (user.role !== "PROFESSIONAL" && user.role !== "COMPANY")
    throw new Error(`A ${user.role} account has no plan to subscribe to.`);
  const now = new Date();
  const customerId = `test_cus_${randomUUID()}`;
  const facts: SubscriptionFacts = {
    plan: user.role,
    status: input.status ?? "active",
    currentPeriodEnd: input.currentPeriodEnd ?? new Date(now.getTime() + 30 * 86_400_000),
  };
  await db.insert(billingCustomers).values({ userId: user.id, provider: "test", customerId }).onConflictDoNothing();
  await db
    .insert(subscriptions)
    .values({
      userId: user.id,
      provider: "test",
      customerId,
      subscriptionId: `test_sub_${randomUUID()}`,
      plan: facts.plan,
      interval: input.interval ?? "month",
      status: facts.status,
      currentPeriodEnd: facts.currentPeriodEnd,
      cancelAtPeriodEnd: input.cancelAtPeriodEnd ?? false,
      stateAt: input.stateAt ?? now,
    })
    .onConflictDoNothing();
  return facts;
}

/**
 * Inserts users with email-and-password credentials in one statement each for
 * users and credentials. Users whose email already exists are left as they are
 * and left out of the result, which makes seeding idempotent.
 */
export async function createUsers(db: Db, inputs: NewUser[]): Promise<CreatedUser[]> {
  if (inputs.length === 0) return [];
  const rows = await Promise.all(
    inputs.map(async (input) => {
      const values = defaults(input);
      return { ...values, id: randomUUID(), passwordHash: await hashOnce(values.password) };
    }),
  );
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(
        rows.map(({ id, name, email, role, createdAt, timeZone, digestHour }) => ({
          id,
          name,
          email,
          role,
          timeZone,
          digestHour,
          createdAt,
          updatedAt: createdAt,
        })),
      )
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, timeZone: users.timeZone });
    if (inserted.length === 0) return [];
    const rowById = new Map<string, (typeof rows)[number]>(rows.map((row) => [row.id, row]));
    await tx.insert(accounts).values(
      inserted.map((user) => {
        const row = rowById.get(user.id)!;
        return {
          id: randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: row.passwordHash,
          createdAt: row.createdAt,
          updatedAt: row.createdAt,
        };
      }),
    );
    const rowByEmail = new Map(rows.map((row) => [row.email, row]));
    const created: CreatedUser[] = [];
    for (const user of inserted) {
      const wanted = rowByEmail.get(user.email)?.subscription;
      const subscription = wanted ? await createSubscription(tx, user, wanted === true ? {} : wanted) : null;
      const { timeZone, ...identity } = user;
      created.push({
        ...identity,
        actor: { userId: user.id, name: user.name, email: user.email, role: user.role, subscription, timeZone },
      });
    }
    return created;
  });
}

export async function createUser(db: Db, input: NewUser = {}): Promise<CreatedUser> {
  const [user] = await createUsers(db, [input]);
  if (!user) throw new Error(`A user with the email ${input.email} already exists.`);
  return user;
}

export const createTalent = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "TALENT" });
/** A casting professional; give `subscription: true` for an active subscription. */
export const createProfessional = (db: Db, input: Omit<NewUser, "role"> = {}) =>
  createUser(db, { ...input, role: "PROFESSIONAL" });
export const createCompany = (db: Db, input: Omit<NewUser, "role"> = {}) =>
  createUser(db, { ...input, role: "COMPANY" });
export const createAdmin = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "ADMIN" });

export type NewTalentProfile = Partial<Omit<typeof talentProfiles.$inferInsert, "userId" | "searchVector">> & {
  contact?: Partial<Omit<typeof talentContacts.$inferInsert, "profileId">>;
  credits?: Omit<typeof talentCredits.$inferInsert, "profileId">[];
};

/** A talent profile for an existing talent user: published, unless publishedAt is given as null. */
export async function createTalentProfile(db: Db, user: { id: string; name: string }, input: NewTalentProfile = {}) {
  const { contact, credits, ...profile } = input;
  const skills = profile.skills ?? [];
  const [row] = await db
    .insert(talentProfiles)
    .values({
      displayName: user.name,
      headline: "Actor for screen and stage",
      city: "London",
      country: "GB",
      categories: ["actor"],
      playingAgeMin: 25,
      playingAgeMax: 35,
      languages: ["English"],
      publishedAt: new Date(),
      ...profile,
      skills,
      skillsText: skills.join(", "),
      userId: user.id,
    })
    .returning({ id: talentProfiles.id });
  const profileId = row!.id;
  if (contact) await db.insert(talentContacts).values({ profileId, ...contact });
  if (credits?.length) await db.insert(talentCredits).values(credits.map((credit) => ({ profileId, ...credit })));
  return profileId;
}

/** A talent user with a profile, in one call. */
export async function createTalentWithProfile(
  db: Db,
  input: { user?: Omit<NewUser, "role">; profile?: NewTalentProfile } = {},
) {
  const user = await createTalent(db, input.user);
  const profileId = await createTalentProfile(db, user, input.profile);
  return { ...user, profileId };
}

/** Records a photo whose files (every width, unless `hasWidths` is false) are already in storage, making it the primary photo when the profile has none. */
export async function attachTalentPhoto(
  db: Db,
  profileId: string,
  photo: { storageKey: string; width: number; height: number; position: number; hasWidths?: boolean },
) {
  const [row] = await db
    .insert(talentPhotos)
    .values({ profileId, hasWidths: true, ...photo })
    .returning({ id: talentPhotos.id });
  await db
    .update(talentProfiles)
    .set({ primaryPhotoId: row!.id })
    .where(and(eq(talentProfiles.id, profileId), isNull(talentProfiles.primaryPhotoId)));
  return row!.id;
}

const kindOfMediaPurpose = { showreel: "video", voice_reel: "audio", cv: "document" } as const;

/**
 * Stores a media file's bytes at media/<id>/original (the media module's key
 * layout) and records it as "processing": the worker learns its duration or
 * pages and makes its poster, as for an upload. It counts against the owner's
 * storage and is the main one of its purpose when the owner has none.
 * Returns the file's id.
 */
export async function attachMediaFile(
  db: Db,
  storage: BlobStorage,
  ownerId: string,
  file: {
    purpose: keyof typeof kindOfMediaPurpose;
    contentType: string;
    bytes: Uint8Array;
    title: string;
    fileName: string;
    position: number;
  },
): Promise<string> {
  const id = randomUUID();
  const { bytes, ...fields } = file;
  await storage.put(`media/${id}/original`, bytes, { contentType: file.contentType });
  await db.transaction(async (tx) => {
    const [primary] = await tx
      .select({ id: mediaFiles.id })
      .from(mediaFiles)
      .where(
        and(eq(mediaFiles.ownerId, ownerId), eq(mediaFiles.purpose, file.purpose), eq(mediaFiles.isPrimary, true)),
      );
    await tx.insert(mediaFiles).values({
      ...fields,
      id,
      ownerId,
      kind: kindOfMediaPurpose[file.purpose],
      byteSize: bytes.length,
      status: "processing",
      isPrimary: !primary,
      storageKey: `media/${id}/original`,
    });
    await tx
      .insert(storageUsage)
      .values({ userId: ownerId, usedBytes: bytes.length })
      .onConflictDoUpdate({
        target: storageUsage.userId,
        set: { usedBytes: sql`${storageUsage.usedBytes} + ${bytes.length}`, updatedAt: sql`now()` },
      });
  });
  return id;
}
