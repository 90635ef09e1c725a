import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contactRequestEvents, contactRequests, contactRevealViews } from "@/db/schema/contact-requests";
import { notifications } from "@/db/schema/notifications";
import { createAdmin, createProfessional, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { contactRequestInput } from "./inputs";
import {
  approveContactRequest,
  declineContactRequest,
  recordRevealView,
  revokeApproval,
  sendContactRequest,
  withdrawContactRequest,
} from "./mutations";
import { expireContactRequests } from "./internal";
import {
  getRemainingQuota,
  getRequestView,
  getSenderStats,
  getSharedContactForProfile,
  listRequests,
  listRevealViews,
  listSenderOversight,
} from "./queries";

const PHONE = "+44 7700 900555";
const AGENT_EMAIL = "agent.secret@agency.example.com";

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

const requestFor = (profileId: string, title = "The Long Night") =>
  contactRequestInput.parse({
    profileId,
    projectTitle: title,
    role: "Lead",
    productionType: "film",
    description: "A feature film shooting in Bristol over six weeks next spring.",
    isPaid: "paid",
    rate: "$600 a day",
  });

async function revealViewCount(db: Db, requestId: string) {
  return (await db.select().from(contactRevealViews).where(eq(contactRevealViews.requestId, requestId))).length;
}

async function notificationTypes(db: Db, userId: string) {
  return (await db.select({ type: notifications.type }).from(notifications).where(eq(notifications.userId, userId)))
    .map((row) => row.type)
    .sort();
}

describe("contact requests", () => {
  let db: Db;
  let talent: Talent;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    talent = await createTalentWithProfile(db, {
      user: { name: "Taylor Brooks" },
      profile: { contact: { phone: PHONE, agentName: "Pat Agent", agentEmail: AGENT_EMAIL } },
    });
  });

  it("runs send and approve with the chosen fields; only those are revealed, and each view is logged", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId));
    const before = await getRequestView(db, pro.actor, id);
    expect(before?.status).toBe("PENDING");
    expect(before?.revealed).toBeNull();
    expect(JSON.stringify(before)).not.toContain(PHONE);
    expect(await notificationTypes(db, talent.id)).toContain("contact_request.received");

    await approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["agent"] });
    const after = await getRequestView(db, pro.actor, id);
    expect(after?.revealed).toEqual({ agentName: "Pat Agent", agency: "", agentPhone: "", agentEmail: AGENT_EMAIL });
    expect(JSON.stringify(after)).not.toContain(PHONE);
    expect(await notificationTypes(db, pro.id)).toEqual(["contact_request.approved"]);

    const events = await db.select().from(contactRequestEvents).where(eq(contactRequestEvents.requestId, id));
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      [null, "PENDING"],
      ["PENDING", "APPROVED"],
    ]);

    expect(await revealViewCount(db, id)).toBe(0);
    expect(await recordRevealView(db, pro.actor, id)).toBe(true);
    expect(await listRevealViews(db, talent.actor, id)).toHaveLength(1);

    const stranger = await createProfessional(db, { subscription: true });
    expect(await getRequestView(db, stranger.actor, id)).toBeNull();
    expect(await recordRevealView(db, stranger.actor, id)).toBe(false);
    expect(await recordRevealView(db, talent.actor, id)).toBe(false);
    expect(await recordRevealView(db, pro.actor, "not-a-uuid")).toBe(false);
    expect(await revealViewCount(db, id)).toBe(1);

    await revokeApproval(db, talent.actor, id);
    const revoked = await getRequestView(db, pro.actor, id);
    expect(revoked?.revealed).toBeNull();
    expect(revoked?.isRevoked).toBe(true);
    expect(await recordRevealView(db, pro.actor, id)).toBe(false);
    expect(await revealViewCount(db, id)).toBe(1);
  });

  it("reads a request without writing: a view is recorded only by recordRevealView, and only on a reveal", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, "Pure read"));
    expect(await recordRevealView(db, pro.actor, id)).toBe(false);
    await approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["phone"] });
    for (let index = 0; index < 3; index += 1)
      expect((await getRequestView(db, pro.actor, id))?.revealed).toEqual({ phone: PHONE });
    expect(await getRequestView(db, talent.actor, id)).not.toBeNull();
    expect(await getSharedContactForProfile(db, pro.actor, talent.profileId)).toEqual({
      requestId: id,
      details: { phone: PHONE },
    });
    expect(await revealViewCount(db, id)).toBe(0);
    expect(await recordRevealView(db, pro.actor, id)).toBe(true);
    expect(await recordRevealView(db, pro.actor, id)).toBe(true);
    expect(await listRevealViews(db, talent.actor, id)).toHaveLength(2);
  });

  it("gives the new-request page the month's and the day's remaining quota", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const before = await getRemainingQuota(db, pro.actor);
    await sendContactRequest(db, pro.actor, requestFor(talent.profileId, "Quota"));
    expect(await getRemainingQuota(db, pro.actor)).toEqual({ month: before!.month - 1, day: before!.day - 1 });
  });

  it("gives exactly one winner to concurrent approve and decline, with one notification", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, "Race"));
    const results = await Promise.allSettled([
      approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["phone"] }),
      declineContactRequest(db, talent.actor, { requestId: id, block: false }),
      approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["email"] }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((item): item is PromiseRejectedResult => item.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/no longer pending/) });
    }
    const answers = (await notificationTypes(db, pro.id)).filter((type) => type !== "contact_request.received");
    expect(answers).toHaveLength(1);
  });

  it("keeps one pending request per sender and talent, even when sent twice at once", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const results = await Promise.allSettled([
      sendContactRequest(db, pro.actor, requestFor(talent.profileId)),
      sendContactRequest(db, pro.actor, requestFor(talent.profileId)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const pending = await db.select().from(contactRequests).where(eq(contactRequests.senderId, pro.id));
    expect(pending).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused?.reason.message).toMatch(/already have a pending request/);
  });

  it("never lets concurrent sends go over the monthly quota", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const talents = await Promise.all(Array.from({ length: 35 }, () => createTalentWithProfile(db)));
    const results = await Promise.allSettled(
      talents.map((each) => sendContactRequest(db, pro.actor, requestFor(each.profileId))),
    );
    const sent = results.filter((result) => result.status === "fulfilled").length;
    // The daily cap (20) binds before the monthly quota (30) here; the point is that no limit is ever exceeded.
    expect(sent).toBe(20);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused?.reason.message).toMatch(/at most 20 contact requests a day/);
    expect(await db.select().from(contactRequests).where(eq(contactRequests.senderId, pro.id))).toHaveLength(20);
  });

  it("waits out the cooldown after a decline, and a decline can block the sender", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const first = await sendContactRequest(db, pro.actor, requestFor(talent.profileId));
    await declineContactRequest(db, talent.actor, { requestId: first, reason: "unavailable", block: false });
    await expect(sendContactRequest(db, pro.actor, requestFor(talent.profileId))).rejects.toThrow(
      /declined your last request. You can ask again from/,
    );

    const other = await createProfessional(db, { subscription: true });
    const second = await sendContactRequest(db, other.actor, requestFor(talent.profileId));
    await declineContactRequest(db, talent.actor, { requestId: second, block: true });
    await db
      .update(contactRequests)
      .set({ respondedAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(eq(contactRequests.id, second));
    await expect(sendContactRequest(db, other.actor, requestFor(talent.profileId))).rejects.toThrow(
      "This talent is not accepting contact requests from you.",
    );
  });

  it("lets the sender withdraw, and answers 'no longer pending' afterwards", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId));
    await expect(withdrawContactRequest(db, talent.actor, id)).rejects.toMatchObject({ code: "not_found" });
    await withdrawContactRequest(db, pro.actor, id);
    await expect(
      approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["phone"] }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getRequestView(db, pro.actor, id))?.revealed).toBeNull();
  });

  it("reminds the talent 48 hours before expiry, then expires the request and tells the sender; approving after that is refused", async () => {
    const admin = await createAdmin(db);
    const id = await sendContactRequest(db, admin.actor, requestFor(talent.profileId, "Expiring"));
    const [row] = await db
      .select({ expiresAt: contactRequests.expiresAt })
      .from(contactRequests)
      .where(eq(contactRequests.id, id));
    const soon = new Date(row!.expiresAt.getTime() - 24 * 3_600_000);
    // Other tests' requests are pending too; what matters is this one, and that a reminder goes once.
    expect((await expireContactRequests(db, soon)).reminded).toBeGreaterThanOrEqual(1);
    expect(await expireContactRequests(db, soon)).toEqual({ reminded: 0, expired: 0 });
    expect(await notificationTypes(db, talent.id)).toContain("contact_request.expiring_soon");
    expect((await expireContactRequests(db, new Date(row!.expiresAt.getTime() + 1000))).expired).toBeGreaterThanOrEqual(
      1,
    );
    expect((await getRequestView(db, admin.actor, id))?.status).toBe("EXPIRED");
    expect(await notificationTypes(db, admin.id)).toContain("contact_request.expired");
    await expect(
      approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["phone"] }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lists sent and received requests with their status, for their own side only", async () => {
    const pro = await createProfessional(db, { subscription: true, name: "Lister Pro" });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, "Listed"));
    const sent = await listRequests(db, pro.actor, "sent");
    expect(sent.items).toEqual([expect.objectContaining({ id, status: "PENDING", otherName: "Taylor Brooks" })]);
    const received = await listRequests(db, talent.actor, "received", { status: "PENDING" });
    expect(received.items.map((item) => item.id)).toContain(id);
  });

  it("searches a history by project title or the other person's name, and by date", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const other = await createTalentWithProfile(db, { user: { name: "Quincy Searchable" } });
    await sendContactRequest(db, pro.actor, requestFor(other.profileId, "Moonlit Harbour"));
    await sendContactRequest(db, pro.actor, requestFor(talent.profileId, "Other Project"));
    expect(
      (await listRequests(db, pro.actor, "sent", { q: "moonlit" })).items.map((item) => item.projectTitle),
    ).toEqual(["Moonlit Harbour"]);
    expect((await listRequests(db, pro.actor, "sent", { q: "quincy" })).items.map((item) => item.projectTitle)).toEqual(
      ["Moonlit Harbour"],
    );
    expect((await listRequests(db, pro.actor, "sent", { from: "2000-01-01", to: "2000-01-02" })).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listRequests(db, pro.actor, "sent", { from: today, to: today })).items).toHaveLength(2);
  });

  it("gives admins per-sender statistics and flags senders with low acceptance over a minimum volume", async () => {
    const admin = await createAdmin(db);
    const spammer = await createProfessional(db, { name: "Spammy Sender", subscription: true });
    const talents = await Promise.all(Array.from({ length: 11 }, () => createTalentWithProfile(db)));
    for (const [index, each] of talents.entries()) {
      const id = await sendContactRequest(
        db,
        spammer.actor,
        requestFor(each.profileId),
        new Date(Date.now() - index * 3_600_000),
      );
      await declineContactRequest(db, each.actor, { requestId: id, block: index === 0 });
    }
    const flagged = await listSenderOversight(db, admin.actor, { flaggedOnly: true });
    expect(flagged.find((row) => row.senderId === spammer.id)).toMatchObject({
      sent: 11,
      declined: 11,
      acceptanceRate: 0,
      blocks: 1,
      isFlagged: true,
    });
    await expect(listSenderOversight(db, spammer.actor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows a sender's track record to the talents it asked and to admins, and to nobody else", async () => {
    const admin = await createAdmin(db);
    const sender = await createProfessional(db, { subscription: true });
    const asked = await createTalentWithProfile(db);
    const other = await createTalentWithProfile(db);
    const id = await sendContactRequest(db, sender.actor, requestFor(asked.profileId));
    await approveContactRequest(db, asked.actor, { requestId: id, sharedFields: ["email"] });
    const record = { sent: 1, approved: 1, declined: 0, answered: 1, acceptanceRate: 1 };
    expect(await getSenderStats(db, asked.actor, sender.id)).toEqual(record);
    expect(await getSenderStats(db, admin.actor, sender.id)).toEqual(record);
    for (const reader of [other.actor, sender.actor, (await createProfessional(db, { subscription: true })).actor]) {
      await expect(getSenderStats(db, reader, sender.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(getSenderStats(db, asked.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});
