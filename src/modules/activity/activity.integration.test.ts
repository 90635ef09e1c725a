import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { activityDaily, activityRolledDays, activitySenderTotals } from "@/db/schema/activity";
import { subscriptions } from "@/db/schema/billing";
import { collectionItems, collections } from "@/db/schema/collections";
import { contactRequestCounters, contactRequestEvents, contactRequests } from "@/db/schema/contact-requests";
import { conversationParticipants, conversations, messages } from "@/db/schema/messaging";
import { talentProfileViews } from "@/db/schema/talents";
import {
  createAdmin,
  createCompany,
  createProfessional,
  createSubscription,
  createTalent,
  createTalentWithProfile,
} from "@/db/seed/factories";
import { isAppError, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/modules/access/types";
import { freshDatabase } from "@/test/database";
import { measureDays, type MetricRow } from "./metrics";
import {
  adminDashboardCsv,
  getAdminDashboard,
  getProfessionalDashboard,
  getTalentDashboard,
  SLOWEST_MIN_ANSWERED,
} from "./queries";
import { lastClosedDay, rollupActivity } from "./rollup";

type Person = { id: string; name: string; actor: Actor };
type Talent = Person & { profileId: string };
type Status = "PENDING" | "APPROVED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";

const at = (iso: string) => new Date(iso);

/** Awaits a promise that must fail with an AppError of this code. */
async function expectAppError(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isAppError(error), `expected an AppError "${code}", got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

/**
 * A contact request as the app leaves it: the row with its status and answer
 * time, and its events (created, then the move out of PENDING when there is one).
 */
async function insertRequest(
  db: Db,
  input: { sender: Person; talent: Talent; title: string; createdAt: string; status: Status; respondedAt?: string },
) {
  const createdAt = at(input.createdAt);
  const respondedAt = input.respondedAt ? at(input.respondedAt) : null;
  const [row] = await db
    .insert(contactRequests)
    .values({
      senderId: input.sender.id,
      talentUserId: input.talent.id,
      talentProfileId: input.talent.profileId,
      projectTitle: input.title,
      role: "Lead",
      productionType: "film",
      description: `${input.title} is casting now.`,
      isPaid: true,
      rate: "$500 a day",
      status: input.status,
      declineReason: input.status === "DECLINED" ? "unavailable" : null,
      sharedFields: input.status === "APPROVED" ? ["email"] : [],
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 14 * 86_400_000),
      respondedAt,
    })
    .returning({ id: contactRequests.id });
  const events: (typeof contactRequestEvents.$inferInsert)[] = [
    { requestId: row!.id, actorId: input.sender.id, fromStatus: null, toStatus: "PENDING", at: createdAt },
  ];
  if (input.status !== "PENDING") {
    const actorId =
      input.status === "WITHDRAWN" ? input.sender.id : input.status === "EXPIRED" ? null : input.talent.id;
    events.push({ requestId: row!.id, actorId, fromStatus: "PENDING", toStatus: input.status, at: respondedAt! });
  }
  await db.insert(contactRequestEvents).values(events);
  return row!.id;
}

/** A conversation between two people with its messages, read to the end by both (as src/db/seed/demo-activity.ts writes them). */
async function insertConversation(db: Db, a: Person, b: Person, lines: [Person, string][]) {
  const [lo, hi] = [a.id, b.id].sort();
  const rows = lines.map(([sender, time], index) => ({
    seq: index + 1,
    senderId: sender.id,
    body: `Message ${index + 1} from ${sender.name}`,
    createdAt: at(time),
  }));
  const last = rows.at(-1)!;
  const [conversation] = await db
    .insert(conversations)
    .values({
      userLo: lo,
      userHi: hi,
      startedBy: rows[0]!.senderId,
      lastSeq: rows.length,
      lastMessageAt: last.createdAt,
      lastMessagePreview: last.body,
      lastSenderId: last.senderId,
      createdAt: rows[0]!.createdAt,
    })
    .returning({ id: conversations.id });
  await db.insert(conversationParticipants).values(
    [a.id, b.id].map((userId) => ({
      conversationId: conversation!.id,
      userId,
      lastSeq: rows.length,
      lastMessageAt: last.createdAt,
      lastReadSeq: rows.length,
    })),
  );
  await db.insert(messages).values(rows.map((row) => ({ ...row, conversationId: conversation!.id })));
}

const byKey = (row: MetricRow) => `${row.metric}|${row.day}|${row.subject}`;
const sorted = (rows: MetricRow[]) => [...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));

/** Platform rows ("" subject) from a compact table: metric -> { day: value }. */
function platformRows(table: Record<string, Record<string, number>>): MetricRow[] {
  return Object.entries(table).flatMap(([metric, days]) =>
    Object.entries(days).map(([day, value]) => ({ metric, day, subject: "", value }) as MetricRow),
  );
}

/**
 * Runs `read` while the database session's time zone is America/New_York.
 * PGlite has one connection: the zone is set on it and set back to UTC after.
 * On PostgreSQL the pool has several, so the zone is set for one transaction
 * and `read` runs inside it.
 */
async function inNewYork<T>(handle: DatabaseHandle, read: (db: Db) => Promise<T>): Promise<T> {
  const check = async (db: Db) => {
    const result = await db.execute(sql`select current_setting('TimeZone') as zone`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { zone: string }[] }).rows) as { zone: string }[];
    expect(rows[0]?.zone).toBe("America/New_York");
    // The zone matters here: midnight UTC on 03-03 is still 03-02 in the session's own time.
    const local = await db.execute(sql`select to_char(timestamptz '2026-03-03 00:00:00+00', 'YYYY-MM-DD') as day`);
    expect(((Array.isArray(local) ? local : (local as { rows: unknown[] }).rows) as { day: string }[])[0]?.day).toBe(
      "2026-03-02",
    );
  };
  if (handle.kind === "pglite") {
    await handle.db.execute(sql`set time zone 'America/New_York'`);
    try {
      await check(handle.db);
      return await read(handle.db);
    } finally {
      await handle.db.execute(sql`set time zone 'UTC'`);
    }
  }
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'America/New_York'`);
    await check(tx);
    return read(tx);
  });
}

/** The same, always inside a transaction with SET LOCAL (on both PGlite and PostgreSQL). */
async function inNewYorkTransaction<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'America/New_York'`);
    return read(tx);
  });
}

/*
 * The platform data set, 2026-02-27 .. 2026-03-11 (2026-03-01 is a Sunday).
 *
 * Sign-ups: admin 02-27 09:00 (not counted); Avery (PRO) 03-01 10:00; talent Taylor
 * 03-01 23:59:59.999; talent Morgan 03-02 00:00:00.000; talent Robin 03-02 12:00;
 * Blake (PRO) 03-02 08:00; Northlight (COMPANY) 03-03 15:00.
 *
 * Subscription history (active or trialing counts, at the end of each day):
 *   Avery PROFESSIONAL yearly active from 03-01 12:00       -> round(49000 / 12) = 4083 cents
 *   Blake PROFESSIONAL monthly trialing from 03-02 23:59:59.999, active 03-04 12:00,
 *         past_due 03-07 06:00                                -> 4900 cents while counted
 *   Northlight COMPANY monthly active 03-03 16:00, canceled 03-05 00:00:00.000 -> 19900 cents
 *   end of 03-01: 1 / 4083; 03-02: 2 / 8983; 03-03, 03-04: 3 / 28883; 03-05, 03-06: 2 / 8983;
 *   from 03-07 on: 1 / 4083.
 *
 * Messages: 03-02 10:00, 03-02 23:59:59.999, 03-03 00:00:00.000, 03-04 08:00 (Avery-Taylor);
 * 03-04 09:00, 03-04 10:00 (Northlight-Morgan); 03-11 09:00 (Robin to Northlight).
 *
 * Requests (sender -> talent, created, status at responded; answer seconds for APPROVED/DECLINED):
 *   r1  Avery -> Taylor  03-02 10:00           APPROVED  03-02 12:00           7200
 *   r2  Avery -> Morgan  03-02 11:00           DECLINED  03-03 11:00          86400
 *   r3  Avery -> Robin   03-03 09:00           APPROVED  03-03 10:00           3600
 *   r4  Avery -> Taylor  03-02 23:59:59.999    WITHDRAWN 03-03 00:00:00.000
 *   r5  Avery -> Morgan  03-04 00:00:00.000    EXPIRED   03-04 23:59:59.999
 *   r6  Blake -> Taylor  03-03 08:00           DECLINED  03-04 08:00          86400
 *   r7  Blake -> Morgan  03-03 09:00           APPROVED  03-05 09:00         172800
 *   r8  Blake -> Robin   03-03 10:00           APPROVED  03-03 22:00          43200
 *   r9  Blake -> Taylor  03-05 10:00           PENDING
 *   r10 North -> Robin   03-04 10:00           APPROVED  03-04 10:30           1800
 *   r11 North -> Morgan  03-05 12:00           DECLINED  03-06 12:00          86400
 *   r12 North -> Taylor  03-10 09:00           PENDING
 *
 * Profile views: Taylor 03-01: 5, 03-02: 3; Morgan 03-02: 4, 03-04: 1, 03-08: 2.
 */
describe("platform activity: daily metrics, admin dashboard, CSV and rollups", () => {
  let db: Db;
  let handle: DatabaseHandle;
  let admin: Person;
  let avery: Person;
  let blake: Person;
  let northlight: Person;
  let taylor: Talent;
  let morgan: Talent;
  let robin: Talent;

  beforeAll(async () => {
    ({ db, handle } = await freshDatabase());
    admin = await createAdmin(db, {
      name: "Ada Admin",
      email: "ada@admin.example.test",
      createdAt: at("2026-02-27T09:00:00Z"),
    });
    avery = await createProfessional(db, {
      name: "Avery Stone",
      email: "avery@pro.example.test",
      createdAt: at("2026-03-01T10:00:00Z"),
    });
    taylor = await createTalentWithProfile(db, {
      user: { name: "Taylor Brooks", createdAt: at("2026-03-01T23:59:59.999Z") },
    });
    morgan = await createTalentWithProfile(db, {
      user: { name: "Morgan Lee", createdAt: at("2026-03-02T00:00:00.000Z") },
    });
    robin = await createTalentWithProfile(db, { user: { name: "Robin Hale", createdAt: at("2026-03-02T12:00:00Z") } });
    blake = await createProfessional(db, {
      name: "Blake Rivers",
      email: "blake@pro.example.test",
      createdAt: at("2026-03-02T08:00:00Z"),
    });
    northlight = await createCompany(db, {
      name: "Northlight Pictures",
      email: "hello@northlight.example.test",
      createdAt: at("2026-03-03T15:00:00Z"),
    });

    const periodEnd = at("2027-03-01T00:00:00Z");
    await createSubscription(
      db,
      { id: avery.id, role: "PROFESSIONAL" },
      { interval: "year", stateAt: at("2026-03-01T12:00:00Z"), currentPeriodEnd: periodEnd },
    );
    await createSubscription(
      db,
      { id: blake.id, role: "PROFESSIONAL" },
      { status: "trialing", interval: "month", stateAt: at("2026-03-02T23:59:59.999Z"), currentPeriodEnd: periodEnd },
    );
    await db
      .update(subscriptions)
      .set({ status: "active", stateAt: at("2026-03-04T12:00:00Z") })
      .where(eq(subscriptions.userId, blake.id));
    await db
      .update(subscriptions)
      .set({ status: "past_due", stateAt: at("2026-03-07T06:00:00Z") })
      .where(eq(subscriptions.userId, blake.id));
    await createSubscription(
      db,
      { id: northlight.id, role: "COMPANY" },
      { interval: "month", stateAt: at("2026-03-03T16:00:00Z"), currentPeriodEnd: periodEnd },
    );
    await db
      .update(subscriptions)
      .set({ status: "canceled", stateAt: at("2026-03-05T00:00:00.000Z") })
      .where(eq(subscriptions.userId, northlight.id));

    await insertConversation(db, avery, taylor, [
      [avery, "2026-03-02T10:00:00Z"],
      [taylor, "2026-03-02T23:59:59.999Z"],
      [avery, "2026-03-03T00:00:00.000Z"],
      [taylor, "2026-03-04T08:00:00Z"],
    ]);
    await insertConversation(db, northlight, morgan, [
      [northlight, "2026-03-04T09:00:00Z"],
      [morgan, "2026-03-04T10:00:00Z"],
    ]);
    await insertConversation(db, northlight, robin, [[robin, "2026-03-11T09:00:00Z"]]);

    await insertRequest(db, {
      sender: avery,
      talent: taylor,
      title: "r1",
      createdAt: "2026-03-02T10:00:00Z",
      status: "APPROVED",
      respondedAt: "2026-03-02T12:00:00Z",
    });
    await insertRequest(db, {
      sender: avery,
      talent: morgan,
      title: "r2",
      createdAt: "2026-03-02T11:00:00Z",
      status: "DECLINED",
      respondedAt: "2026-03-03T11:00:00Z",
    });
    await insertRequest(db, {
      sender: avery,
      talent: robin,
      title: "r3",
      createdAt: "2026-03-03T09:00:00Z",
      status: "APPROVED",
      respondedAt: "2026-03-03T10:00:00Z",
    });
    await insertRequest(db, {
      sender: avery,
      talent: taylor,
      title: "r4",
      createdAt: "2026-03-02T23:59:59.999Z",
      status: "WITHDRAWN",
      respondedAt: "2026-03-03T00:00:00.000Z",
    });
    await insertRequest(db, {
      sender: avery,
      talent: morgan,
      title: "r5",
      createdAt: "2026-03-04T00:00:00.000Z",
      status: "EXPIRED",
      respondedAt: "2026-03-04T23:59:59.999Z",
    });
    await insertRequest(db, {
      sender: blake,
      talent: taylor,
      title: "r6",
      createdAt: "2026-03-03T08:00:00Z",
      status: "DECLINED",
      respondedAt: "2026-03-04T08:00:00Z",
    });
    await insertRequest(db, {
      sender: blake,
      talent: morgan,
      title: "r7",
      createdAt: "2026-03-03T09:00:00Z",
      status: "APPROVED",
      respondedAt: "2026-03-05T09:00:00Z",
    });
    await insertRequest(db, {
      sender: blake,
      talent: robin,
      title: "r8",
      createdAt: "2026-03-03T10:00:00Z",
      status: "APPROVED",
      respondedAt: "2026-03-03T22:00:00Z",
    });
    await insertRequest(db, {
      sender: blake,
      talent: taylor,
      title: "r9",
      createdAt: "2026-03-05T10:00:00Z",
      status: "PENDING",
    });
    await insertRequest(db, {
      sender: northlight,
      talent: robin,
      title: "r10",
      createdAt: "2026-03-04T10:00:00Z",
      status: "APPROVED",
      respondedAt: "2026-03-04T10:30:00Z",
    });
    await insertRequest(db, {
      sender: northlight,
      talent: morgan,
      title: "r11",
      createdAt: "2026-03-05T12:00:00Z",
      status: "DECLINED",
      respondedAt: "2026-03-06T12:00:00Z",
    });
    await insertRequest(db, {
      sender: northlight,
      talent: taylor,
      title: "r12",
      createdAt: "2026-03-10T09:00:00Z",
      status: "PENDING",
    });

    await db.insert(talentProfileViews).values([
      { profileId: taylor.profileId, day: "2026-03-01", views: 5 },
      { profileId: taylor.profileId, day: "2026-03-02", views: 3 },
      { profileId: morgan.profileId, day: "2026-03-02", views: 4 },
      { profileId: morgan.profileId, day: "2026-03-04", views: 1 },
      { profileId: morgan.profileId, day: "2026-03-08", views: 2 },
    ]);
  });

  /** Every row measureDays must give for 2026-03-01 .. 2026-03-06, computed by hand from the data set above. */
  const expectedWeek = (): MetricRow[] => [
    ...platformRows({
      "signups.TALENT": { "2026-03-01": 1, "2026-03-02": 2 },
      "signups.PROFESSIONAL": { "2026-03-01": 1, "2026-03-02": 1 },
      "signups.COMPANY": { "2026-03-03": 1 },
      messages: { "2026-03-02": 2, "2026-03-03": 1, "2026-03-04": 3 },
      "requests.sent": { "2026-03-02": 3, "2026-03-03": 4, "2026-03-04": 2, "2026-03-05": 2 },
      "requests.approved": { "2026-03-02": 1, "2026-03-03": 2, "2026-03-04": 1, "2026-03-05": 1 },
      "requests.declined": { "2026-03-03": 1, "2026-03-04": 1, "2026-03-06": 1 },
      "requests.expired": { "2026-03-04": 1 },
      "requests.withdrawn": { "2026-03-03": 1 },
      profile_views: { "2026-03-01": 5, "2026-03-02": 7, "2026-03-04": 1 },
      "subscriptions.active": {
        "2026-03-01": 1,
        "2026-03-02": 2,
        "2026-03-03": 3,
        "2026-03-04": 3,
        "2026-03-05": 2,
        "2026-03-06": 2,
      },
      "revenue.mrr_cents": {
        "2026-03-01": 4083,
        "2026-03-02": 8983,
        "2026-03-03": 28883,
        "2026-03-04": 28883,
        "2026-03-05": 8983,
        "2026-03-06": 8983,
      },
    }),
    { metric: "sender.sent", day: "2026-03-02", subject: avery.id, value: 3 },
    { metric: "sender.answered", day: "2026-03-02", subject: avery.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-02", subject: avery.id, value: 7200 },
    { metric: "sender.sent", day: "2026-03-03", subject: avery.id, value: 1 },
    { metric: "sender.answered", day: "2026-03-03", subject: avery.id, value: 2 },
    { metric: "sender.answer_seconds", day: "2026-03-03", subject: avery.id, value: 90000 },
    { metric: "sender.sent", day: "2026-03-03", subject: blake.id, value: 3 },
    { metric: "sender.answered", day: "2026-03-03", subject: blake.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-03", subject: blake.id, value: 43200 },
    { metric: "sender.sent", day: "2026-03-04", subject: avery.id, value: 1 },
    { metric: "sender.answered", day: "2026-03-04", subject: blake.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-04", subject: blake.id, value: 86400 },
    { metric: "sender.sent", day: "2026-03-04", subject: northlight.id, value: 1 },
    { metric: "sender.answered", day: "2026-03-04", subject: northlight.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-04", subject: northlight.id, value: 1800 },
    { metric: "sender.sent", day: "2026-03-05", subject: blake.id, value: 1 },
    { metric: "sender.answered", day: "2026-03-05", subject: blake.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-05", subject: blake.id, value: 172800 },
    { metric: "sender.sent", day: "2026-03-05", subject: northlight.id, value: 1 },
    { metric: "sender.answered", day: "2026-03-06", subject: northlight.id, value: 1 },
    { metric: "sender.answer_seconds", day: "2026-03-06", subject: northlight.id, value: 86400 },
  ];

  describe("measureDays", () => {
    it("gives each platform metric per UTC day, and the per-sender rows, over a week", async () => {
      expect(sorted(await measureDays(db, "2026-03-01", "2026-03-06"))).toEqual(sorted(expectedWeek()));
    });

    it("gives each day alone exactly that day's rows of the whole range", async () => {
      const week = expectedWeek();
      for (const day of ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]) {
        expect(sorted(await measureDays(db, day, day)), day).toEqual(sorted(week.filter((row) => row.day === day)));
      }
    });

    it("counts an event at 23:59:59.999Z on its day and one at 00:00:00Z on the next", async () => {
      // 03-01 23:59:59.999: Taylor signs up. 03-02 00:00: Morgan signs up.
      const first = await measureDays(db, "2026-03-01", "2026-03-01");
      expect(first.find((row) => row.metric === "signups.TALENT")).toEqual({
        metric: "signups.TALENT",
        day: "2026-03-01",
        subject: "",
        value: 1,
      });
      // 03-02 23:59:59.999: a message and r4 sent; 03-03 00:00: a message and r4 withdrawn.
      const second = await measureDays(db, "2026-03-02", "2026-03-02");
      expect(
        second
          .filter((row) => ["messages", "requests.sent", "requests.withdrawn", "signups.TALENT"].includes(row.metric))
          .sort((a, b) => a.metric.localeCompare(b.metric)),
      ).toEqual([
        { metric: "messages", day: "2026-03-02", subject: "", value: 2 },
        { metric: "requests.sent", day: "2026-03-02", subject: "", value: 3 },
        { metric: "signups.TALENT", day: "2026-03-02", subject: "", value: 2 },
      ]);
      const third = await measureDays(db, "2026-03-03", "2026-03-03");
      expect(
        third
          .filter((row) => ["messages", "requests.withdrawn"].includes(row.metric))
          .sort((a, b) => a.metric.localeCompare(b.metric)),
      ).toEqual([
        { metric: "messages", day: "2026-03-03", subject: "", value: 1 },
        { metric: "requests.withdrawn", day: "2026-03-03", subject: "", value: 1 },
      ]);
      // r5: created 03-04 00:00, expired 03-04 23:59:59.999; Northlight canceled at 03-05 00:00 still counts at the end of 03-04.
      const fourth = await measureDays(db, "2026-03-04", "2026-03-04");
      expect(
        fourth
          .filter((row) => ["requests.expired", "subscriptions.active"].includes(row.metric))
          .sort((a, b) => a.metric.localeCompare(b.metric)),
      ).toEqual([
        { metric: "requests.expired", day: "2026-03-04", subject: "", value: 1 },
        { metric: "subscriptions.active", day: "2026-03-04", subject: "", value: 3 },
      ]);
    });

    it("gives the same rows when the database session's time zone is America/New_York", async () => {
      const utc = sorted(await measureDays(db, "2026-02-27", "2026-03-11"));
      expect(utc.length).toBeGreaterThan(40);
      expect(sorted(await inNewYork(handle, (zoned) => measureDays(zoned, "2026-02-27", "2026-03-11")))).toEqual(utc);
      expect(sorted(await inNewYorkTransaction(db, (zoned) => measureDays(zoned, "2026-02-27", "2026-03-11")))).toEqual(
        utc,
      );
      // And the session is back to the same answers afterwards.
      expect(sorted(await measureDays(db, "2026-02-27", "2026-03-11"))).toEqual(utc);
    });

    it("gives no rows at all for days before any activity or subscription", async () => {
      expect(await measureDays(db, "2026-02-20", "2026-02-26")).toEqual([]);
      // The admin's own sign-up on 02-27 is not a metric.
      expect(await measureDays(db, "2026-02-27", "2026-02-28")).toEqual([]);
    });

    it("gives only the active subscriptions and revenue on days without activity", async () => {
      expect(sorted(await measureDays(db, "2026-03-20", "2026-03-21"))).toEqual(
        sorted(
          platformRows({
            "subscriptions.active": { "2026-03-20": 1, "2026-03-21": 1 },
            "revenue.mrr_cents": { "2026-03-20": 4083, "2026-03-21": 4083 },
          }),
        ),
      );
    });
  });

  describe("getAdminDashboard", () => {
    const range = { from: "2026-03-01", to: "2026-03-06" };

    it("gives the daily series and totals of a range", async () => {
      const dashboard = await getAdminDashboard(db, admin.actor, range);
      expect(dashboard.range).toEqual(range);
      expect(dashboard.days).toEqual([
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
      ]);
      expect(dashboard.series).toEqual({
        "signups.TALENT": [1, 2, 0, 0, 0, 0],
        "signups.PROFESSIONAL": [1, 1, 0, 0, 0, 0],
        "signups.COMPANY": [0, 0, 1, 0, 0, 0],
        messages: [0, 2, 1, 3, 0, 0],
        "requests.sent": [0, 3, 4, 2, 2, 0],
        "requests.approved": [0, 1, 2, 1, 1, 0],
        "requests.declined": [0, 0, 1, 1, 0, 1],
        "requests.expired": [0, 0, 0, 1, 0, 0],
        "requests.withdrawn": [0, 0, 1, 0, 0, 0],
        profile_views: [5, 7, 0, 1, 0, 0],
        "subscriptions.active": [1, 2, 3, 3, 2, 2],
        "revenue.mrr_cents": [4083, 8983, 28883, 28883, 8983, 8983],
      });
      expect(dashboard.totals).toEqual({
        signups: { TALENT: 3, PROFESSIONAL: 2, COMPANY: 1 },
        messages: 6,
        requests: { sent: 11, approved: 5, declined: 3, expired: 1, withdrawn: 1 },
        acceptanceRate: 5 / 9,
        profileViews: 13,
        activeSubscriptions: { start: 1, end: 2 },
        mrrCents: { start: 4083, end: 8983 },
      });
    });

    it("ranks the busiest senders by requests sent, and the slowest-answered among those with enough answers", async () => {
      expect(SLOWEST_MIN_ANSWERED).toBe(3);
      const dashboard = await getAdminDashboard(db, admin.actor, range);
      const averyRow = {
        senderId: avery.id,
        name: "Avery Stone",
        email: "avery@pro.example.test",
        sent: 5,
        answered: 3,
        averageAnswerSeconds: 32400,
      };
      const blakeRow = {
        senderId: blake.id,
        name: "Blake Rivers",
        email: "blake@pro.example.test",
        sent: 4,
        answered: 3,
        averageAnswerSeconds: 100800,
      };
      const northlightRow = {
        senderId: northlight.id,
        name: "Northlight Pictures",
        email: "hello@northlight.example.test",
        sent: 2,
        answered: 2,
        averageAnswerSeconds: 44100,
      };
      expect(dashboard.busiest).toEqual([averyRow, blakeRow, northlightRow]);
      // Northlight waits longer on average than Avery, but has only two answers: not ranked.
      expect(dashboard.slowest).toEqual([blakeRow, averyRow]);
    });

    it("counts senders by the days in the range only", async () => {
      const dashboard = await getAdminDashboard(db, admin.actor, { from: "2026-03-04", to: "2026-03-05" });
      expect(dashboard.totals.requests).toEqual({ sent: 4, approved: 2, declined: 1, expired: 1, withdrawn: 0 });
      expect(dashboard.totals.acceptanceRate).toBe(2 / 4);
      // Avery and Blake sent one each: a tie, broken by account id.
      const ties = [
        [avery.id, "Avery Stone", 1, 0, null],
        [blake.id, "Blake Rivers", 1, 2, 129600],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(
        dashboard.busiest.map((row) => [row.senderId, row.name, row.sent, row.answered, row.averageAnswerSeconds]),
      ).toEqual([[northlight.id, "Northlight Pictures", 2, 1, 1800], ...ties]);
      expect(dashboard.slowest).toEqual([]);
    });

    it("gives zero series of the range's length, no acceptance rate and no senders for an empty range", async () => {
      const dashboard = await getAdminDashboard(db, admin.actor, { from: "2026-02-01", to: "2026-02-10" });
      expect(dashboard.days).toHaveLength(10);
      expect(dashboard.days[0]).toBe("2026-02-01");
      expect(dashboard.days.at(-1)).toBe("2026-02-10");
      expect(Object.keys(dashboard.series)).toHaveLength(12);
      for (const [metric, values] of Object.entries(dashboard.series))
        expect(values, metric).toEqual(Array(10).fill(0));
      expect(dashboard.totals).toEqual({
        signups: { TALENT: 0, PROFESSIONAL: 0, COMPANY: 0 },
        messages: 0,
        requests: { sent: 0, approved: 0, declined: 0, expired: 0, withdrawn: 0 },
        acceptanceRate: null,
        profileViews: 0,
        activeSubscriptions: { start: 0, end: 0 },
        mrrCents: { start: 0, end: 0 },
      });
      expect(dashboard.busiest).toEqual([]);
      expect(dashboard.slowest).toEqual([]);
    });

    it("gives the same dashboard when the session's time zone is America/New_York", async () => {
      const utc = await getAdminDashboard(db, admin.actor, range);
      expect(await inNewYork(handle, (zoned) => getAdminDashboard(zoned, admin.actor, range))).toEqual(utc);
    });

    it("is refused to anyone but an admin", async () => {
      await expectAppError(getAdminDashboard(db, avery.actor, range), "forbidden");
      await expectAppError(getAdminDashboard(db, northlight.actor, range), "forbidden");
      await expectAppError(getAdminDashboard(db, taylor.actor, range), "forbidden");
    });
  });

  describe("adminDashboardCsv", () => {
    it("writes a header row and one row per day, the MRR in dollars with two decimals", async () => {
      const { filename, csv } = adminDashboardCsv(
        await getAdminDashboard(db, admin.actor, { from: "2026-03-01", to: "2026-03-06" }),
      );
      expect(filename).toBe("callback-activity-2026-03-01-to-2026-03-06.csv");
      expect(csv.split("\r\n")).toEqual([
        "Day (UTC),Talent sign-ups,Professional sign-ups,Company sign-ups,Active subscriptions,MRR (USD),Messages,Requests sent,Requests approved,Requests declined,Requests expired,Requests withdrawn,Profile views",
        "2026-03-01,1,1,0,1,40.83,0,0,0,0,0,0,5",
        "2026-03-02,2,1,0,2,89.83,2,3,1,0,0,0,7",
        "2026-03-03,0,0,1,3,288.83,1,4,2,1,0,1,0",
        "2026-03-04,0,0,0,3,288.83,3,2,1,1,1,0,1",
        "2026-03-05,0,0,0,2,89.83,0,2,1,0,0,0,0",
        "2026-03-06,0,0,0,2,89.83,0,0,0,1,0,0,0",
        "",
      ]);
    });

    it("writes zeros and 0.00 for an empty range", async () => {
      const { csv } = adminDashboardCsv(
        await getAdminDashboard(db, admin.actor, { from: "2026-02-01", to: "2026-02-02" }),
      );
      expect(csv.split("\r\n").slice(1)).toEqual([
        "2026-02-01,0,0,0,0,0.00,0,0,0,0,0,0,0",
        "2026-02-02,0,0,0,0,0.00,0,0,0,0,0,0,0",
        "",
      ]);
    });
  });

  describe("lastClosedDay", () => {
    it("closes a day an hour after it ends", () => {
      expect(lastClosedDay(at("2026-03-10T00:30:00Z"))).toBe("2026-03-08");
      expect(lastClosedDay(at("2026-03-10T00:59:59.999Z"))).toBe("2026-03-08");
      expect(lastClosedDay(at("2026-03-10T01:00:00.000Z"))).toBe("2026-03-09");
      expect(lastClosedDay(at("2026-03-10T01:30:00Z"))).toBe("2026-03-09");
      expect(lastClosedDay(at("2026-03-10T23:59:59.999Z"))).toBe("2026-03-09");
      expect(lastClosedDay(at("2026-03-01T00:30:00Z"))).toBe("2026-02-27");
      expect(lastClosedDay(at("2027-01-01T01:30:00Z"))).toBe("2026-12-31");
    });
  });

  /** What the rollup stored, as measureDays rows: the platform rows and the per-sender day rows spread back into metrics. */
  async function storedRows(db: Db, day?: string): Promise<MetricRow[]> {
    const platform = await db
      .select()
      .from(activityDaily)
      .where(day ? eq(activityDaily.day, day) : undefined);
    const senders = await db
      .select()
      .from(activitySenderTotals)
      .where(and(eq(activitySenderTotals.period, "day"), day ? eq(activitySenderTotals.start, day) : undefined));
    return [
      ...platform.map((row) => ({ ...row, value: Number(row.value) }) as MetricRow),
      ...senders.flatMap((row) =>
        (
          [
            ["sender.sent", row.sent],
            ["sender.answered", row.answered],
            ["sender.answer_seconds", row.answerSeconds],
          ] as const
        )
          .filter(([, value]) => value !== 0)
          .map(([metric, value]) => ({ metric, day: row.start, subject: row.senderId, value: Number(value) })),
      ),
    ];
  }

  // Runs last in this block: it writes the rollups the tests above must not see.
  describe("rollupActivity", () => {
    const week = { from: "2026-03-01", to: "2026-03-06" };
    const wide = { from: "2026-02-25", to: "2026-03-12" };

    it("rolls up every closed day once, and the dashboard is the same read from rollups as computed live", async () => {
      const liveWeek = await getAdminDashboard(db, admin.actor, week);
      const liveWide = await getAdminDashboard(db, admin.actor, wide);
      const measured = sorted(await measureDays(db, "2026-02-27", "2026-03-09"));

      // From the first sign-up (the admin, 02-27) to 03-09, the last day closed at 03-10 12:00: 2 + 9 days.
      expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"))).toBe(11);
      expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"))).toBe(0);
      const rolled = await db
        .select({ day: activityRolledDays.day })
        .from(activityRolledDays)
        .orderBy(activityRolledDays.day);
      expect(rolled.map((row) => row.day)).toEqual([
        "2026-02-27",
        "2026-02-28",
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
        "2026-03-08",
        "2026-03-09",
      ]);
      expect(sorted(await storedRows(db))).toEqual(measured);
      // Each month's per-sender row is the sum of its day rows.
      const monthRows = await db.select().from(activitySenderTotals).where(eq(activitySenderTotals.period, "month"));
      const avery = monthRows.find(
        (row) =>
          row.start === "2026-03-01" &&
          row.senderId === measured.find((entry) => entry.metric === "sender.sent")!.subject,
      );
      const averyDays = measured.filter((row) => row.subject === avery?.senderId && row.day.startsWith("2026-03"));
      expect(avery?.sent).toBe(
        averyDays.filter((row) => row.metric === "sender.sent").reduce((sum, row) => sum + row.value, 0),
      );
      expect(avery?.answerSeconds).toBe(
        averyDays.filter((row) => row.metric === "sender.answer_seconds").reduce((sum, row) => sum + row.value, 0),
      );

      // The week is read wholly from rollups, the wide range partly (02-25, 02-26 and 03-10 .. 03-12 live).
      expect(await getAdminDashboard(db, admin.actor, week)).toEqual(liveWeek);
      expect(await getAdminDashboard(db, admin.actor, wide)).toEqual(liveWide);
    });

    it("waits an hour after midnight before rolling up the day that just ended", async () => {
      const liveWide = await getAdminDashboard(db, admin.actor, wide);
      expect(await rollupActivity(db, at("2026-03-11T00:30:00Z"))).toBe(0);
      expect(await rollupActivity(db, at("2026-03-11T01:30:00Z"))).toBe(1);
      expect(await rollupActivity(db, at("2026-03-11T01:30:00Z"))).toBe(0);
      // 03-10 holds r12, sent by Northlight; from now on it is read from the rollup.
      expect(sorted(await storedRows(db, "2026-03-10"))).toEqual(
        sorted([
          ...platformRows({
            "requests.sent": { "2026-03-10": 1 },
            "subscriptions.active": { "2026-03-10": 1 },
            "revenue.mrr_cents": { "2026-03-10": 4083 },
          }),
          { metric: "sender.sent", day: "2026-03-10", subject: northlight.id, value: 1 },
        ]),
      );
      expect(await getAdminDashboard(db, admin.actor, wide)).toEqual(liveWide);
      expect(liveWide.busiest.map((row) => [row.name, row.sent])).toEqual([
        ["Avery Stone", 5],
        ["Blake Rivers", 4],
        ["Northlight Pictures", 3],
      ]);
    });
  });
});

describe("rollupActivity from the first sign-up, in batches", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  const rolledDays = async () =>
    (await db.select({ day: activityRolledDays.day }).from(activityRolledDays).orderBy(activityRolledDays.day)).map(
      (row) => row.day,
    );

  it("rolls nothing up on an empty database", async () => {
    expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"))).toBe(0);
    expect(await rolledDays()).toEqual([]);
  });

  it("rolls nothing up while the first sign-up's day is not closed", async () => {
    await createTalent(db, { createdAt: at("2026-01-01T08:00:00Z") });
    expect(await rollupActivity(db, at("2026-01-01T23:00:00Z"))).toBe(0);
    expect(await rollupActivity(db, at("2026-01-02T00:59:00Z"))).toBe(0);
    expect(await rolledDays()).toEqual([]);
  });

  it("stops at maxDays and goes on from there on the next run, with no day missing or twice", async () => {
    // 2026-01-01 .. 2026-03-09: 31 + 28 + 9 = 68 days, more than two batches of 31.
    expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"), 40)).toBe(40);
    expect((await rolledDays()).at(-1)).toBe("2026-02-09");
    expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"))).toBe(28);
    expect(await rollupActivity(db, at("2026-03-10T12:00:00Z"))).toBe(0);
    const days = await rolledDays();
    expect(days).toHaveLength(68);
    expect(days[0]).toBe("2026-01-01");
    expect(days.at(-1)).toBe("2026-03-09");
    expect(new Set(days).size).toBe(68);
    const stored = await db.select().from(activityDaily);
    expect(stored.map((row) => ({ ...row, value: Number(row.value) }))).toEqual([
      { metric: "signups.TALENT", day: "2026-01-01", subject: "", value: 1 },
    ]);
  });
});

/*
 * One professional's and one talent's own figures, with now = 2026-03-18 15:00 UTC
 * (a Wednesday). This month starts 2026-03-01 (a Sunday); the twelve weeks are the
 * Mondays 2025-12-29 .. 2026-03-16.
 *
 * Casey (PRO, subscribed) sent (title, talent, created, status at responded, answer seconds):
 *   b4  Finley 2025-12-28 23:59:59 (a Sunday, before the first week)  APPROVED 2025-12-29 00:00      week of approval 12-29
 *   b3  Eli    2026-01-05 00:00                                        APPROVED 2026-01-06 00:00
 *   b1  Gray   2026-02-27 10:00                                        APPROVED 2026-03-01 10:00 (Sunday -> week 02-23)
 *   b2  Dana   2026-02-28 23:59:59.999 (last month)                    DECLINED 2026-03-01 00:00:05
 *   a1  Dana   2026-03-01 00:00:00.000 (this month, week 02-23)       APPROVED 2026-03-01 01:00     3600
 *   a2  Eli    2026-03-03 10:00                                        DECLINED 2026-03-04 10:00    86400
 *   a3  Finley 2026-03-09 09:00                                        APPROVED 2026-03-09 09:30     1800
 *   a4  Gray   2026-03-10 12:00                                        APPROVED 2026-03-11 00:00    43200
 *   a6  Eli    2026-03-12 10:00                                        EXPIRED  2026-03-15 10:00
 *   a7  Finley 2026-03-13 10:00                                        WITHDRAWN 2026-03-13 12:00
 *   a5  Dana   2026-03-16 08:00                                        PENDING
 * Quinn (PRO) sent q1 -> Dana 03-05 10:00 APPROVED 03-05 12:00 (7200) and q2 -> Dana 03-06 10:00 DECLINED 03-07 10:00 (86400).
 */
describe("personal dashboards", () => {
  const now = at("2026-03-18T15:00:00Z");
  const weeks = [
    "2025-12-29",
    "2026-01-05",
    "2026-01-12",
    "2026-01-19",
    "2026-01-26",
    "2026-02-02",
    "2026-02-09",
    "2026-02-16",
    "2026-02-23",
    "2026-03-02",
    "2026-03-09",
    "2026-03-16",
  ];
  let db: Db;
  let handle: DatabaseHandle;
  let casey: Person;
  let quinn: Person;
  let dana: Talent;
  let eli: Talent;
  let finley: Talent;
  let gray: Talent;

  beforeAll(async () => {
    ({ db, handle } = await freshDatabase());
    casey = await createProfessional(db, {
      name: "Casey Morgan",
      subscription: true,
      createdAt: at("2025-11-01T09:00:00Z"),
    });
    quinn = await createProfessional(db, {
      name: "Quinn Adler",
      subscription: true,
      createdAt: at("2025-11-02T09:00:00Z"),
    });
    dana = await createTalentWithProfile(db, { user: { name: "Dana Fields", createdAt: at("2025-10-01T09:00:00Z") } });
    eli = await createTalentWithProfile(db, { user: { name: "Eli Park", createdAt: at("2025-10-02T09:00:00Z") } });
    finley = await createTalentWithProfile(db, {
      user: { name: "Finley Shaw", createdAt: at("2025-10-03T09:00:00Z") },
    });
    gray = await createTalentWithProfile(db, { user: { name: "Gray Hollis", createdAt: at("2025-10-04T09:00:00Z") } });

    const send = (
      sender: Person,
      talent: Talent,
      title: string,
      createdAt: string,
      status: Status,
      respondedAt?: string,
    ) => insertRequest(db, { sender, talent, title, createdAt, status, respondedAt });
    await send(casey, finley, "b4", "2025-12-28T23:59:59Z", "APPROVED", "2025-12-29T00:00:00Z");
    await send(casey, eli, "b3", "2026-01-05T00:00:00Z", "APPROVED", "2026-01-06T00:00:00Z");
    await send(casey, gray, "b1", "2026-02-27T10:00:00Z", "APPROVED", "2026-03-01T10:00:00Z");
    await send(casey, dana, "b2", "2026-02-28T23:59:59.999Z", "DECLINED", "2026-03-01T00:00:05Z");
    await send(casey, dana, "a1", "2026-03-01T00:00:00.000Z", "APPROVED", "2026-03-01T01:00:00Z");
    await send(casey, eli, "a2", "2026-03-03T10:00:00Z", "DECLINED", "2026-03-04T10:00:00Z");
    await send(casey, finley, "a3", "2026-03-09T09:00:00Z", "APPROVED", "2026-03-09T09:30:00Z");
    await send(casey, gray, "a4", "2026-03-10T12:00:00Z", "APPROVED", "2026-03-11T00:00:00Z");
    await send(casey, eli, "a6", "2026-03-12T10:00:00Z", "EXPIRED", "2026-03-15T10:00:00Z");
    await send(casey, finley, "a7", "2026-03-13T10:00:00Z", "WITHDRAWN", "2026-03-13T12:00:00Z");
    await send(casey, dana, "a5", "2026-03-16T08:00:00Z", "PENDING");
    await send(quinn, dana, "q1", "2026-03-05T10:00:00Z", "APPROVED", "2026-03-05T12:00:00Z");
    await send(quinn, dana, "q2", "2026-03-06T10:00:00Z", "DECLINED", "2026-03-07T10:00:00Z");

    await db.insert(contactRequestCounters).values([
      { senderId: casey.id, window: "month:2026-03", used: 7 },
      { senderId: casey.id, window: "month:2026-02", used: 4 },
      { senderId: casey.id, window: "day:2026-03-16", used: 1 },
      { senderId: quinn.id, window: "month:2026-03", used: 2 },
    ]);

    await insertConversation(db, casey, dana, [
      [casey, "2026-02-27T10:00:00Z"],
      [dana, "2026-02-28T12:00:00Z"],
      [casey, "2026-03-02T09:00:00Z"],
      [dana, "2026-03-02T10:00:00Z"],
      [dana, "2026-03-05T10:00:00Z"],
    ]);
    await insertConversation(db, casey, eli, [
      [casey, "2026-03-10T10:00:00Z"],
      [casey, "2026-03-10T11:00:00Z"],
    ]);
    await insertConversation(db, casey, finley, [
      [casey, "2026-02-10T10:00:00Z"],
      [finley, "2026-02-11T10:00:00Z"],
    ]);
    await insertConversation(db, quinn, dana, [
      [quinn, "2026-03-06T09:00:00Z"],
      [dana, "2026-03-06T09:30:00Z"],
    ]);

    await db.insert(talentProfileViews).values([
      { profileId: dana.profileId, day: "2025-12-28", views: 50 },
      { profileId: dana.profileId, day: "2025-12-29", views: 3 },
      { profileId: dana.profileId, day: "2026-02-15", views: 4 },
      { profileId: dana.profileId, day: "2026-02-17", views: 5 },
      { profileId: dana.profileId, day: "2026-02-28", views: 6 },
      { profileId: dana.profileId, day: "2026-03-01", views: 7 },
      { profileId: dana.profileId, day: "2026-03-16", views: 8 },
      { profileId: dana.profileId, day: "2026-03-18", views: 9 },
      { profileId: eli.profileId, day: "2026-03-18", views: 40 },
      { profileId: eli.profileId, day: "2026-03-01", views: 40 },
    ]);

    const [shortlist, recall, market, other] = await db
      .insert(collections)
      .values([
        { ownerId: casey.id, name: "Shortlist" },
        { ownerId: casey.id, name: "Recall" },
        { ownerId: quinn.id, name: "Market scene" },
        { ownerId: quinn.id, name: "Other" },
      ])
      .returning({ id: collections.id });
    await db.insert(collectionItems).values([
      { collectionId: shortlist!.id, profileId: dana.profileId, position: 0 },
      { collectionId: shortlist!.id, profileId: eli.profileId, position: 1 },
      { collectionId: recall!.id, profileId: dana.profileId, position: 0 },
      { collectionId: market!.id, profileId: dana.profileId, position: 0 },
      { collectionId: other!.id, profileId: finley.profileId, position: 0 },
    ]);
  });

  describe("getProfessionalDashboard", () => {
    it("counts this month's sent requests by status, with the acceptance rate and the median answer time", async () => {
      const dashboard = await getProfessionalDashboard(db, casey.actor, now);
      expect(dashboard.month).toEqual({
        byStatus: { PENDING: 1, APPROVED: 3, DECLINED: 1, EXPIRED: 1, WITHDRAWN: 1 },
        total: 7,
        acceptanceRate: 3 / 5,
        // Answered this month: 1800, 3600, 43200, 86400 -> the mean of the two middle ones.
        medianAnswerSeconds: 23400,
      });
    });

    it("counts the messages sent and the replies received this month", async () => {
      const dashboard = await getProfessionalDashboard(db, casey.actor, now);
      expect(dashboard.messages).toEqual({ sent: 3, received: 2 });
    });

    it("gives the quota used this month against the plan's limit", async () => {
      const dashboard = await getProfessionalDashboard(db, casey.actor, now);
      expect(dashboard.quota).toEqual({ used: 7, limit: 30 });
      // A new month starts from zero.
      expect((await getProfessionalDashboard(db, casey.actor, at("2026-04-01T00:00:00Z"))).quota).toEqual({
        used: 0,
        limit: 30,
      });
    });

    it("gives twelve weeks starting on Mondays, with requests created and approved in each", async () => {
      const dashboard = await getProfessionalDashboard(db, casey.actor, now);
      expect(dashboard.weeks).toEqual([
        { week: "2025-12-29", created: 0, approved: 1 },
        { week: "2026-01-05", created: 1, approved: 1 },
        { week: "2026-01-12", created: 0, approved: 0 },
        { week: "2026-01-19", created: 0, approved: 0 },
        { week: "2026-01-26", created: 0, approved: 0 },
        { week: "2026-02-02", created: 0, approved: 0 },
        { week: "2026-02-09", created: 0, approved: 0 },
        { week: "2026-02-16", created: 0, approved: 0 },
        { week: "2026-02-23", created: 3, approved: 2 },
        { week: "2026-03-02", created: 1, approved: 0 },
        { week: "2026-03-09", created: 4, approved: 2 },
        { week: "2026-03-16", created: 1, approved: 0 },
      ]);
      expect(dashboard.weeks.map((point) => point.week)).toEqual(weeks);
    });

    it("lists the latest request activity newest first", async () => {
      const dashboard = await getProfessionalDashboard(db, casey.actor, now);
      expect(
        dashboard.recent.map(({ at: time, projectTitle, status, isNew, side, otherName }) => ({
          at: time.toISOString(),
          projectTitle,
          status,
          isNew,
          side,
          otherName,
        })),
      ).toEqual([
        {
          at: "2026-03-16T08:00:00.000Z",
          projectTitle: "a5",
          status: "PENDING",
          isNew: true,
          side: "sent",
          otherName: "Dana Fields",
        },
        {
          at: "2026-03-15T10:00:00.000Z",
          projectTitle: "a6",
          status: "EXPIRED",
          isNew: false,
          side: "sent",
          otherName: "Eli Park",
        },
        {
          at: "2026-03-13T12:00:00.000Z",
          projectTitle: "a7",
          status: "WITHDRAWN",
          isNew: false,
          side: "sent",
          otherName: "Finley Shaw",
        },
        {
          at: "2026-03-13T10:00:00.000Z",
          projectTitle: "a7",
          status: "PENDING",
          isNew: true,
          side: "sent",
          otherName: "Finley Shaw",
        },
        {
          at: "2026-03-12T10:00:00.000Z",
          projectTitle: "a6",
          status: "PENDING",
          isNew: true,
          side: "sent",
          otherName: "Eli Park",
        },
        {
          at: "2026-03-11T00:00:00.000Z",
          projectTitle: "a4",
          status: "APPROVED",
          isNew: false,
          side: "sent",
          otherName: "Gray Hollis",
        },
        {
          at: "2026-03-10T12:00:00.000Z",
          projectTitle: "a4",
          status: "PENDING",
          isNew: true,
          side: "sent",
          otherName: "Gray Hollis",
        },
        {
          at: "2026-03-09T09:30:00.000Z",
          projectTitle: "a3",
          status: "APPROVED",
          isNew: false,
          side: "sent",
          otherName: "Finley Shaw",
        },
        {
          at: "2026-03-09T09:00:00.000Z",
          projectTitle: "a3",
          status: "PENDING",
          isNew: true,
          side: "sent",
          otherName: "Finley Shaw",
        },
        {
          at: "2026-03-04T10:00:00.000Z",
          projectTitle: "a2",
          status: "DECLINED",
          isNew: false,
          side: "sent",
          otherName: "Eli Park",
        },
      ]);
    });

    it("gives another professional only their own figures", async () => {
      const dashboard = await getProfessionalDashboard(db, quinn.actor, now);
      expect(dashboard.month).toEqual({
        byStatus: { PENDING: 0, APPROVED: 1, DECLINED: 1, EXPIRED: 0, WITHDRAWN: 0 },
        total: 2,
        acceptanceRate: 1 / 2,
        medianAnswerSeconds: 46800,
      });
      expect(dashboard.messages).toEqual({ sent: 1, received: 1 });
      expect(dashboard.quota).toEqual({ used: 2, limit: 30 });
      expect(dashboard.weeks.filter((point) => point.created || point.approved)).toEqual([
        { week: "2026-03-02", created: 2, approved: 1 },
      ]);
    });

    it("gives the same dashboard when the session's time zone is America/New_York", async () => {
      const utc = await getProfessionalDashboard(db, casey.actor, now);
      expect(await inNewYork(handle, (zoned) => getProfessionalDashboard(zoned, casey.actor, now))).toEqual(utc);
    });

    it("gives no quota to an admin or to a professional without a subscription", async () => {
      const admin = await createAdmin(db);
      const unsubscribed = await createProfessional(db);
      expect((await getProfessionalDashboard(db, admin.actor, now)).quota).toBeNull();
      expect((await getProfessionalDashboard(db, unsubscribed.actor, now)).quota).toBeNull();
    });

    it("is refused to a talent", async () => {
      await expectAppError(getProfessionalDashboard(db, dana.actor, now), "forbidden");
    });
  });

  describe("getTalentDashboard", () => {
    it("counts profile views over the last 30 days and this month", async () => {
      const dashboard = await getTalentDashboard(db, dana.actor, now);
      // Last 30 days are 02-17 .. 03-18: 5 + 6 + 7 + 8 + 9; this month: 7 + 8 + 9.
      expect(dashboard.views).toEqual({ last30Days: 35, thisMonth: 24 });
    });

    it("gives twelve weeks of views and requests received", async () => {
      const dashboard = await getTalentDashboard(db, dana.actor, now);
      expect(dashboard.weeks).toEqual([
        { week: "2025-12-29", views: 3, requests: 0 },
        { week: "2026-01-05", views: 0, requests: 0 },
        { week: "2026-01-12", views: 0, requests: 0 },
        { week: "2026-01-19", views: 0, requests: 0 },
        { week: "2026-01-26", views: 0, requests: 0 },
        { week: "2026-02-02", views: 0, requests: 0 },
        { week: "2026-02-09", views: 4, requests: 0 },
        { week: "2026-02-16", views: 5, requests: 0 },
        { week: "2026-02-23", views: 13, requests: 2 },
        { week: "2026-03-02", views: 0, requests: 2 },
        { week: "2026-03-09", views: 0, requests: 0 },
        { week: "2026-03-16", views: 17, requests: 1 },
      ]);
    });

    it("counts this month's received requests by status, with the acceptance rate and the median answer time", async () => {
      const dashboard = await getTalentDashboard(db, dana.actor, now);
      // Received this month: a1 (approved, 3600), q1 (approved, 7200), q2 (declined, 86400), a5 (pending).
      expect(dashboard.month).toEqual({
        byStatus: { PENDING: 1, APPROVED: 2, DECLINED: 1, EXPIRED: 0, WITHDRAWN: 0 },
        total: 4,
        acceptanceRate: 2 / 3,
        medianAnswerSeconds: 7200,
      });
    });

    it("counts messages and the professionals who keep the talent in a collection", async () => {
      const dashboard = await getTalentDashboard(db, dana.actor, now);
      expect(dashboard.messages).toEqual({ sent: 3, received: 2 });
      // Casey's two collections count once, Quinn's adds one.
      expect(dashboard.collectors).toBe(2);
      expect((await getTalentDashboard(db, finley.actor, now)).collectors).toBe(1);
      expect((await getTalentDashboard(db, gray.actor, now)).collectors).toBe(0);
    });

    it("lists the latest requests received and their answers, newest first", async () => {
      const dashboard = await getTalentDashboard(db, dana.actor, now);
      expect(
        dashboard.recent.map(({ at: time, projectTitle, status, isNew, side, otherName }) => ({
          at: time.toISOString(),
          projectTitle,
          status,
          isNew,
          side,
          otherName,
        })),
      ).toEqual([
        {
          at: "2026-03-16T08:00:00.000Z",
          projectTitle: "a5",
          status: "PENDING",
          isNew: true,
          side: "received",
          otherName: "Casey Morgan",
        },
        {
          at: "2026-03-07T10:00:00.000Z",
          projectTitle: "q2",
          status: "DECLINED",
          isNew: false,
          side: "received",
          otherName: "Quinn Adler",
        },
        {
          at: "2026-03-06T10:00:00.000Z",
          projectTitle: "q2",
          status: "PENDING",
          isNew: true,
          side: "received",
          otherName: "Quinn Adler",
        },
        {
          at: "2026-03-05T12:00:00.000Z",
          projectTitle: "q1",
          status: "APPROVED",
          isNew: false,
          side: "received",
          otherName: "Quinn Adler",
        },
        {
          at: "2026-03-05T10:00:00.000Z",
          projectTitle: "q1",
          status: "PENDING",
          isNew: true,
          side: "received",
          otherName: "Quinn Adler",
        },
        {
          at: "2026-03-01T01:00:00.000Z",
          projectTitle: "a1",
          status: "APPROVED",
          isNew: false,
          side: "received",
          otherName: "Casey Morgan",
        },
        {
          at: "2026-03-01T00:00:05.000Z",
          projectTitle: "b2",
          status: "DECLINED",
          isNew: false,
          side: "received",
          otherName: "Casey Morgan",
        },
        {
          at: "2026-03-01T00:00:00.000Z",
          projectTitle: "a1",
          status: "PENDING",
          isNew: true,
          side: "received",
          otherName: "Casey Morgan",
        },
        {
          at: "2026-02-28T23:59:59.999Z",
          projectTitle: "b2",
          status: "PENDING",
          isNew: true,
          side: "received",
          otherName: "Casey Morgan",
        },
      ]);
    });

    it("gives zeros to a talent without a profile", async () => {
      const newcomer = await createTalent(db, { name: "New Comer" });
      const dashboard = await getTalentDashboard(db, newcomer.actor, now);
      expect(dashboard.views).toEqual({ last30Days: 0, thisMonth: 0 });
      expect(dashboard.weeks).toEqual(weeks.map((week) => ({ week, views: 0, requests: 0 })));
      expect(dashboard.collectors).toBe(0);
      expect(dashboard.recent).toEqual([]);
      expect(dashboard.month.total).toBe(0);
      expect(dashboard.month.acceptanceRate).toBeNull();
      expect(dashboard.month.medianAnswerSeconds).toBeNull();
    });

    it("gives the same dashboard when the session's time zone is America/New_York", async () => {
      const utc = await getTalentDashboard(db, dana.actor, now);
      expect(await inNewYork(handle, (zoned) => getTalentDashboard(zoned, dana.actor, now))).toEqual(utc);
    });

    it("is refused to a professional", async () => {
      await expectAppError(getTalentDashboard(db, casey.actor, now), "forbidden");
    });
  });
});
