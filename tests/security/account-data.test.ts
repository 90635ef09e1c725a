import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { accounts, sessions, users, verifications } from "@/db/schema/auth";
import { contactRequests } from "@/db/schema/contact-requests";
import { emailJobs, notificationPreferences, notifications } from "@/db/schema/notifications";
import { subscriptions } from "@/db/schema/billing";
import { talentPhotos, talentProfiles } from "@/db/schema/talents";
import {
  attachTalentPhoto,
  createAdmin,
  createProfessional,
  createTalentWithProfile,
  type CreatedUser,
} from "@/db/seed/factories";
import { createAuth, type Auth } from "@/modules/access/auth";
import { suspendUser } from "@/modules/access/mutations";
import { deleteAccountInput } from "@/modules/account-data/inputs";
import { deleteAccount, type DeletionServices } from "@/modules/account-data/mutations";
import { exportAccountData } from "@/modules/account-data/queries";
import { listUsersForAdmin } from "@/modules/admin/queries";
import { listAuditEntries } from "@/modules/admin/queries";
import { TestBillingProvider } from "@/modules/billing/provider";
import { addTalentsInput, collectionDetailsInput } from "@/modules/collections/inputs";
import { addTalents, createCollection, shareCollection } from "@/modules/collections/mutations";
import { getSharedCollection } from "@/modules/collections/queries";
import { contactRequestInput } from "@/modules/contact-requests/inputs";
import { approveContactRequest, sendContactRequest } from "@/modules/contact-requests/mutations";
import { getRequestView } from "@/modules/contact-requests/queries";
import { sendMessage, startConversation } from "@/modules/messaging/mutations";
import { getConversationView, listMessages } from "@/modules/messaging/queries";
import { updateEmailPreferences } from "@/modules/notifications/mutations";
import { notify } from "@/modules/notifications/notify";
import type { MailTransport, OutgoingEmail } from "@/modules/notifications/transport";
import { runEmailWorkerTick } from "@/modules/notifications/worker";
import { parseGallerySearchParams } from "@/modules/talents/gallery-query";
import { photoStorageKey, photoVariants } from "@/modules/talents/photo-variants";
import { searchGallery } from "@/modules/talents/queries";
import { freshDatabase } from "@/test/database";
import { MemoryStorage } from "@/test/memory-storage";

const PASSWORD = "account-data-password";

/** The test-mode provider, noting which subscriptions it was asked to end (or refusing, as an unreachable provider would). */
class ObservedBillingProvider extends TestBillingProvider {
  readonly canceled: string[] = [];
  constructor(private readonly isReachable = true) {
    super();
  }
  override async cancelSubscriptionNow(subscriptionId: string) {
    if (!this.isReachable) throw new Error("connect ECONNREFUSED");
    this.canceled.push(subscriptionId);
  }
}

class RecordingTransport implements MailTransport {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail) {
    this.sent.push(email);
  }
}

const confirm = (password = PASSWORD) => deleteAccountInput.parse({ password, confirmation: "DELETE" });

const requestFor = (profileId: string, title: string) =>
  contactRequestInput.parse({
    profileId,
    projectTitle: title,
    role: "Lead",
    productionType: "film",
    description: "A feature film shooting in Bristol over six weeks next spring.",
    isPaid: "paid",
    rate: "$600 a day",
  });

describe("account data rights", () => {
  let db: Db;
  let auth: Auth;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    auth = createAuth(db);
  });

  function services(
    billing = new ObservedBillingProvider(),
  ): DeletionServices & { billing: ObservedBillingProvider; storage: MemoryStorage } {
    return { billing, storage: new MemoryStorage() };
  }

  /** A talent with a profile, contacts and a stored photo, in conversation with a subscribed professional, with requests both ways. */
  async function scene() {
    const storage = new MemoryStorage();
    const tag = randomUUID().slice(0, 8);
    const talent = await createTalentWithProfile(db, {
      user: { name: `Tamsin ${tag}`, password: PASSWORD },
      profile: {
        displayName: `Tamsin ${tag}`,
        contact: { phone: "+44 7700 900123", email: `tamsin.${tag}@agency.test` },
        credits: [{ year: 2024, production: "Harbour Lights", role: "Nell" }],
      },
    });
    const storageKey = `photos/${talent.profileId}/${randomUUID()}`;
    for (const variant of photoVariants) await storage.put(photoStorageKey(storageKey, variant), Buffer.from(variant));
    await attachTalentPhoto(db, talent.profileId, { storageKey, width: 300, height: 400, position: 0 });
    const pro = await createProfessional(db, { name: `Casey ${tag}`, subscription: true, password: PASSWORD });
    const conversationId = await startConversation(db, pro.actor, talent.id);
    await sendMessage(db, pro.actor, { conversationId, body: "Are you free on Friday?", clientKey: randomUUID() });
    await sendMessage(db, talent.actor, { conversationId, body: "Yes, all day.", clientKey: randomUUID() });
    const approved = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, `Approved ${tag}`));
    await approveContactRequest(db, talent.actor, { requestId: approved, sharedFields: ["phone"] });
    return { talent, pro, storage, storageKey, conversationId, approved, tag };
  }

  describe("export", () => {
    it("holds everything about the account, and nothing secret", async () => {
      const { talent, pro, conversationId, approved, tag } = await scene();
      const other = await createTalentWithProfile(db, { profile: { contact: { phone: "+44 7700 900999" } } });
      const collectionId = await createCollection(
        db,
        pro.actor,
        collectionDetailsInput.parse({ name: `Leads ${tag}`, description: "" }),
      );
      await addTalents(
        db,
        pro.actor,
        addTalentsInput.parse({ collectionId, profileIds: [talent.profileId, other.profileId] }),
      );
      await shareCollection(db, pro.actor, collectionId);
      await auth.api.signInEmail({ body: { email: pro.email, password: PASSWORD } });

      const data = await exportAccountData(db, pro.actor);
      expect(data.account).toMatchObject({ id: pro.id, email: pro.email, role: "PROFESSIONAL" });
      expect(data.sessions).toHaveLength(1);
      expect(data.credentials).toEqual([expect.objectContaining({ provider: "credential" })]);
      expect(data.conversations).toEqual([
        expect.objectContaining({
          id: conversationId,
          with: talent.name,
          messages: [
            expect.objectContaining({ from: "you", body: "Are you free on Friday?" }),
            expect.objectContaining({ from: talent.name, body: "Yes, all day." }),
          ],
        }),
      ]);
      const sent = data.contactRequests.sent.find((request) => request.id === approved);
      expect(sent).toMatchObject({
        status: "APPROVED",
        otherName: talent.name,
        sharedWithYou: { phone: "+44 7700 900123" },
      });
      expect(sent!.sharedWithYou).not.toHaveProperty("email");
      expect(data.collections).toEqual([
        expect.objectContaining({
          id: collectionId,
          isShared: true,
          items: [expect.objectContaining({ talentName: talent.name }), expect.anything()],
        }),
      ]);
      expect(data.billing.subscription).toMatchObject({ plan: "PROFESSIONAL", status: "active" });
      expect(data.billing.history.length).toBeGreaterThan(0);
      expect(data.notifications.map((notification) => notification.type)).toContain("contact_request.approved");
      expect(data.emailPreferences).toEqual({
        messages: "immediate",
        contact_requests: "immediate",
        billing: "immediate",
      });
      expect(data.talentProfile).toBeNull();

      const text = JSON.stringify(data);
      const [credential] = await db
        .select({ hash: accounts.password })
        .from(accounts)
        .where(eq(accounts.userId, pro.id));
      const tokens = await db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, pro.id));
      expect(text).not.toContain(credential!.hash!);
      for (const { token } of tokens) expect(text).not.toContain(token);
      expect(text).not.toMatch(/"password"|"token"|shareToken/i);
      // Another talent's private contact, never shared with this professional, is not in it.
      expect(text).not.toContain("+44 7700 900999");
    });

    it("gives a talent their profile, contacts, credits and photo details", async () => {
      const { talent, pro } = await scene();
      const data = await exportAccountData(db, talent.actor);
      expect(data.talentProfile).toMatchObject({
        id: talent.profileId,
        contact: { phone: "+44 7700 900123" },
        credits: [expect.objectContaining({ production: "Harbour Lights" })],
        photos: [
          expect.objectContaining({
            width: 300,
            height: 400,
            url: expect.stringMatching(/^\/api\/photos\/.+\/large$/),
          }),
        ],
      });
      expect(JSON.stringify(data.talentProfile)).not.toMatch(/storageKey|Vector/);
      expect(data.contactRequests.received).toEqual([
        expect.objectContaining({ otherName: pro.name, sharedFields: ["phone"], sharedWithYou: null }),
      ]);
    });

    it("is always the caller's own: a stranger's export holds none of someone else's data", async () => {
      const { talent, tag } = await scene();
      const stranger = await createProfessional(db, { subscription: true });
      const data = await exportAccountData(db, stranger.actor);
      const text = JSON.stringify(data);
      expect(data.account?.id).toBe(stranger.id);
      expect(text).not.toContain(talent.email);
      expect(text).not.toContain(tag);
      expect(text).not.toContain("+44 7700 900123");
    });
  });

  describe("deletion", () => {
    it("refuses a wrong password or a missing confirmation, and changes nothing", async () => {
      const { talent } = await scene();
      await expect(deleteAccount(db, services(), talent.actor, confirm("not-my-password"))).rejects.toMatchObject({
        code: "invalid_input",
        fieldErrors: { password: ["That is not your current password."] },
      });
      expect(
        deleteAccountInput.safeParse({ password: PASSWORD, confirmation: "delete" }).error?.issues[0]?.message,
      ).toMatch(/Type DELETE/);
      const [row] = await db
        .select({ deletedAt: users.deletedAt, email: users.email })
        .from(users)
        .where(eq(users.id, talent.id));
      expect(row).toEqual({ deletedAt: null, email: talent.email });
      expect(await db.select().from(talentProfiles).where(eq(talentProfiles.userId, talent.id))).toHaveLength(1);
    });

    it("never deletes someone else: a stranger's call checks the stranger's own password and account", async () => {
      const { talent } = await scene();
      const stranger = await createProfessional(db, { password: "stranger-password" });
      await expect(deleteAccount(db, services(), stranger.actor, confirm(PASSWORD))).rejects.toMatchObject({
        code: "invalid_input",
      });
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, talent.id));
      expect(row?.deletedAt).toBeNull();
      const [strangerRow] = await db
        .select({ deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, stranger.id));
      expect(strangerRow?.deletedAt).toBeNull();
    });

    it("removes a talent's personal data in one go, keeps the other side's conversation readable, and sends no more email", async () => {
      const { talent, pro, storage, storageKey, conversationId, approved, tag } = await scene();
      const pending = await sendContactRequest(
        db,
        (await createProfessional(db, { subscription: true })).actor,
        requestFor(talent.profileId, `Pending ${tag}`),
      );
      const requester = (
        await db
          .select({ senderId: contactRequests.senderId })
          .from(contactRequests)
          .where(eq(contactRequests.id, pending))
      )[0]!.senderId;
      await updateEmailPreferences(db, talent.actor, {
        messages: "daily",
        contact_requests: "immediate",
        billing: "immediate",
      });
      const session = await auth.api.signInEmail({ body: { email: talent.email, password: PASSWORD } });
      const deletion = { ...services(), storage };

      await deleteAccount(db, deletion, talent.actor, confirm());

      const [row] = await db.select().from(users).where(eq(users.id, talent.id));
      expect(row).toMatchObject({
        name: "Deleted user",
        email: `deleted-${talent.id}@deleted.invalid`,
        image: null,
        emailVerified: false,
      });
      expect(row!.deletedAt).toBeInstanceOf(Date);
      expect(await db.select().from(sessions).where(eq(sessions.userId, talent.id))).toHaveLength(0);
      expect(await db.select().from(accounts).where(eq(accounts.userId, talent.id))).toHaveLength(0);
      expect(
        await auth.api.getSession({ headers: new Headers({ authorization: `Bearer ${session.token}` }) }),
      ).toBeNull();
      await expect(auth.api.signInEmail({ body: { email: talent.email, password: PASSWORD } })).rejects.toThrow(
        /Invalid email or password/,
      );

      expect(await db.select().from(talentProfiles).where(eq(talentProfiles.userId, talent.id))).toHaveLength(0);
      expect(await db.select().from(talentPhotos).where(eq(talentPhotos.storageKey, storageKey))).toHaveLength(0);
      expect(storage.files.size).toBe(0);
      const gallery = await searchGallery(db, parseGallerySearchParams({ q: `Tamsin ${tag}` }));
      expect(gallery?.items ?? []).toHaveLength(0);
      expect(await db.select().from(notifications).where(eq(notifications.userId, talent.id))).toHaveLength(0);
      expect(
        await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, talent.id)),
      ).toHaveLength(0);
      expect(await db.select().from(emailJobs).where(eq(emailJobs.userId, talent.id))).toHaveLength(0);

      // The professional's side: the conversation reads on, from "Deleted user", and refuses new messages.
      const view = await getConversationView(db, pro.actor, conversationId);
      expect(view?.counterpart).toMatchObject({ name: "Deleted user", status: "deleted" });
      expect(view?.canSend).toMatchObject({ allowed: false, message: expect.stringMatching(/deleted/) });
      expect((await listMessages(db, pro.actor, conversationId))?.messages.map((message) => message.body)).toEqual([
        "Are you free on Friday?",
        "Yes, all day.",
      ]);
      await expect(
        sendMessage(db, pro.actor, { conversationId, body: "Hello?", clientKey: randomUUID() }),
      ).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/deleted/),
      });

      // Requests: the pending one expired and its sender was told; the approved one reveals nothing now.
      const [expired] = await db
        .select({ status: contactRequests.status, talentProfileId: contactRequests.talentProfileId })
        .from(contactRequests)
        .where(eq(contactRequests.id, pending));
      expect(expired).toEqual({ status: "EXPIRED", talentProfileId: null });
      const told = await db
        .select({ type: notifications.type, payload: notifications.payload })
        .from(notifications)
        .where(eq(notifications.userId, requester));
      expect(told).toContainEqual({
        type: "contact_request.expired",
        payload: expect.objectContaining({ requestId: pending, otherName: "Deleted user" }),
      });
      expect(await getRequestView(db, pro.actor, approved)).toMatchObject({
        otherName: "Deleted user",
        revealed: null,
      });

      // Anything queued for the deleted address afterwards is skipped by the worker, never sent.
      await notify(db, {
        userId: talent.id,
        type: "contact_request.received",
        payload: { requestId: pending, projectTitle: "Late", otherName: "Someone" },
      });
      const transport = new RecordingTransport();
      await runEmailWorkerTick(db, transport, new Date(Date.now() + 60_000), 1000);
      expect(
        await db.select({ status: emailJobs.status }).from(emailJobs).where(eq(emailJobs.userId, talent.id)),
      ).toEqual([{ status: "canceled" }]);
      expect(transport.sent.filter((email) => email.to.includes(talent.id) || email.to === talent.email)).toHaveLength(
        0,
      );
    });

    it("ends a reset link emailed before the deletion: it cannot set a password on the deleted account", async () => {
      const { talent } = await scene();
      await auth.api.requestPasswordReset({ body: { email: talent.email } });
      const [link] = await db
        .select({ identifier: verifications.identifier })
        .from(verifications)
        .where(eq(verifications.value, talent.id));
      expect(link?.identifier).toMatch(/^reset-password:/);
      const token = link!.identifier.slice("reset-password:".length);

      await deleteAccount(db, services(), talent.actor, confirm());

      expect(await db.select().from(verifications).where(eq(verifications.value, talent.id))).toEqual([]);
      await expect(
        auth.api.resetPassword({ body: { token, newPassword: "a-brand-new-passphrase" } }),
      ).rejects.toThrow();
      expect(await db.select().from(accounts).where(eq(accounts.userId, talent.id))).toEqual([]);
    });

    it("ends a professional's subscription at the provider, removes collections and share links, and expires requests they sent", async () => {
      const { talent, pro } = await scene();
      const other = await createTalentWithProfile(db);
      const pending = await sendContactRequest(db, pro.actor, requestFor(other.profileId, "Pending from pro"));
      const collectionId = await createCollection(
        db,
        pro.actor,
        collectionDetailsInput.parse({ name: "Shortlist", description: "" }),
      );
      await addTalents(db, pro.actor, addTalentsInput.parse({ collectionId, profileIds: [talent.profileId] }));
      const token = await shareCollection(db, pro.actor, collectionId);
      const [subscription] = await db
        .select({ subscriptionId: subscriptions.subscriptionId })
        .from(subscriptions)
        .where(eq(subscriptions.userId, pro.id));
      const deletion = services();

      await deleteAccount(db, deletion, pro.actor, confirm());

      expect(deletion.billing.canceled).toEqual([subscription!.subscriptionId]);
      const [ended] = await db
        .select({ status: subscriptions.status, cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd })
        .from(subscriptions)
        .where(eq(subscriptions.userId, pro.id));
      expect(ended).toEqual({ status: "canceled", cancelAtPeriodEnd: false });
      expect(await getSharedCollection(db, token)).toBeNull();
      const [request] = await db
        .select({ status: contactRequests.status })
        .from(contactRequests)
        .where(eq(contactRequests.id, pending));
      expect(request?.status).toBe("EXPIRED");
      // The talent keeps the request, from "Deleted user"; no notification for the deleted sender.
      expect(await getRequestView(db, other.actor, pending)).toMatchObject({
        status: "EXPIRED",
        otherName: "Deleted user",
      });
      expect(await db.select().from(notifications).where(eq(notifications.userId, pro.id))).toHaveLength(0);
      // The talent's side of the conversation says who left.
      const conversation = await getConversationView(
        db,
        talent.actor,
        (await exportAccountData(db, talent.actor)).conversations[0]!.id,
      );
      expect(conversation?.counterpart.name).toBe("Deleted user");
    });

    it("stops, changing nothing, when the payment provider cannot cancel the subscription", async () => {
      const pro = await createProfessional(db, { subscription: true, password: PASSWORD });
      await expect(
        deleteAccount(db, services(new ObservedBillingProvider(false)), pro.actor, confirm()),
      ).rejects.toMatchObject({
        code: "unavailable",
        message: expect.stringMatching(/nothing was deleted/),
      });
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, pro.id));
      expect(row?.deletedAt).toBeNull();
      expect(await db.select().from(accounts).where(eq(accounts.userId, pro.id))).toHaveLength(1);
    });

    it("shows admins the account as deleted, audited without personal data, and it cannot be suspended any more", async () => {
      const admin = await createAdmin(db);
      const talent = await createTalentWithProfile(db, { user: { password: PASSWORD } });
      await deleteAccount(db, services(), talent.actor, confirm());
      const listed = await listUsersForAdmin(db, admin.actor, { q: "Deleted user" });
      expect(listed.items.find((user) => user.id === talent.id)).toMatchObject({
        name: "Deleted user",
        deletedAt: expect.any(Date),
      });
      const entry = (await listAuditEntries(db, admin.actor)).find(
        (audit) => audit.action === "account.delete" && audit.targetId === talent.id,
      );
      expect(entry).toMatchObject({ targetType: "user", detail: { role: "TALENT", by: "self" } });
      expect(JSON.stringify(entry)).not.toContain(talent.email);
      expect(JSON.stringify(entry)).not.toContain(talent.name);
      await expect(
        suspendUser(db, admin.actor, { userId: talent.id, reason: "Too late for this one" }),
      ).rejects.toMatchObject({ code: "conflict" });
    });

    it("keeps the last admin, and lets an admin go while another remains", async () => {
      const { db: own } = await freshDatabase();
      const first = await createAdmin(own, { password: PASSWORD });
      const second = await createAdmin(own, { password: PASSWORD });
      await deleteAccount(own, services(), second.actor, confirm());
      await expect(deleteAccount(own, services(), first.actor, confirm())).rejects.toMatchObject({
        code: "forbidden",
        message: expect.stringMatching(/last admin/),
      });
      const [row] = await own.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, first.id));
      expect(row?.deletedAt).toBeNull();
    });

    it("lets only one of two admins deleting themselves at once go, when they are the last two", async () => {
      const { db: own } = await freshDatabase();
      const admins: CreatedUser[] = [
        await createAdmin(own, { password: PASSWORD }),
        await createAdmin(own, { password: PASSWORD }),
      ];
      const results = await Promise.allSettled(
        admins.map((admin) => deleteAccount(own, services(), admin.actor, confirm())),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "forbidden" } });
    });

    it("deletes once when the same deletion is sent twice at once, answering the second with a clear refusal", async () => {
      const talent = await createTalentWithProfile(db, { user: { password: PASSWORD } });
      const results = await Promise.allSettled([
        deleteAccount(db, services(), talent.actor, confirm()),
        deleteAccount(db, services(), talent.actor, confirm()),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refusal = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(["not_found", "invalid_input"]).toContain(refusal.reason.code);
      const audit = await db.select().from(users).where(eq(users.id, talent.id));
      expect(audit).toHaveLength(1);
    });
  });
});
