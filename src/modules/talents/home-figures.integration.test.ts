import { describe, expect, it } from "vitest";
import { createAdmin, createProfessional, createTalentWithProfile } from "@/db/seed/factories";
import { reportConversation, startConversation } from "@/modules/messaging/mutations";
import { countRecentReports } from "@/modules/messaging/queries";
import { freshDatabase } from "@/test/database";
import { recordProfileView } from "./mutations";
import { countOwnProfileViews } from "./queries";

describe("the figures on a person's home", () => {
  it("counts views of the talent's own profile over the last seven days only, and none for anyone else", async () => {
    const { db } = await freshDatabase();
    const talent = await createTalentWithProfile(db);
    const other = await createTalentWithProfile(db);
    const pro = await createProfessional(db, { subscription: true });
    const now = new Date("2026-03-10T12:00:00Z");
    await recordProfileView(db, talent.profileId, now);
    await recordProfileView(db, talent.profileId, now);
    await recordProfileView(db, talent.profileId, new Date("2026-03-04T08:00:00Z"));
    await recordProfileView(db, talent.profileId, new Date("2026-03-03T23:00:00Z"));
    await recordProfileView(db, other.profileId, now);
    expect(await countOwnProfileViews(db, talent.actor, 7, now)).toBe(3);
    expect(await countOwnProfileViews(db, other.actor, 7, now)).toBe(1);
    expect(await countOwnProfileViews(db, pro.actor, 7, now)).toBe(0);
  });

  it("counts conversations reported in the last days for admins, and refuses anyone else as not found", async () => {
    const { db } = await freshDatabase();
    const admin = await createAdmin(db);
    const talent = await createTalentWithProfile(db);
    const pro = await createProfessional(db, { subscription: true });
    const conversationId = await startConversation(db, pro.actor, talent.id);
    await reportConversation(db, talent.actor, { conversationId, reason: "spam", note: "" });
    expect(await countRecentReports(db, admin.actor, 30)).toBe(1);
    expect(await countRecentReports(db, admin.actor, 30, new Date(Date.now() + 31 * 86_400_000))).toBe(0);
    await expect(countRecentReports(db, pro.actor)).rejects.toMatchObject({ code: "not_found" });
    await expect(countRecentReports(db, talent.actor)).rejects.toMatchObject({ code: "not_found" });
  });
});
