import { beforeAll, describe, expect, it } from "vitest";
import { contactRequestCounters } from "@/db/schema/contact-requests";
import { createAdmin, createProfessional, createTalentWithProfile } from "@/db/seed/factories";
import type { Db } from "@/db";
import { freshDatabase } from "@/test/database";
import { contactRequestInput } from "./inputs";
import { declineContactRequest, sendContactRequest, withdrawContactRequest } from "./mutations";
import { quotaWindows } from "./policies";
import { getRequestPrecheck } from "./queries";

type Talent = Awaited<ReturnType<typeof createTalentWithProfile>>;

const requestFor = (profileId: string) =>
  contactRequestInput.parse({
    profileId,
    projectTitle: "The Long Night",
    role: "Lead",
    productionType: "film",
    description: "A feature film shooting in Bristol over six weeks next spring.",
    isPaid: "paid",
    rate: "$600 a day",
  });

describe("the check before a request form is filled in", () => {
  let db: Db;
  let talent: Talent;
  let otherTalent: Talent;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    talent = await createTalentWithProfile(db);
    otherTalent = await createTalentWithProfile(db);
  });

  it("lets a new sender ask anyone, and says what is left by the tighter limit", async () => {
    const pro = await createProfessional(db, { subscription: true });
    expect(await getRequestPrecheck(db, pro.actor, [talent.profileId])).toEqual({
      quotaBlock: null,
      remainingNote: "You have 20 requests left today.",
      talentBlocks: {},
    });
  });

  it("names the pending request to a talent, and only for that talent", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId));
    const precheck = await getRequestPrecheck(db, pro.actor, [talent.profileId, otherTalent.profileId]);
    expect(precheck.talentBlocks).toEqual({
      [talent.profileId]: { message: expect.stringMatching(/already have a pending request/), pendingRequestId: id },
    });
    expect(precheck.remainingNote).toBe("You have 19 requests left today.");

    await withdrawContactRequest(db, pro.actor, id);
    expect((await getRequestPrecheck(db, pro.actor, [talent.profileId])).talentBlocks).toEqual({});
  });

  it("says when the cooldown after a decline ends", async () => {
    const pro = await createProfessional(db, { subscription: true });
    const id = await sendContactRequest(db, pro.actor, requestFor(talent.profileId));
    await declineContactRequest(db, talent.actor, { requestId: id, block: false });
    const precheck = await getRequestPrecheck(db, pro.actor, [talent.profileId]);
    expect(precheck.talentBlocks[talent.profileId]).toEqual({
      message: expect.stringMatching(/declined your last request. You can ask again from \d+ \w+ \d{4}\./),
      pendingRequestId: null,
    });
  });

  it("refuses before the form when the month's quota or today's cap is used up", async () => {
    const now = new Date();
    const windows = quotaWindows(now);
    const monthly = await createProfessional(db, { subscription: true });
    await db.insert(contactRequestCounters).values({ senderId: monthly.id, window: windows.month, used: 30 });
    const atMonth = await getRequestPrecheck(db, monthly.actor, [talent.profileId], now);
    expect(atMonth.quotaBlock?.message).toMatch(/used all 30 contact requests of your plan this month/);
    expect(atMonth.remainingNote).toBe("You have 0 requests left this month.");

    const daily = await createProfessional(db, { subscription: true });
    await db.insert(contactRequestCounters).values([
      { senderId: daily.id, window: windows.month, used: 20 },
      { senderId: daily.id, window: windows.day, used: 20 },
    ]);
    const atDay = await getRequestPrecheck(db, daily.actor, [talent.profileId], now);
    expect(atDay.quotaBlock?.message).toMatch(/at most 20 contact requests a day/);

    const tight = await createProfessional(db, { subscription: true });
    await db.insert(contactRequestCounters).values({ senderId: tight.id, window: windows.day, used: 17 });
    expect((await getRequestPrecheck(db, tight.actor, [], now)).remainingNote).toBe("You have 3 requests left today.");
  });

  it("gives admins no quota, and talents nothing at all", async () => {
    const admin = await createAdmin(db);
    expect(await getRequestPrecheck(db, admin.actor, [talent.profileId, "not-an-id"])).toEqual({
      quotaBlock: null,
      remainingNote: null,
      talentBlocks: {},
    });
    await expect(getRequestPrecheck(db, talent.actor, [otherTalent.profileId])).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
