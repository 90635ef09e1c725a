import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { emailJobs } from "@/db/schema/notifications";
import { createTalent } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import { timeSettingsInput } from "./inputs";
import { updateEmailPreferences, updateTimeSettings } from "./mutations";
import { nextDigestAtSql, notify } from "./notify";
import { getTimeSettings } from "./queries";
import type { MailTransport, OutgoingEmail } from "./transport";
import { runEmailWorkerTick } from "./worker";

class RecordingTransport implements MailTransport {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail) {
    this.sent.push(email);
  }
}

type Person = Awaited<ReturnType<typeof createTalent>>;

describe("the daily digest at each person's own hour", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  /** When a digest queued at `now` goes out for someone in `zone` who chose `hour`. */
  async function nextDigest(now: string, zone: string, hour: number): Promise<string> {
    const result = await db.execute(
      sql`select ${nextDigestAtSql(sql`${new Date(now)}::timestamptz`, sql`${zone}::text`, sql`${hour}::int`)} as at`,
    );
    const [row] = (result as unknown as { rows: { at: Date | string }[] }).rows;
    return new Date(row!.at).toISOString();
  }

  it("is today's hour in the person's zone while it is still ahead, else tomorrow's, either side of UTC", async () => {
    // 08:00 in Tokyo (UTC+9) is 23:00 UTC the day before.
    expect(await nextDigest("2026-03-10T00:00:00Z", "Asia/Tokyo", 8)).toBe("2026-03-10T23:00:00.000Z");
    expect(await nextDigest("2026-03-09T22:59:00Z", "Asia/Tokyo", 8)).toBe("2026-03-09T23:00:00.000Z");
    // 08:00 in Los Angeles (UTC-7 in March) is 15:00 UTC the same day.
    expect(await nextDigest("2026-03-10T12:00:00Z", "America/Los_Angeles", 8)).toBe("2026-03-10T15:00:00.000Z");
    expect(await nextDigest("2026-03-10T15:00:00Z", "America/Los_Angeles", 8)).toBe("2026-03-11T15:00:00.000Z");
    expect(await nextDigest("2026-03-10T07:59:59Z", "UTC", 8)).toBe("2026-03-10T08:00:00.000Z");
    expect(await nextDigest("2026-03-10T20:00:00Z", "Asia/Calcutta", 0)).toBe("2026-03-11T18:30:00.000Z");
  });

  it("keeps the local hour across the days New York's clocks change", async () => {
    // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT, so 08:00 is 12:00 UTC that day and 13:00 UTC the day before.
    expect(await nextDigest("2026-03-07T14:00:00Z", "America/New_York", 8)).toBe("2026-03-08T12:00:00.000Z");
    expect(await nextDigest("2026-03-07T12:00:00Z", "America/New_York", 8)).toBe("2026-03-07T13:00:00.000Z");
    // 1 November 2026: clocks go back from 02:00 EDT to 01:00 EST, so 08:00 is 13:00 UTC that day.
    expect(await nextDigest("2026-10-31T13:00:00Z", "America/New_York", 8)).toBe("2026-11-01T13:00:00.000Z");
    expect(await nextDigest("2026-11-01T12:30:00Z", "America/New_York", 8)).toBe("2026-11-01T13:00:00.000Z");
    // An hour that does not exist that day is read as standard time (03:00 EDT); one that happens twice, the second.
    expect(await nextDigest("2026-03-08T05:00:00Z", "America/New_York", 2)).toBe("2026-03-08T07:00:00.000Z");
    expect(await nextDigest("2026-11-01T04:30:00Z", "America/New_York", 1)).toBe("2026-11-01T06:00:00.000Z");
    // And once that hour has passed, the next digest is the following day's.
    expect(await nextDigest("2026-11-01T06:00:00Z", "America/New_York", 1)).toBe("2026-11-02T06:00:00.000Z");
  });

  async function personWithDailyDigest(timeZone: string, digestHour?: number): Promise<Person> {
    const person = await createTalent(db, { timeZone, digestHour });
    await updateEmailPreferences(db, person.actor, { messages: "daily", contact_requests: "daily", billing: "daily" });
    return person;
  }

  const notifyAt = (person: Person, now: Date) =>
    db.transaction((tx) =>
      notify(tx, { userId: person.id, type: "subscription.canceled", payload: { planName: "Professional" }, now }),
    );

  async function digestJobsOf(person: Person) {
    return db.select().from(emailJobs).where(eq(emailJobs.userId, person.id));
  }

  it("queues a person's notifications for their own hour and sends them once, when two workers run", async () => {
    const tokyo = await personWithDailyDigest("Asia/Tokyo", 8);
    const angeles = await personWithDailyDigest("America/Los_Angeles", 8);
    const now = new Date("2026-03-10T12:00:00Z");
    await notifyAt(tokyo, now);
    await notifyAt(tokyo, new Date(now.getTime() + 60_000));
    await notifyAt(angeles, now);
    const [tokyoJob] = await digestJobsOf(tokyo);
    const [angelesJob] = await digestJobsOf(angeles);
    expect(tokyoJob).toMatchObject({ kind: "digest", runAfter: new Date("2026-03-10T23:00:00Z") });
    expect(tokyoJob!.notificationIds).toHaveLength(2);
    expect(angelesJob).toMatchObject({ kind: "digest", runAfter: new Date("2026-03-10T15:00:00Z") });

    const transport = new RecordingTransport();
    await runEmailWorkerTick(db, transport, new Date("2026-03-10T14:59:00Z"));
    expect(transport.sent).toHaveLength(0);
    const atAngelesHour = new Date("2026-03-10T15:00:30Z");
    await Promise.all([
      runEmailWorkerTick(db, transport, atAngelesHour),
      runEmailWorkerTick(db, transport, atAngelesHour),
    ]);
    expect(transport.sent.map((mail) => mail.to)).toEqual([angeles.email]);
    await runEmailWorkerTick(db, transport, new Date("2026-03-10T23:00:30Z"));
    expect(transport.sent.filter((mail) => mail.to === tokyo.email)).toHaveLength(1);
  });

  it("sends at most one digest per local day: what comes after the hour waits for the next day's", async () => {
    const newYork = await personWithDailyDigest("America/New_York", 8);
    await notifyAt(newYork, new Date("2026-03-07T20:00:00Z"));
    const transport = new RecordingTransport();
    await runEmailWorkerTick(db, transport, new Date("2026-03-08T12:00:10Z"));
    expect(transport.sent).toHaveLength(1);
    await notifyAt(newYork, new Date("2026-03-08T12:05:00Z"));
    const pending = (await digestJobsOf(newYork)).filter((job) => job.status === "pending");
    expect(pending.map((job) => job.runAfter.toISOString())).toEqual(["2026-03-09T12:00:00.000Z"]);
  });

  it("uses DIGEST_HOUR for an account that never chose an hour", async () => {
    const person = await personWithDailyDigest("Europe/London");
    expect(await getTimeSettings(db, person.actor)).toEqual({ timeZone: "Europe/London", digestHour: 8 });
    await notifyAt(person, new Date("2026-07-01T09:00:00Z"));
    const [job] = await digestJobsOf(person);
    expect(job!.runAfter.toISOString()).toBe("2026-07-02T07:00:00.000Z");
  });

  it("changes only the actor's own settings, and moves their pending digest to the new hour and zone", async () => {
    const person = await personWithDailyDigest("UTC", 8);
    const other = await personWithDailyDigest("UTC", 8);
    await notifyAt(person, new Date(Date.now() - 60_000));
    await notifyAt(other, new Date(Date.now() - 60_000));
    const [otherBefore] = await digestJobsOf(other);

    // A user id smuggled into the form is not part of the input: the change is always the actor's own.
    const input = timeSettingsInput.parse({ timeZone: "Asia/Tokyo", digestHour: "21", userId: other.id });
    expect(input).toEqual({ timeZone: "Asia/Tokyo", digestHour: 21 });
    await updateTimeSettings(db, person.actor, input);

    expect(await getTimeSettings(db, person.actor)).toEqual({ timeZone: "Asia/Tokyo", digestHour: 21 });
    expect(await getTimeSettings(db, other.actor)).toEqual({ timeZone: "UTC", digestHour: 8 });
    const [moved] = await digestJobsOf(person);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(moved!.runAfter);
    expect(local).toBe("21:00");
    expect(moved!.runAfter.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(moved!.runAfter.getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
    const [otherAfter] = await digestJobsOf(other);
    expect(otherAfter!.runAfter).toEqual(otherBefore!.runAfter);
  });

  it("refuses to set the settings of an account that no longer exists", async () => {
    const ghost = { ...(await createTalent(db)).actor, userId: randomUUID() };
    await expect(updateTimeSettings(db, ghost, { timeZone: "UTC", digestHour: 8 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lets the database refuse an hour out of range even from a caller that skipped the input schema", async () => {
    const person = await createTalent(db);
    await expect(db.update(users).set({ digestHour: 24 }).where(eq(users.id, person.id))).rejects.toThrow();
  });
});
