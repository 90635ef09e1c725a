import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contactRequests } from "@/db/schema/contact-requests";
import { notifications } from "@/db/schema/notifications";
import { createProfessional, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { countUnreadNotifications, listNotifications } from "@/modules/notifications/queries";
import { contactRequestInput } from "./inputs";
import { expireContactRequests } from "./internal";
import { approveContactRequest, declineContactRequest, sendContactRequest, withdrawContactRequest } from "./mutations";
import { getRequestView } from "./queries";

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

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

const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** The talent's notifications of one request, as the notification page shows them. */
async function notificationsOf(db: Db, talent: Talent, requestId: string) {
  const { items } = await listNotifications(db, talent.actor, { limit: 100 });
  return items.filter((item) => item.link === `/contact-requests/${requestId}`);
}

describe("the talent's notification of a request follows the request", () => {
  let db: Db;
  let talent: Talent;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    talent = await createTalentWithProfile(db, { user: { name: "Taylor Brooks" } });
  });

  async function pendingPair(title: string) {
    const pro = await createProfessional(db, { subscription: true, name: `Sam ${title}` });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId, title));
    const [pending] = await notificationsOf(db, talent, id);
    expect(pending).toMatchObject({ isRead: false, body: `For "${title}". Approve or decline.` });
    return { pro, id };
  }

  it("marks it done and says so when the talent approves, leaving another request's notification unread", async () => {
    const { pro, id } = await pendingPair("Approved Film");
    const other = await pendingPair("Other Film");
    const unreadBefore = await countUnreadNotifications(db, talent.actor);

    await approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["phone"] });

    const [done] = await notificationsOf(db, talent, id);
    expect(done).toMatchObject({
      isRead: true,
      title: `You approved ${pro.name}'s request on ${today.format(new Date())}`,
    });
    expect(done!.body).not.toMatch(/Approve or decline/);
    const [untouched] = await notificationsOf(db, talent, other.id);
    expect(untouched).toMatchObject({ isRead: false, body: `For "Other Film". Approve or decline.` });
    expect(await countUnreadNotifications(db, talent.actor)).toBe(unreadBefore - 1);
  });

  it("says the talent declined", async () => {
    const { pro, id } = await pendingPair("Declined Film");
    await declineContactRequest(db, talent.actor, { requestId: id, block: false });
    expect(await notificationsOf(db, talent, id)).toEqual([
      expect.objectContaining({
        isRead: true,
        title: `You declined ${pro.name}'s request on ${today.format(new Date())}`,
      }),
    ]);
  });

  it("says the sender withdrew their request", async () => {
    const { pro, id } = await pendingPair("Withdrawn Film");
    await withdrawContactRequest(db, pro.actor, id);
    expect(await notificationsOf(db, talent, id)).toEqual([
      expect.objectContaining({ isRead: true, title: `${pro.name} withdrew their request` }),
    ]);
  });

  it("says the request expired, on the request notification and its reminder both", async () => {
    const { id } = await pendingPair("Expired Film");
    const [row] = await db
      .select({ expiresAt: contactRequests.expiresAt })
      .from(contactRequests)
      .where(eq(contactRequests.id, id));
    await expireContactRequests(db, new Date(row!.expiresAt.getTime() - 24 * 3_600_000));
    expect(await notificationsOf(db, talent, id)).toHaveLength(2);
    await expireContactRequests(db, new Date(row!.expiresAt.getTime() + 1000));
    const resolved = await notificationsOf(db, talent, id);
    expect(resolved).toHaveLength(2);
    for (const item of resolved) {
      expect(item).toMatchObject({ isRead: true, title: "This request expired" });
      expect(item.body).toMatch(/"Expired Film" expired on /);
    }
  });

  it("keeps a notification the talent had already read as read, with the outcome", async () => {
    const { id } = await pendingPair("Read Film");
    const readAt = new Date(Date.now() - 3_600_000);
    await db
      .update(notifications)
      .set({ readAt })
      .where(and(eq(notifications.userId, talent.id), sql`${notifications.payload}->>'requestId' = ${id}`));
    await declineContactRequest(db, talent.actor, { requestId: id, block: false });
    const [row] = await db
      .select({ readAt: notifications.readAt, payload: notifications.payload })
      .from(notifications)
      .where(and(eq(notifications.userId, talent.id), sql`${notifications.payload}->>'requestId' = ${id}`));
    expect(row!.readAt?.getTime()).toBe(readAt.getTime());
    expect(row!.payload).toMatchObject({ outcome: { status: "declined" } });
  });

  it("leaves one consistent outcome when the talent approves while the sender withdraws", async () => {
    for (let round = 0; round < 3; round++) {
      const { pro, id } = await pendingPair(`Race ${round}`);
      const results = await Promise.allSettled([
        approveContactRequest(db, talent.actor, { requestId: id, sharedFields: ["email"] }),
        withdrawContactRequest(db, pro.actor, id),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const status = (await getRequestView(db, pro.actor, id))!.status;
      const [item] = await notificationsOf(db, talent, id);
      expect(item!.isRead).toBe(true);
      expect(item!.title).toBe(
        status === "APPROVED"
          ? `You approved ${pro.name}'s request on ${today.format(new Date())}`
          : `${pro.name} withdrew their request`,
      );
      const [stored] = await db
        .select({ payload: notifications.payload })
        .from(notifications)
        .where(and(eq(notifications.userId, talent.id), sql`${notifications.payload}->>'requestId' = ${id}`));
      expect(stored!.payload).toMatchObject({ outcome: { status: status.toLowerCase() } });
    }
  });
});
