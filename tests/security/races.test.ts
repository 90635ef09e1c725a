import { and, asc, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { billingCustomers, billingEvents, subscriptionChanges, subscriptions } from "@/db/schema/billing";
import { collectionItems, collections } from "@/db/schema/collections";
import { talentProfiles } from "@/db/schema/talents";
import { contactRequestCounters, contactRequestEvents, contactRequests } from "@/db/schema/contact-requests";
import { conversationParticipants, conversations, messages } from "@/db/schema/messaging";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { createProfessional, createTalentWithProfile, createUsers, type CreatedUser } from "@/db/seed/factories";
import { handleStripeWebhook } from "@/modules/billing/webhook";
import type { PriceMap } from "@/modules/billing/stripe";
import { addTalents, createCollection, moveTalent } from "@/modules/collections/mutations";
import { addTalentsInput, MAX_COLLECTIONS, MAX_COLLECTION_SIZE } from "@/modules/collections/inputs";
import { contactRequestInput } from "@/modules/contact-requests/inputs";
import {
  approveContactRequest,
  declineContactRequest,
  sendContactRequest,
  withdrawContactRequest,
} from "@/modules/contact-requests/mutations";
import { expireContactRequests } from "@/modules/contact-requests/internal";
import { quotaWindows } from "@/modules/contact-requests/policies";
import { getRequestView } from "@/modules/contact-requests/queries";
import { sendMessage, startConversation } from "@/modules/messaging/mutations";
import { getUnreadTotal } from "@/modules/messaging/queries";
import { freshDatabase } from "@/test/database";

/**
 * Races, fired for real: every case starts its operations together
 * (Promise.all; on PostgreSQL each runs on its own pooled connection) and then
 * checks the invariant the database must have kept. On PGlite (one
 * connection) the same cases check that the serial outcome is right.
 */
const DAY_MS = 86_400_000;
const ROUNDS = 4;

const requestFor = (profileId: string, title = "Parallel Lives") =>
  contactRequestInput.parse({
    profileId,
    projectTitle: title,
    role: "Lead",
    productionType: "film",
    description: "A feature film shooting in Glasgow over five weeks in the autumn.",
    isPaid: "paid",
    rate: "$500 a day",
  });

function outcomes<T>(results: PromiseSettledResult<T>[]) {
  const fulfilled = results
    .filter((result): result is PromiseFulfilledResult<T> => result.status === "fulfilled")
    .map((result) => result.value);
  const rejected = results
    .filter((result): result is PromiseRejectedResult => result.status === "rejected")
    .map((result) => result.reason as { code?: string; message: string });
  return { fulfilled, rejected };
}

describe("races the database settles", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("parallel first contact between one professional and one talent makes exactly one conversation, holding every message", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const pro = await createProfessional(db, { subscription: true });
      const talent = await createTalentWithProfile(db);
      // Eight "Message" clicks at once (from several tabs, or a double click).
      const ids = await Promise.all(Array.from({ length: 8 }, () => startConversation(db, pro.actor, talent.id)));
      expect(new Set(ids).size).toBe(1);
      const [userLo, userHi] = [pro.id, talent.id].sort() as [string, string];
      const pair = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.userLo, userLo), eq(conversations.userHi, userHi)));
      expect(pair).toHaveLength(1);
      expect(
        await db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, ids[0]!)),
      ).toHaveLength(2);

      // Each "first message" after its own start call lands in that one conversation.
      const sent = await Promise.all(
        Array.from({ length: 6 }, async (_, index) => {
          const id = await startConversation(db, pro.actor, talent.id);
          return sendMessage(db, pro.actor, {
            conversationId: id,
            body: `Hello ${index}`,
            clientKey: `first-${round}-${index}`,
          });
        }),
      );
      const stored = await db
        .select({ conversationId: messages.conversationId })
        .from(messages)
        .where(eq(messages.senderId, pro.id));
      expect(stored).toHaveLength(sent.length);
      expect(new Set(stored.map((row) => row.conversationId))).toEqual(new Set([ids[0]]));
    }
  });

  it("parallel sends in one conversation get unique consecutive seqs, and the counters and last-message fields match the rows", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talent = await createTalentWithProfile(db);
    const conversationId = await startConversation(db, pro.actor, talent.id);
    const sends = Array.from({ length: 40 }, (_, index) => {
      const sender = index % 5 === 4 ? talent : pro;
      return sendMessage(db, sender.actor, {
        conversationId,
        body: `Message ${index} from ${sender.name}`,
        clientKey: `seq-${index}`,
      });
    });
    // The same key sent twice at once: one row, one answer.
    sends.push(sendMessage(db, pro.actor, { conversationId, body: "Message 0 again", clientKey: "seq-0" }));
    const answers = await Promise.all(sends);
    expect(answers.at(-1)!.id).toBe(answers[0]!.id);

    const rows = await db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq));
    expect(rows).toHaveLength(40);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    // Time never runs backwards along the seq: a later seq is never dated before an earlier one.
    for (let index = 1; index < rows.length; index += 1)
      expect(rows[index]!.createdAt.getTime()).toBeGreaterThanOrEqual(rows[index - 1]!.createdAt.getTime());

    const newest = rows.at(-1)!;
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(conversation).toMatchObject({
      lastSeq: 40,
      lastSenderId: newest.senderId,
      lastMessagePreview: newest.body.slice(0, 140),
    });
    expect(conversation!.lastMessageAt.getTime()).toBe(newest.createdAt.getTime());

    const participants = await db
      .select()
      .from(conversationParticipants)
      .where(eq(conversationParticipants.conversationId, conversationId));
    for (const participant of participants) {
      expect(participant.lastSeq).toBe(40);
      expect(participant.lastMessageAt.getTime()).toBe(newest.createdAt.getTime());
      // Sending reads the conversation up to one's own message: the pointer is one's newest own seq.
      const ownNewest = Math.max(0, ...rows.filter((row) => row.senderId === participant.userId).map((row) => row.seq));
      expect(participant.lastReadSeq).toBe(ownNewest);
    }
    const user = (who: CreatedUser) => participants.find((participant) => participant.userId === who.id)!;
    expect(await getUnreadTotal(db, pro.actor)).toBe(40 - user(pro).lastReadSeq);
    expect(await getUnreadTotal(db, talent.actor)).toBe(40 - user(talent).lastReadSeq);

    // One notification per message for its recipient, and every one in exactly one pending email per recipient.
    for (const [recipient, sender] of [
      [talent, pro],
      [pro, talent],
    ] as const) {
      const received = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, recipient.id), eq(notifications.type, "message.received")));
      expect(received).toHaveLength(rows.filter((row) => row.senderId === sender.id).length);
      const jobs = await db
        .select()
        .from(emailJobs)
        .where(and(eq(emailJobs.userId, recipient.id), eq(emailJobs.kind, "messages")));
      expect(jobs).toHaveLength(1);
      expect([...jobs[0]!.notificationIds].sort()).toEqual(received.map((row) => row.id).sort());
    }
  });

  it("parallel approve, decline, withdraw and expiry of one request: one terminal status, one response notification, details only if approved", async () => {
    const talent = await createTalentWithProfile(db, {
      profile: { contact: { phone: "+44 7700 900123", email: "race@talent.test" } },
    });
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS * 2; round += 1) {
      const pro = await createProfessional(db, { subscription: true });
      // Sent so that it expires a minute from now: the expiry pass below runs as if that minute had passed.
      const sentAt = new Date(Date.now() - 14 * DAY_MS + 60_000);
      const requestId = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, `Round ${round}`), sentAt);
      const results: PromiseSettledResult<unknown>[] = await Promise.allSettled([
        approveContactRequest(db, talent.actor, { requestId, sharedFields: ["phone"] }),
        declineContactRequest(db, talent.actor, { requestId, block: false }),
        expireContactRequests(db, new Date(Date.now() + 120_000)).then((done) => {
          if (done.expired === 0) throw Object.assign(new Error("nothing expired"), { code: "conflict" });
          return done;
        }),
        withdrawContactRequest(db, pro.actor, requestId),
        approveContactRequest(db, talent.actor, { requestId, sharedFields: ["email"] }),
      ]);
      const { fulfilled, rejected } = outcomes(results);
      expect(fulfilled).toHaveLength(1);
      for (const reason of rejected) expect(reason.code).toBe("conflict");

      const [request] = await db.select().from(contactRequests).where(eq(contactRequests.id, requestId));
      expect(request!.status).not.toBe("PENDING");
      seen.add(request!.status);
      const history = await db.select().from(contactRequestEvents).where(eq(contactRequestEvents.requestId, requestId));
      expect(history.map((event) => event.toStatus).sort()).toEqual(["PENDING", request!.status].sort());

      const responses = await db
        .select({ type: notifications.type })
        .from(notifications)
        .where(and(eq(notifications.userId, pro.id), sql`${notifications.type} like 'contact_request.%'`));
      const expected = {
        APPROVED: ["contact_request.approved"],
        DECLINED: ["contact_request.declined"],
        EXPIRED: ["contact_request.expired"],
        WITHDRAWN: [],
      }[request!.status as "APPROVED"];
      expect(responses.map((row) => row.type)).toEqual(expected);

      const view = await getRequestView(db, pro.actor, requestId);
      if (request!.status === "APPROVED") {
        expect(view?.revealed && Object.keys(view.revealed).length).toBe(1);
        expect(request!.sharedFields).toHaveLength(1);
      } else {
        expect(view?.revealed).toBeNull();
        expect(JSON.stringify(view)).not.toContain("7700 900123");
        expect(JSON.stringify(view)).not.toContain("race@talent.test");
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });

  it("with one request left of the monthly quota, exactly one of many parallel sends goes through", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talents = await Promise.all(Array.from({ length: 8 }, () => createTalentWithProfile(db)));
    const windows = quotaWindows(new Date());
    await db.insert(contactRequestCounters).values({ senderId: pro.id, window: windows.month, used: 29 });
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled(talents.map((each) => sendContactRequest(db, pro.actor, requestFor(each.profileId)))),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(7);
    for (const reason of rejected)
      expect(reason).toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/used all 30 contact requests of your plan this month/),
      });
    expect(await db.select().from(contactRequests).where(eq(contactRequests.senderId, pro.id))).toHaveLength(1);
    const counters = await db.select().from(contactRequestCounters).where(eq(contactRequestCounters.senderId, pro.id));
    expect(Object.fromEntries(counters.map((row) => [row.window, row.used]))).toEqual({
      [windows.month]: 30,
      [windows.day]: 1,
    });
  });

  it("with one request left of the daily cap, exactly one of many parallel sends goes through, and the monthly count is not charged for the refused", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talents = await Promise.all(Array.from({ length: 8 }, () => createTalentWithProfile(db)));
    const windows = quotaWindows(new Date());
    await db.insert(contactRequestCounters).values([
      { senderId: pro.id, window: windows.month, used: 19 },
      { senderId: pro.id, window: windows.day, used: 19 },
    ]);
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled(talents.map((each) => sendContactRequest(db, pro.actor, requestFor(each.profileId)))),
    );
    expect(fulfilled).toHaveLength(1);
    for (const reason of rejected)
      expect(reason).toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/at most 20 contact requests a day/),
      });
    const counters = await db.select().from(contactRequestCounters).where(eq(contactRequestCounters.senderId, pro.id));
    expect(Object.fromEntries(counters.map((row) => [row.window, row.used]))).toEqual({
      [windows.month]: 20,
      [windows.day]: 20,
    });
    expect(await db.select().from(contactRequests).where(eq(contactRequests.senderId, pro.id))).toHaveLength(1);
  });

  describe("Stripe webhooks delivered concurrently", () => {
    const secret = "whsec_races_secret";
    const prices: PriceMap = {
      PROFESSIONAL: { month: "price_pro_month", year: "price_pro_year" },
      COMPANY: { month: "price_company_month", year: "price_company_year" },
    };
    let sequence = 0;
    const deliver = (event: object) => {
      const payload = JSON.stringify(event);
      return handleStripeWebhook(db, {
        payload,
        signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }),
        secret,
        prices,
      });
    };
    const subscriptionEvent = (
      type: string,
      customer: string,
      userId: string,
      subscriptionId: string,
      created: number,
    ) => {
      sequence += 1;
      return {
        id: `evt_race_${sequence}_${Date.now()}`,
        object: "event",
        type,
        created,
        data: {
          object: {
            id: subscriptionId,
            object: "subscription",
            customer,
            status: "active",
            cancel_at_period_end: false,
            metadata: { userId },
            items: { data: [{ price: { id: "price_pro_month" }, current_period_end: created + 30 * 86_400 }] },
          },
        },
      };
    };
    const accountTrail = async (userId: string) => ({
      changes: await db.select().from(subscriptionChanges).where(eq(subscriptionChanges.userId, userId)),
      activated: await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, "subscription.activated"))),
      subscription: await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)),
    });

    it("the same event delivered six times at once is processed once: one subscription change, one notification", async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const pro = await createProfessional(db);
        const customer = `cus_dup_${pro.id.slice(0, 8)}`;
        await db.insert(billingCustomers).values({ userId: pro.id, provider: "stripe", customerId: customer });
        const event = subscriptionEvent(
          "customer.subscription.created",
          customer,
          pro.id,
          `sub_dup_${pro.id.slice(0, 8)}`,
          Math.floor(Date.now() / 1000),
        );
        const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(event)));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        expect(answers.map((answer) => answer.body.outcome).sort()).toEqual([
          "applied",
          "duplicate",
          "duplicate",
          "duplicate",
          "duplicate",
          "duplicate",
        ]);
        expect(await db.select().from(billingEvents).where(eq(billingEvents.id, event.id))).toHaveLength(1);
        const trail = await accountTrail(pro.id);
        expect(trail.changes).toHaveLength(1);
        expect(trail.activated).toHaveLength(1);
        expect(trail.subscription[0]?.status).toBe("active");
      }
    });

    it("two different events for a customer seen for the first time, at once: both apply to the account, which is told once", async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const pro = await createProfessional(db);
        // A customer not linked yet: the events name the account (as checkout's metadata does).
        const customer = `cus_new_${pro.id.slice(0, 8)}`;
        const subscriptionId = `sub_new_${pro.id.slice(0, 8)}`;
        const created = Math.floor(Date.now() / 1000);
        const answers = await Promise.all([
          deliver(subscriptionEvent("customer.subscription.created", customer, pro.id, subscriptionId, created)),
          deliver(subscriptionEvent("customer.subscription.updated", customer, pro.id, subscriptionId, created)),
        ]);
        expect(answers.map((answer) => answer.body.outcome)).toEqual(["applied", "applied"]);
        expect(await db.select().from(billingCustomers).where(eq(billingCustomers.customerId, customer))).toHaveLength(
          1,
        );
        const trail = await accountTrail(pro.id);
        expect(trail.subscription[0]).toMatchObject({ status: "active", subscriptionId });
        expect(trail.changes).toHaveLength(1);
        expect(trail.activated).toHaveLength(1);
      }
    });
  });

  it("parallel creation of collections at the limit leaves exactly the limit", async () => {
    const pro = await createProfessional(db, { subscription: true });
    await db
      .insert(collections)
      .values(
        Array.from({ length: MAX_COLLECTIONS - 1 }, (_, index) => ({ ownerId: pro.id, name: `Shortlist ${index}` })),
      );
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled(
        Array.from({ length: 6 }, (_, index) =>
          createCollection(db, pro.actor, { name: `Last one ${index}`, description: "" }),
        ),
      ),
    );
    expect(fulfilled).toHaveLength(1);
    for (const reason of rejected)
      expect(reason).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(new RegExp(`up to ${MAX_COLLECTIONS} collections`)),
      });
    const owned = await db.select({ id: collections.id }).from(collections).where(eq(collections.ownerId, pro.id));
    expect(owned).toHaveLength(MAX_COLLECTIONS);
    expect(await db.select().from(collections).where(inArray(collections.id, fulfilled))).toHaveLength(1);
  });

  it("parallel additions and moves at a collection's size limit: never past it, and every position distinct", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const users = await createUsers(
      db,
      Array.from({ length: MAX_COLLECTION_SIZE + 4 }, (_, index) => ({
        role: "TALENT" as const,
        name: `Shortlisted ${index}`,
      })),
    );
    const profiles = await db
      .insert(talentProfiles)
      .values(
        users.map((user) => ({
          userId: user.id,
          displayName: user.name,
          headline: "Actor",
          city: "Leeds",
          country: "GB",
          categories: ["actor"],
          playingAgeMin: 20,
          playingAgeMax: 30,
          languages: ["English"],
          skills: [],
          skillsText: "",
          publishedAt: new Date(),
        })),
      )
      .returning({ id: talentProfiles.id });
    const ids = profiles.map((profile) => profile.id);
    const first = await addTalents(
      db,
      pro.actor,
      addTalentsInput.parse({ newName: "At the limit", profileIds: ids.slice(0, MAX_COLLECTION_SIZE - 2) }),
    );
    expect(first.added).toBe(MAX_COLLECTION_SIZE - 2);

    const collectionId = first.collectionId;
    const results: PromiseSettledResult<unknown>[] = await Promise.allSettled([
      ...ids
        .slice(MAX_COLLECTION_SIZE - 2)
        .map((profileId) =>
          addTalents(db, pro.actor, addTalentsInput.parse({ collectionId, profileIds: [profileId] })),
        ),
      ...ids
        .slice(0, 4)
        .map((profileId, index) =>
          moveTalent(db, pro.actor, { collectionId, profileId, direction: index % 2 === 0 ? "down" : "up" }),
        ),
    ]);
    const adds = outcomes(results.slice(0, 6));
    expect(adds.fulfilled).toHaveLength(2);
    for (const reason of adds.rejected)
      expect(reason).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(new RegExp(`holds up to ${MAX_COLLECTION_SIZE} talents`)),
      });
    expect(outcomes(results.slice(6)).rejected).toEqual([]);

    const stored = await db
      .select({ position: collectionItems.position })
      .from(collectionItems)
      .where(eq(collectionItems.collectionId, collectionId));
    expect(stored).toHaveLength(MAX_COLLECTION_SIZE);
    expect(new Set(stored.map((row) => row.position)).size).toBe(MAX_COLLECTION_SIZE);
  });
});
