import { actionIds, callAction, callApi, database, one, signIn } from "./support";

/**
 * The actors of the authorization matrix, each signed in over HTTP as a demo
 * account (or left signed out), and the ids of the things they act on, found
 * in the seeded database. "talent" owns the talent-side resources; "pro"
 * (a subscribed casting professional) owns the professional-side ones; the
 * others are strangers to both.
 */
export const actorNames = [
  "anonymous",
  "suspended",
  "talent",
  "stranger",
  "free",
  "pro",
  "company",
  "lapsed",
  "admin",
] as const;
export type ActorName = (typeof actorNames)[number];

export const actorEmails: Record<Exclude<ActorName, "anonymous" | "suspended" | "stranger">, string> = {
  talent: "talent@callback.test",
  free: "free@callback.test",
  pro: "casting@callback.test",
  company: "studio@callback.test",
  lapsed: "lapsed@callback.test",
  admin: "admin@callback.test",
};

export type Fixtures = {
  cookies: Record<ActorName, string | undefined>;
  emails: Record<Exclude<ActorName, "anonymous">, string>;
  userIds: Record<Exclude<ActorName, "anonymous">, string>;
  talentProfileId: string;
  strangerProfileId: string;
  /** A listed talent nobody in the matrix is connected to. */
  listedProfileId: string;
  /** A talent account the admin suspends and reinstates. */
  victimUserId: string;
  conversationId: string;
  /** A pending request from "pro" to "talent". */
  requestId: string;
  collectionId: string;
  collectionProfileId: string;
  /** Another of "pro"'s collections, which no action deletes. */
  keptCollectionId: string;
  notificationId: string;
  creditId: string;
  photoIds: string[];
  /** The talent's main photo (public); the rest of photoIds are premium. */
  primaryPhotoId: string;
  /**
   * The talent's main showreel (the media actions rename, move, caption and make it main, so its version moves
   * but it stays the main one) and CV (demo media).
   */
  showreelId: string;
  cvId: string;
  /** A failed upload of the talent's, made for this file, which the matrix deletes. */
  failedMediaId: string;
  /**
   * talent@'s main voice reel (public) and a showreel that is not the main one (premium), both processed.
   * The media actions bump versions, so each comes with the address of its current version.
   */
  voiceReelId: string;
  voiceReelPath: string;
  premiumReelId: string;
  premiumReelPath: string;
};

async function demoTalent(excluding: string[]) {
  return one<{ user_id: string; email: string; profile_id: string }>(
    `select u.id as user_id, u.email, p.id as profile_id from users u join talent_profiles p on p.user_id = u.id
     where u.email like '%@talent.callback.test' and p.published_at is not null and p.hidden_at is null and u.suspended_at is null
       and not (u.id = any($1::text[]))
     order by u.email limit 1`,
    [excluding],
  );
}

export async function loadFixtures(): Promise<Fixtures> {
  const ids: Record<string, string> = {};
  for (const [name, email] of Object.entries(actorEmails))
    ids[name] = (await one<{ id: string }>("select id from users where email = $1", [email])).id;
  const stranger = await demoTalent([ids.talent!]);
  const suspended = await demoTalent([ids.talent!, stranger.user_id]);
  const victim = await demoTalent([ids.talent!, stranger.user_id, suspended.user_id]);
  const listed = await demoTalent([ids.talent!, stranger.user_id, suspended.user_id, victim.user_id]);

  const cookies = { anonymous: undefined } as Record<ActorName, string | undefined>;
  for (const [name, email] of Object.entries(actorEmails)) cookies[name as ActorName] = await signIn(email);
  cookies.stranger = await signIn(stranger.email);
  // The suspended actor signed in before the suspension: its cookie must stop working at once.
  cookies.suspended = await signIn(suspended.email);
  await database().query(
    "update users set suspended_at = now(), suspended_reason = 'Authorization matrix: a suspended account' where id = $1",
    [suspended.user_id],
  );

  const talentProfileId = (await one<{ id: string }>("select id from talent_profiles where user_id = $1", [ids.talent]))
    .id;
  // The professional opens a conversation with the talent the way the profile's "Message" button does, and writes.
  const opened = await callAction(actionIds().contactTalentAction!, [talentProfileId], { cookie: cookies.pro });
  const conversationId = /^redirect:\/messages\/([\w-]+)$/.exec(opened.outcome)?.[1];
  if (!conversationId) throw new Error(`Opening a conversation answered ${opened.outcome}`);
  const sent = await callApi("POST", `/api/v1/conversations/${conversationId}/messages`, {
    cookie: cookies.pro,
    body: { body: "Hello from the matrix", clientKey: crypto.randomUUID() },
  });
  if (sent.status !== 201) throw new Error(`Sending the first message answered ${sent.status} ${sent.code}`);
  const collection = await one<{ id: string; profile_id: string }>(
    `select c.id, i.profile_id from collections c join collection_items i on i.collection_id = c.id where c.owner_id = $1 order by c.created_at, i.position limit 1`,
    [ids.pro],
  );
  const kept = await one<{ id: string }>(
    "select id from collections where owner_id = $1 and id <> $2 order by created_at limit 1",
    [ids.pro, collection.id],
  );
  const notificationId = (
    await one<{ id: string }>("select id from notifications where user_id = $1 order by created_at desc limit 1", [
      ids.talent,
    ])
  ).id;
  const creditId = (
    await one<{ id: string }>("select id from talent_credits where profile_id = $1 limit 1", [talentProfileId])
  ).id;
  const mediaOf = async (purpose: string) =>
    (
      await one<{ id: string }>(
        "select id from media_files where owner_id = $1 and purpose = $2 order by position limit 1",
        [ids.talent, purpose],
      )
    ).id;
  const mediaAt = async (where: string) => {
    const file = await one<{ id: string; version: number }>(
      `select id, version from media_files where owner_id = $1 and ${where} order by position limit 1`,
      [ids.talent],
    );
    return { id: file.id, path: `/api/media/${file.id}/v${file.version}/original` };
  };
  // The demo media is processed by the server's worker; the media rows need it ready.
  for (let tries = 0; tries < 240; tries += 1) {
    const { rows } = await database().query(
      "select count(*)::int as n from media_files where owner_id = $1 and status = 'processing'",
      [ids.talent],
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { rows: photos } = await database().query(
    "select id from talent_photos where profile_id = $1 order by position",
    [talentProfileId],
  );
  const voiceReel = await mediaAt("purpose = 'voice_reel' and is_primary");
  const premiumReel = await mediaAt("purpose = 'showreel' and not is_primary");
  await lapse(ids.lapsed!);

  return {
    cookies,
    emails: { ...actorEmails, stranger: stranger.email, suspended: suspended.email },
    userIds: {
      ...(ids as Record<keyof typeof actorEmails, string>),
      stranger: stranger.user_id,
      suspended: suspended.user_id,
    },
    talentProfileId,
    strangerProfileId: stranger.profile_id,
    listedProfileId: listed.profile_id,
    victimUserId: victim.user_id,
    conversationId,
    requestId: await pendingRequest(ids.pro!, talentProfileId),
    collectionId: collection.id,
    collectionProfileId: collection.profile_id,
    keptCollectionId: kept.id,
    notificationId,
    creditId,
    photoIds: photos.map((row: { id: string }) => row.id),
    primaryPhotoId: (
      await one<{ id: string }>("select primary_photo_id as id from talent_profiles where id = $1", [talentProfileId])
    ).id,
    showreelId: (await mediaAt("purpose = 'showreel' and is_primary")).id,
    cvId: await mediaOf("cv"),
    failedMediaId: await failedUpload(ids.talent!),
    voiceReelId: voiceReel.id,
    voiceReelPath: voiceReel.path,
    premiumReelId: premiumReel.id,
    premiumReelPath: premiumReel.path,
  };
}

/** A CV of `ownerId`'s that processing refused (its bytes already gone), made directly in the database. */
async function failedUpload(ownerId: string): Promise<string> {
  const { rows } = await database().query(
    `insert into media_files (owner_id, purpose, kind, status, title, storage_key, content_type, byte_size, failure_reason, position)
     values ($1, 'cv', 'document', 'failed', 'Matrix upload', 'media/matrix/' || gen_random_uuid(), 'application/pdf', 1000,
             'This PDF could not be read.', 99)
     returning id`,
    [ownerId],
  );
  return rows[0].id as string;
}

/**
 * Puts "lapsed" back in the state it is named for (a renewal that failed): the
 * matrix's payment retry brings it back to current, and what runs after
 * expects the lapsed account.
 */
export async function lapse(userId: string): Promise<void> {
  await database().query("update subscriptions set status = 'past_due', state_at = now() where user_id = $1", [userId]);
}

/** The pending request from `senderId` to the talent of `profileId`: one an earlier file left (one may be pending at a time), or a new one. */
async function pendingRequest(senderId: string, profileId: string): Promise<string> {
  const { rows } = await database().query(
    "select id from contact_requests where sender_id = $1 and talent_profile_id = $2 and status = 'PENDING'",
    [senderId, profileId],
  );
  return (rows[0]?.id as string | undefined) ?? contactRequest(senderId, profileId, "PENDING");
}

/** A contact request in a given state, sent by `senderId` to the talent of `profileId`, made directly in the database. */
export async function contactRequest(
  senderId: string,
  profileId: string,
  status: "PENDING" | "APPROVED",
): Promise<string> {
  const { rows } = await database().query(
    `insert into contact_requests (sender_id, talent_user_id, talent_profile_id, project_title, role, production_type, description, is_paid, status, shared_fields, responded_at, expires_at)
     select $1, p.user_id, p.id, 'Matrix feature', 'Lead', 'film', 'A matrix test request: twenty characters at least.', true, $3::contact_request_status,
            case when $3 = 'APPROVED' then array['phone'] else '{}'::text[] end,
            case when $3 = 'APPROVED' then now() else null end, now() + interval '14 days'
     from talent_profiles p where p.id = $2
     returning id`,
    [senderId, profileId, status],
  );
  return rows[0].id as string;
}
