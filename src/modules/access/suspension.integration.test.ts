import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions } from "@/db/schema/auth";
import { createAdmin, createProfessional, createTalent } from "@/db/seed/factories";
import type { Db } from "@/db";
import { listUsersForAdmin } from "@/modules/admin/queries";
import { listAuditEntries } from "@/modules/admin/queries";
import { freshDatabase } from "@/test/database";
import { createAuth, type Auth } from "./auth";
import { reinstateUser, suspendUser } from "./mutations";

describe("suspending accounts", () => {
  let db: Db;
  let auth: Auth;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    auth = createAuth(db);
  });

  it("ends the account's sessions at once and refuses its sign-in with a clear message, until reinstated", async () => {
    const admin = await createAdmin(db);
    const pro = await createProfessional(db, { password: "pro-password" });
    await auth.api.signInEmail({ body: { email: pro.email, password: "pro-password" } });
    await auth.api.signInEmail({ body: { email: pro.email, password: "pro-password" } });
    expect(await db.select().from(sessions).where(eq(sessions.userId, pro.id))).toHaveLength(2);

    await suspendUser(db, admin.actor, { userId: pro.id, reason: "Sent abusive messages to talents." });
    expect(await db.select().from(sessions).where(eq(sessions.userId, pro.id))).toHaveLength(0);
    await expect(auth.api.signInEmail({ body: { email: pro.email, password: "pro-password" } })).rejects.toThrow(
      /This account is suspended/,
    );

    const listed = await listUsersForAdmin(db, admin.actor, { q: pro.email });
    expect(listed.items[0]).toMatchObject({ suspendedReason: "Sent abusive messages to talents." });

    await reinstateUser(db, admin.actor, pro.id);
    await expect(auth.api.signInEmail({ body: { email: pro.email, password: "pro-password" } })).resolves.toBeTruthy();

    const audit = await listAuditEntries(db, admin.actor);
    expect(audit.filter((entry) => entry.targetId === pro.id).map((entry) => [entry.action, entry.detail])).toEqual([
      ["user.reinstate", {}],
      ["user.suspend", { reason: "Sent abusive messages to talents." }],
    ]);
  });

  it("lets only admins suspend, never themselves or another admin", async () => {
    const admin = await createAdmin(db);
    const otherAdmin = await createAdmin(db);
    const talent = await createTalent(db);
    await expect(
      suspendUser(db, talent.actor, { userId: admin.id, reason: "Trying my luck here" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(suspendUser(db, admin.actor, { userId: admin.id, reason: "Suspending myself now" })).rejects.toThrow(
      /your own account/,
    );
    await expect(
      suspendUser(db, admin.actor, { userId: otherAdmin.id, reason: "Admin turf war today" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      suspendUser(db, admin.actor, { userId: "no-such-user", reason: "Nobody at all here" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("filters the admin list by account type and subscription", async () => {
    const admin = await createAdmin(db);
    const subscribed = await createProfessional(db, { name: "Filter Subscribed", subscription: true });
    await createProfessional(db, { name: "Filter Free" });
    const active = await listUsersForAdmin(db, admin.actor, { q: "filter", subscription: "active" });
    expect(active.items.map((user) => user.id)).toEqual([subscribed.id]);
    const none = await listUsersForAdmin(db, admin.actor, { q: "filter", subscription: "none", role: "PROFESSIONAL" });
    expect(none.items.map((user) => user.name)).toEqual(["Filter Free"]);
  });

  it("pages through accounts for admins, newest first", async () => {
    const admin = await createAdmin(db);
    for (let index = 0; index < 5; index += 1)
      await createProfessional(db, {
        name: `Paged Account ${index}`,
        createdAt: new Date(Date.UTC(2025, 0, 1 + index)),
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsersForAdmin(db, admin.actor, { q: "paged account", cursor }, 2);
      seen.push(...page.items.map((user) => user.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      "Paged Account 4",
      "Paged Account 3",
      "Paged Account 2",
      "Paged Account 1",
      "Paged Account 0",
    ]);
  });
});
