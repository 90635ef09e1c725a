import { contactRequest, type ActorName, type Fixtures } from "./fixtures";
import { actionIds, callAction, formOf } from "./support";

/**
 * The authorization matrix: for every server action, page, route handler and
 * JSON API route of the product, what each actor gets. The suite lists the
 * product's actions (from the build), pages and route handlers (from src/app)
 * and API routes (from the API's route tables) and fails when one has no row
 * here, so a new endpoint cannot ship unreviewed.
 *
 * Outcomes:
 * - "ok": allowed (the action ran, or refused for a business reason such as a
 *   conflict - never for who the caller is);
 * - "signin": sent to sign in (signed out, or suspended, which counts as signed out);
 * - an error code: "not_found" (also the answer wherever ids could be enumerated:
 *   a stranger's id answers exactly as a missing one), "forbidden",
 *   "subscription_required";
 * - for pages, routes and the JSON API, the HTTP status or "redirect:<path>".
 */
export type Expectations = Record<ActorName, string>;

const signedOut = { anonymous: "signin", suspended: "signin" } as const;

/** Everyone signed in gets `outcome`, unless overridden. */
export function everyone(outcome: string, overrides: Partial<Expectations> = {}): Expectations {
  return {
    ...signedOut,
    talent: outcome,
    stranger: outcome,
    free: outcome,
    pro: outcome,
    company: outcome,
    lapsed: outcome,
    admin: outcome,
    ...overrides,
  };
}

/** Only the listed actors get "ok"; every other signed-in actor gets `refusal`. */
export function only(allowed: ActorName[], refusal: string, overrides: Partial<Expectations> = {}): Expectations {
  const expectations = everyone(refusal, overrides);
  for (const actor of allowed) expectations[actor] = overrides[actor] ?? "ok";
  return expectations;
}

export type ActionRow = {
  /** The call's arguments for this actor (a fresh resource where an allowed call would use one up). */
  args: (fixtures: Fixtures, actor: ActorName) => unknown[] | Promise<unknown[]>;
  expect: Expectations;
  /** Calls that must run in this order (each later one depends on an earlier's change). */
  after?: string;
  /** Call with a session made for this call alone (for actions that end the session). */
  freshSession?: boolean;
  /**
   * Actors for whom the ids in the call are no secret, so a refusal may differ
   * from the answer for a made-up id: "all" for public ids (listed profiles), or
   * the participants of the thing.
   */
  idsKnownTo?: ActorName[] | "all";
};

/** One resource for the whole row: the refused actors try it, then the allowed one uses it. */
function once<T>(make: (fixtures: Fixtures) => Promise<T>): (fixtures: Fixtures) => Promise<T> {
  let made: Promise<T> | undefined;
  return (fixtures) => (made ??= make(fixtures));
}
const pendingFromCompany = once((f) => contactRequest(f.userIds.company, f.talentProfileId, "PENDING"));
const pendingFromAdmin = once((f) => contactRequest(f.userIds.admin, f.talentProfileId, "PENDING"));
const approvedFromPro = once((f) => contactRequest(f.userIds.pro, f.talentProfileId, "APPROVED"));
const freeCheckout = once(async (f) => {
  const started = await callAction(
    actionIds().startCheckoutAction!,
    [null, formOf({ plan: "PROFESSIONAL", interval: "month" })],
    { cookie: f.cookies.free },
  );
  const id = /^redirect:\/billing\/checkout\/([\w-]+)$/.exec(started.outcome)?.[1];
  if (!id) throw new Error(`Starting a checkout answered ${started.outcome}`);
  return id;
});

const project = {
  projectTitle: "Matrix feature",
  role: "Lead",
  productionType: "film",
  description: "A feature film shooting in spring, with a lead role to cast.",
  isPaid: "paid",
  rate: "$500 a day",
};
const subscribers: ActorName[] = ["pro", "company", "admin"];
/** Another talent's credit or photo answers as a missing one; accounts without a profile are refused whatever the id. */
const ownProfileThing = only(["talent"], "forbidden", { stranger: "not_found" });
/** Media actions need "media:manage-own" (talents); a stranger's file answers as missing, as does everything for others. */
const ownMedia = only(["talent"], "not_found");
const notForTalents = { talent: "forbidden", stranger: "forbidden" } as const;
/** Someone else's collection answers as a missing one; talents and the unsubscribed are refused whatever the id. */
const ownCollection = only(["pro"], "not_found", {
  ...notForTalents,
  free: "subscription_required",
  lapsed: "subscription_required",
});
const professionals: ActorName[] = ["free", "pro", "company", "lapsed"];

export const actionRows: Record<string, ActionRow> = {
  // Access
  // Public: anyone may try; nobody may give themselves the admin role (the e2e stories sign up for real).
  signUpAction: {
    args: (_, actor) => [
      null,
      formOf({
        name: "Matrix Person",
        email: `matrix-${actor}@example.com`,
        password: "a-long-passphrase",
        accountType: "ADMIN",
      }),
    ],
    expect: { ...everyone("invalid_input"), anonymous: "invalid_input", suspended: "invalid_input" },
  },
  signInAction: {
    args: (_, actor) => [null, formOf({ email: `nobody-${actor}@example.com`, password: "not-the-password" })],
    expect: { ...everyone("signin"), anonymous: "signin", suspended: "signin" },
  },
  // Public: one answer for known and unknown addresses; a made-up link is refused the same for everyone.
  requestPasswordResetAction: {
    args: (_, actor) => [null, formOf({ email: `nobody-reset-${actor}@example.com` })],
    expect: { ...everyone("ok"), anonymous: "ok", suspended: "ok" },
  },
  resetPasswordAction: {
    args: () => [
      null,
      formOf({
        token: "not-a-real-token-0123456789",
        password: "a-new-long-passphrase",
        confirmPassword: "a-new-long-passphrase",
      }),
    ],
    expect: { ...everyone("not_found"), anonymous: "not_found", suspended: "not_found" },
  },
  signOutAction: {
    args: () => [],
    freshSession: true,
    expect: { ...everyone("signin"), anonymous: "signin", suspended: "signin" },
  },
  suspendUserAction: {
    args: (f) => [null, formOf({ userId: f.victimUserId, reason: "Authorization matrix: an admin suspends" })],
    expect: only(["admin"], "not_found"),
  },
  reinstateUserAction: {
    args: (f) => [f.victimUserId],
    expect: only(["admin"], "not_found"),
    after: "suspendUserAction",
  },

  // Billing
  // Billing: talents and admins have no plan (forbidden whatever they send); "free" has no subscription to change.
  startCheckoutAction: {
    args: (_, actor) => [null, formOf({ plan: actor === "company" ? "COMPANY" : "PROFESSIONAL", interval: "month" })],
    expect: only(professionals, "forbidden"),
  },
  completeTestCheckoutAction: {
    args: async (f) => [null, formOf({ sessionId: await freeCheckout(f), outcome: "cancel" })],
    expect: only(["free"], "not_found", { ...notForTalents, admin: "forbidden" }),
  },
  cancelSubscriptionAction: {
    args: () => [],
    expect: only(["pro", "company", "lapsed"], "forbidden", { free: "not_found" }),
  },
  resumeSubscriptionAction: {
    args: () => [],
    expect: only(["pro", "company", "lapsed"], "forbidden", { free: "not_found" }),
    after: "cancelSubscriptionAction",
  },
  changeIntervalAction: {
    args: () => ["year"],
    expect: only(["pro", "company", "lapsed"], "forbidden", { free: "not_found" }),
  },
  // Last of all: paying brings "lapsed" back to a current subscription.
  retryPaymentAction: {
    args: () => [],
    expect: only(["pro", "company", "lapsed"], "forbidden", { free: "not_found" }),
    after: "restoreProfileAction",
  },
  // Only Stripe has a billing portal: with the built-in test provider there is none for anyone.
  openBillingPortalAction: { args: () => [], expect: everyone("not_found") },

  // Collections: "pro" owns the collection; a stranger's collection id answers as a missing one.
  createCollectionAction: {
    args: (_, actor) => [null, formOf({ name: `Matrix ${actor}`, description: "" })],
    expect: only(subscribers, "subscription_required", notForTalents),
  },
  updateCollectionAction: {
    args: (f) => [null, formOf({ collectionId: f.collectionId, name: "Matrix renamed", description: "" })],
    expect: ownCollection,
  },
  addTalentsAction: {
    args: (f) => [null, formOf({ collectionId: f.collectionId, profileIds: [f.listedProfileId] })],
    expect: ownCollection,
  },
  saveNoteAction: {
    args: (f) => [
      null,
      formOf({ collectionId: f.collectionId, profileId: f.collectionProfileId, note: "Matrix note" }),
    ],
    expect: ownCollection,
  },
  moveTalentAction: { args: (f) => [f.collectionId, f.collectionProfileId, "down"], expect: ownCollection },
  reorderTalentsAction: { args: (f) => [f.collectionId, []], expect: ownCollection },
  shareCollectionAction: { args: (f) => [f.collectionId], expect: ownCollection },
  // Revoking a link is allowed without a subscription (a lapsed account can still stop sharing).
  revokeShareAction: {
    args: (f) => [f.collectionId],
    expect: { ...ownCollection, free: "not_found", lapsed: "not_found" },
  },
  removeTalentAction: { args: (f) => [f.collectionId, f.listedProfileId], expect: ownCollection },
  sendBulkRequestsAction: {
    args: (f) => [
      null,
      formOf({
        collectionId: f.collectionId,
        ...project,
        profileIds: [f.listedProfileId],
        [`line:${f.listedProfileId}`]: "Your stage work fits this lead role well.",
      }),
    ],
    expect: ownCollection,
  },
  deleteCollectionAction: { args: (f) => [f.collectionId], expect: ownCollection, after: "sendBulkRequestsAction" },

  // Contact requests: "talent" receives, "pro" sends.
  sendContactRequestAction: {
    args: (f) => [null, formOf({ profileId: f.listedProfileId, ...project, message: "" })],
    expect: only(subscribers, "subscription_required", notForTalents),
    idsKnownTo: "all",
  },
  approveContactRequestAction: {
    args: async (f) => [null, formOf({ requestId: await pendingFromCompany(f), sharedFields: ["phone"] })],
    expect: only(["talent"], "not_found"),
  },
  declineContactRequestAction: {
    args: async (f) => [null, formOf({ requestId: await pendingFromAdmin(f), reason: "unavailable" })],
    expect: only(["talent"], "not_found"),
  },
  withdrawContactRequestAction: { args: (f) => [f.requestId], expect: only(["pro"], "not_found") },
  revokeApprovalAction: { args: async (f) => [await approvedFromPro(f)], expect: only(["talent"], "not_found") },

  // Messaging: "pro" and "talent" share the conversation (sending, reading and loading messages: apiRows).
  contactTalentAction: {
    args: (f) => [f.listedProfileId],
    expect: only(subscribers, "subscription_required", notForTalents),
    idsKnownTo: "all",
  },
  // Talents block; a professional in the conversation is told it is not theirs to do.
  setBlockedAction: {
    args: (f) => [f.conversationId, false],
    expect: only(["talent"], "not_found", { pro: "forbidden" }),
    idsKnownTo: ["pro"],
  },
  reportConversationAction: {
    args: (f) => [null, formOf({ conversationId: f.conversationId, reason: "spam", note: "" })],
    expect: only(["pro", "talent"], "not_found"),
  },
  // Admins open a conversation with any account; for everyone else the admin door does not exist.
  messageAccountAction: { args: (f) => [f.userIds.free], expect: only(["admin"], "not_found") },
  // One's own inbox: either participant, for themselves; everyone else is told the conversation does not exist.
  // (Moving back to the inbox and unmuting leave the conversation where the other files expect it.)
  setArchivedAction: { args: (f) => [f.conversationId, false, 0], expect: only(["pro", "talent"], "not_found") },
  markUnreadAction: { args: (f) => [f.conversationId], expect: only(["pro", "talent"], "not_found") },
  setEmailMutedAction: { args: (f) => [f.conversationId, false], expect: only(["pro", "talent"], "not_found") },

  // Notifications: "talent" owns the notification.
  markNotificationReadAction: { args: (f) => [f.notificationId], expect: only(["talent"], "not_found") },
  markAllNotificationsReadAction: { args: () => [], expect: everyone("ok") },
  updateEmailPreferencesAction: {
    args: () => [null, formOf({ messages: "immediate", contact_requests: "daily", billing: "immediate" })],
    expect: everyone("ok"),
  },
  // Each signed-in actor sets only their own zone and digest hour: the form names no account.
  updateTimeSettingsAction: {
    args: () => [null, formOf({ timeZone: "Europe/London", digestHour: "8" })],
    expect: everyone("ok"),
  },
  // Public, by the signed token of an email's unsubscribe link: a made-up token is refused the same for everyone.
  unsubscribeAction: {
    args: () => [null, formOf({ token: "not-a-real-token" })],
    expect: { ...everyone("invalid_input"), anonymous: "invalid_input", suspended: "invalid_input" },
  },

  // Talent profile: each talent edits only its own; others have no profile to edit.
  updateBasicsAction: {
    args: () => [
      null,
      formOf({
        displayName: "Taylor Brooks",
        headline: "Actor and voice artist",
        city: "London",
        country: "GB",
        categories: ["actor"],
        playingAgeMin: "25",
        playingAgeMax: "35",
        availability: "AVAILABLE",
      }),
    ],
    expect: only(["talent", "stranger"], "forbidden"),
  },
  updateSkillsAction: {
    args: () => [null, formOf({ languages: "English", skills: "Stage combat", unions: "" })],
    expect: only(["talent", "stranger"], "forbidden"),
  },
  updatePremiumDetailsAction: {
    args: () => [null, formOf({ bio: "Trained at drama school; ten years on stage." })],
    expect: only(["talent", "stranger"], "forbidden"),
  },
  updateContactAction: {
    args: () => [null, formOf({ phone: "+44 20 7946 0000", email: "taylor.brooks@mail.example.com" })],
    expect: only(["talent", "stranger"], "forbidden"),
  },
  addCreditAction: {
    args: () => [null, formOf({ year: "2024", production: "Matrix Play", role: "Lead" })],
    expect: only(["talent", "stranger"], "forbidden"),
  },
  deleteCreditAction: { args: (f) => [f.creditId], expect: ownProfileThing },
  setPrimaryPhotoAction: { args: (f) => [f.photoIds[0]], expect: ownProfileThing },
  movePhotoAction: { args: (f) => [f.photoIds[0], "down"], expect: ownProfileThing },
  deletePhotoAction: { args: (f) => [f.photoIds.at(-1)], expect: ownProfileThing },
  // Media: the talent's own files only; another talent's file answers as a missing one.
  renameMediaAction: {
    args: (f) => [null, formOf({ mediaId: f.showreelId, title: "Matrix reel" })],
    expect: ownMedia,
  },
  moveMediaAction: { args: (f) => [f.showreelId, "down"], expect: ownMedia },
  setPrimaryMediaAction: { args: (f) => [f.showreelId], expect: ownMedia },
  setCaptionsAction: {
    args: (f) => {
      const form = formOf({ mediaId: f.showreelId });
      form.append("captions", new Blob(["WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"], { type: "text/vtt" }), "c.vtt");
      return [null, form];
    },
    expect: ownMedia,
  },
  removeCaptionsAction: { args: (f) => [f.showreelId], expect: ownMedia, after: "setCaptionsAction" },
  deleteMediaAction: { args: (f) => [f.failedMediaId], expect: ownMedia },
  unpublishProfileAction: { args: () => [], expect: only(["talent", "stranger"], "forbidden") },
  publishProfileAction: {
    args: () => [],
    expect: only(["talent", "stranger"], "forbidden"),
    after: "unpublishProfileAction",
  },
  // Account data: everyone signed in may delete their own account, and nobody else's (there is no id to give).
  // The matrix confirms with a wrong password, so that the demo accounts stay; deletion itself has its own tests.
  // The last admin may not leave (nobody could moderate); that is said before the password is checked.
  deleteAccountAction: {
    args: () => [null, formOf({ password: "not-the-password", confirmation: "DELETE" })],
    expect: everyone("ok", { admin: "forbidden" }),
    after: "retryPaymentAction",
  },

  // Moderation: for everyone but admins these do not exist.
  hideProfileAction: {
    args: (f) => [null, formOf({ profileId: f.strangerProfileId, reason: "Authorization matrix: moderation" })],
    expect: only(["admin"], "not_found"),
  },
  restoreProfileAction: {
    args: (f) => [f.strangerProfileId],
    expect: only(["admin"], "not_found"),
    after: "hideProfileAction",
  },
};

export type PageRow = { path: (fixtures: Fixtures) => string; expect: Expectations };

const signinPage = { anonymous: "redirect:/sign-in", suspended: "redirect:/sign-in" } as const;
/** A page every signed-in actor may see (200), with overrides. */
export function pageForAll(overrides: Partial<Expectations> = {}): Expectations {
  return { ...everyone("200"), ...signinPage, ...overrides };
}
/** A page only the listed actors see (200); other signed-in actors get 404. */
export function pageFor(allowed: ActorName[], overrides: Partial<Expectations> = {}): Expectations {
  const expectations: Expectations = { ...everyone("404"), ...signinPage };
  for (const actor of allowed) expectations[actor] = "200";
  return { ...expectations, ...overrides };
}
export function publicPage(overrides: Partial<Expectations> = {}): Expectations {
  return { ...everyone("200"), anonymous: "200", suspended: "200", ...overrides };
}

/** Keyed by the page's route as it appears in src/app (route groups left out). */
export const pageRows: Record<string, PageRow> = {
  // The front door: signed out it is the landing page, signed in it leads home.
  "/": { path: () => "/", expect: { ...everyone("redirect:/home"), anonymous: "200", suspended: "200" } },
  "/pricing": { path: () => "/pricing", expect: publicPage() },
  "/sign-in": { path: () => "/sign-in", expect: { ...everyone("redirect:/home"), anonymous: "200", suspended: "200" } },
  "/forgot-password": { path: () => "/forgot-password", expect: publicPage() },
  "/reset-password": { path: () => "/reset-password?token=not-a-real-token", expect: publicPage() },
  "/sign-up": { path: () => "/sign-up", expect: { ...everyone("redirect:/home"), anonymous: "200", suspended: "200" } },
  "/talents": { path: () => "/talents", expect: publicPage() },
  "/talents/[id]": { path: (f) => `/talents/${f.listedProfileId}`, expect: publicPage() },
  "/shared/[token]": {
    path: () => "/shared/not-a-share-token",
    expect: publicPage({ ...everyone("404"), anonymous: "404", suspended: "404" }),
  },
  "/unsubscribe": { path: () => "/unsubscribe?token=not-a-real-token", expect: publicPage() },
  "/home": { path: () => "/home", expect: pageForAll() },
  "/dashboard": { path: () => "/dashboard", expect: pageForAll() },
  "/messages": { path: () => "/messages", expect: pageForAll() },
  "/messages/[conversationId]": { path: (f) => `/messages/${f.conversationId}`, expect: pageFor(["pro", "talent"]) },
  "/notifications": { path: () => "/notifications", expect: pageForAll() },
  "/settings/notifications": { path: () => "/settings/notifications", expect: pageForAll() },
  "/settings/account": { path: () => "/settings/account", expect: pageForAll() },
  "/account-deleted": { path: () => "/account-deleted", expect: publicPage() },
  "/billing": { path: () => "/billing", expect: pageFor(professionals) },
  "/billing/checkout/[sessionId]": {
    path: () => "/billing/checkout/7f1c1f5e-1111-4c4c-8888-000000000001",
    expect: pageFor([]),
  },
  "/collections": { path: () => "/collections", expect: pageFor([...professionals, "admin"]) },
  "/collections/[collectionId]": { path: (f) => `/collections/${f.keptCollectionId}`, expect: pageFor(["pro"]) },
  "/collections/[collectionId]/request": {
    path: (f) => `/collections/${f.keptCollectionId}/request`,
    expect: pageFor(["pro"]),
  },
  "/contact-requests/new": {
    path: (f) => `/contact-requests/new?profile=${f.listedProfileId}`,
    expect: pageFor([...professionals, "admin"]),
  },
  "/contact-requests/sent": { path: () => "/contact-requests/sent", expect: pageFor([...professionals, "admin"]) },
  "/contact-requests/received": { path: () => "/contact-requests/received", expect: pageFor(["talent", "stranger"]) },
  "/contact-requests/[requestId]": {
    path: (f) => `/contact-requests/${f.requestId}`,
    expect: pageFor(["talent", "pro"]),
  },
  "/profile/edit": { path: () => "/profile/edit", expect: pageFor(["talent", "stranger"]) },
  "/profile/preview": { path: () => "/profile/preview", expect: pageFor(["talent", "stranger"]) },
  // Only while no SMTP server is configured (as here): the email the app would have sent, for admins.
  "/dev/mailbox": { path: () => "/dev/mailbox", expect: pageFor(["admin"]) },
  "/admin": { path: () => "/admin", expect: pageFor(["admin"]) },
  "/admin/audit": { path: () => "/admin/audit", expect: pageFor(["admin"]) },
  "/admin/contact-requests": { path: () => "/admin/contact-requests", expect: pageFor(["admin"]) },
  "/admin/reports": { path: () => "/admin/reports", expect: pageFor(["admin"]) },
  "/admin/talents": { path: () => "/admin/talents", expect: pageFor(["admin"]) },
  "/admin/users": { path: () => "/admin/users", expect: pageFor(["admin"]) },
};

export type RouteRow = {
  method: string;
  path: (fixtures: Fixtures) => string;
  body?: (actor: ActorName) => string | FormData;
  headers?: Record<string, string>;
  expect: Expectations;
};

/** A real (tiny) image, so an upload is refused or accepted for who sends it, not for what. */
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
function photoUpload(): FormData {
  const form = new FormData();
  form.append("photo", new Blob([onePixelPng], { type: "image/png" }), "portrait.png");
  return form;
}

/** Keyed "METHOD route" as in src/app. */
export const routeRows: Record<string, RouteRow> = {
  "GET /api/health": { method: "GET", path: () => "/api/health", expect: publicPage() },
  "GET /api/ready": { method: "GET", path: () => "/api/ready", expect: publicPage() },
  "GET /api/metrics": {
    method: "GET",
    path: () => "/api/metrics",
    expect: publicPage({ ...everyone("404"), anonymous: "404", suspended: "404" }),
  },
  "GET /api/messages/stream": {
    method: "GET",
    path: () => "/api/messages/stream",
    expect: { ...everyone("200"), anonymous: "401", suspended: "401" },
  },
  "GET /api/photos/[photoId]/[variant]": {
    method: "GET",
    path: (f) => `/api/photos/${f.photoIds[0]}/thumb`,
    expect: publicPage(),
  },
  // Talents add photos to their own profile; accounts without one are refused.
  "POST /api/profile/photos": {
    method: "POST",
    path: () => "/api/profile/photos",
    body: photoUpload,
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", talent: "201", stranger: "201" },
  },
  // Media: a listed talent's main voice reel is public (HEAD too); a second showreel is premium: without a signed
  // link only the talent and subscribers get it, and everyone else is told it does not exist.
  "GET /api/media/[mediaId]/[version]/[variant]": {
    method: "GET",
    path: (f) => f.voiceReelPath,
    expect: publicPage(),
  },
  "HEAD /api/media/[mediaId]/[version]/[variant]": {
    method: "HEAD",
    path: (f) => f.premiumReelPath,
    expect: {
      ...everyone("404", { talent: "200", pro: "200", company: "200", admin: "200" }),
      anonymous: "404",
      suspended: "404",
    },
  },
  // Resumable uploads (tus): talents start one; anyone else is refused; another's or a made-up upload is missing.
  "POST /api/uploads/[[...path]]": {
    method: "POST",
    path: () => "/api/uploads",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": "1000",
      "Upload-Metadata": `purpose ${Buffer.from("voice_reel").toString("base64")}`,
    },
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", talent: "201", stranger: "201" },
  },
  "PATCH /api/uploads/[[...path]]": {
    method: "PATCH",
    path: () => "/api/uploads/madeUpUploadId00000000000",
    headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    body: () => "bytes",
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", talent: "404", stranger: "404" },
  },
  "HEAD /api/uploads/[[...path]]": {
    method: "HEAD",
    path: () => "/api/uploads/madeUpUploadId00000000000",
    headers: { "Tus-Resumable": "1.0.0" },
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", talent: "404", stranger: "404" },
  },
  "DELETE /api/uploads/[[...path]]": {
    method: "DELETE",
    path: () => "/api/uploads/madeUpUploadId00000000000",
    headers: { "Tus-Resumable": "1.0.0" },
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", talent: "404", stranger: "404" },
  },
  // The protocol's capabilities, the same for everyone.
  "OPTIONS /api/uploads/[[...path]]": {
    method: "OPTIONS",
    path: () => "/api/uploads",
    expect: publicPage({ ...everyone("204"), anonymous: "204", suspended: "204" }),
  },
  // By the signed token of an email's link; a made-up token is refused the same for everyone.
  "POST /api/unsubscribe": {
    method: "POST",
    path: () => "/api/unsubscribe?token=not-a-real-token",
    expect: publicPage({ ...everyone("400"), anonymous: "400", suspended: "400" }),
  },
  // Stripe only: with the built-in test provider there is no webhook to receive.
  "POST /api/webhooks/stripe": {
    method: "POST",
    path: () => "/api/webhooks/stripe",
    body: () => "{}",
    expect: publicPage({ ...everyone("404"), anonymous: "404", suspended: "404" }),
  },
  // The JSON API, answered by the production server itself ahead of Next.js: one call here, every route in apiRows.
  "GET /api/v1/[...path]": {
    method: "GET",
    path: () => "/api/v1/unread",
    expect: { ...everyone("200"), anonymous: "401", suspended: "401" },
  },
  "POST /api/v1/[...path]": {
    method: "POST",
    path: (f) => `/api/v1/conversations/${f.conversationId}/read`,
    body: () => JSON.stringify({ seq: 0 }),
    headers: { "content-type": "application/json" },
    expect: { ...everyone("404"), anonymous: "401", suspended: "401", pro: "200", talent: "200" },
  },
  "GET /api/auth/[...all]": { method: "GET", path: () => "/api/auth/get-session", expect: publicPage() },
  "POST /api/auth/[...all]": {
    method: "POST",
    path: () => "/api/auth/sign-in/email",
    body: (actor) => JSON.stringify({ email: `nobody-${actor}@example.com`, password: "not-the-password" }),
    headers: { "content-type": "application/json" },
    expect: publicPage({ ...everyone("401"), anonymous: "401", suspended: "401" }),
  },
  // Someone else's collection is missing; talents keep none at all.
  "GET /collections/[collectionId]/export": {
    method: "GET",
    path: (f) => `/collections/${f.keptCollectionId}/export`,
    expect: { ...everyone("404"), anonymous: "401", suspended: "401", talent: "403", stranger: "403", pro: "200" },
  },
  "GET /settings/account/export": {
    method: "GET",
    path: () => "/settings/account/export",
    expect: { ...everyone("200"), anonymous: "401", suspended: "401" },
  },
  "GET /dashboard/export": {
    method: "GET",
    path: () => "/dashboard/export?from=2026-01-01&to=2026-01-31",
    expect: { ...everyone("403"), anonymous: "401", suspended: "401", admin: "200" },
  },
};

export type ApiRow = {
  /** The route's path with the fixtures' ids in place. */
  path: (fixtures: Fixtures) => string;
  /** The JSON body of a POST, for this actor (a fresh client key where a send would use one up). */
  body?: (fixtures: Fixtures, actor: ActorName) => unknown;
  /** The HTTP status each actor gets. */
  expect: Expectations;
};

const apiSignedOut = { anonymous: "401", suspended: "401" } as const;
/** Every signed-in actor gets `status`. */
function apiForAll(status: string): Expectations {
  return { ...everyone(status), ...apiSignedOut };
}
/** The conversation's two participants get `status`; everyone else signed in gets the 404 of a missing conversation. */
function participantsGet(status: string): Expectations {
  return { ...everyone("404"), ...apiSignedOut, pro: status, talent: status };
}

/**
 * The JSON API, route by route: keyed "METHOD /api/v1/<path>" as in the API's
 * route tables (src/modules/<domain>/api.ts, composed in src/app/api/v1/api.ts).
 * Statuses are exact; a refusal writes nothing, and a made-up id answers
 * exactly as someone else's real one.
 */
export const apiRows: Record<string, ApiRow> = {
  // Each actor's own inbox and unread counts: there is no id to give.
  "GET /api/v1/conversations": { path: () => "/api/v1/conversations", expect: apiForAll("200") },
  "GET /api/v1/unread": { path: () => "/api/v1/unread", expect: apiForAll("200") },
  "GET /api/v1/conversations/:id/messages": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/messages?before=1000`,
    expect: participantsGet("200"),
  },
  "POST /api/v1/conversations/:id/messages": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/messages`,
    body: (_, actor) => ({ body: `Matrix message from ${actor}`, clientKey: crypto.randomUUID() }),
    expect: participantsGet("201"),
  },
  "POST /api/v1/conversations/:id/read": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/read`,
    body: () => ({ seq: 1 }),
    expect: participantsGet("200"),
  },
  "POST /api/v1/conversations/:id/archive": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/archive`,
    body: () => ({ archived: false }),
    expect: participantsGet("200"),
  },
  "POST /api/v1/conversations/:id/unread": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/unread`,
    body: () => ({}),
    expect: participantsGet("200"),
  },
  "POST /api/v1/conversations/:id/mute": {
    path: (f) => `/api/v1/conversations/${f.conversationId}/mute`,
    body: () => ({ muted: false }),
    expect: participantsGet("200"),
  },
};
