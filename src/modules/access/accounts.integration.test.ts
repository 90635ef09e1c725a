import { beforeAll, describe, expect, it } from "vitest";
import { createTalent } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import type { Db } from "@/db";
import { createAdminAccount } from "./accounts";
import { countUsersByRole, listNewestUsers } from "./queries";

describe("admin accounts and oversight", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("creates an admin from the command line input", async () => {
    const admin = await createAdminAccount(db, { email: " Ops@Callback.test", password: "a-long-admin-password" });
    expect(admin).toMatchObject({ email: "ops@callback.test", role: "ADMIN", name: "Admin" });
  });

  it("explains what is wrong with the input, naming the flags", async () => {
    await expect(createAdminAccount(db, { email: "nope", password: "short" })).rejects.toThrow(
      /--email: .*valid email[\s\S]*--password: .*12 characters/,
    );
  });

  it("refuses an email that already has an account", async () => {
    await createTalent(db, { email: "taken@callback.test" });
    await expect(
      createAdminAccount(db, { email: "taken@callback.test", password: "a-long-admin-password" }),
    ).rejects.toThrow(/already exists/);
  });

  it("lets admins count and list accounts, and answers 'not found' to everyone else", async () => {
    const admin = await createAdminAccount(db, {
      email: "lead@callback.test",
      password: "a-long-admin-password",
      name: "Lead Admin",
    });
    const talent = await createTalent(db);
    const totals = await countUsersByRole(db, admin.actor);
    expect(totals).toMatchObject({ ADMIN: 2, TALENT: 2, PROFESSIONAL: 0, COMPANY: 0 });
    expect((await listNewestUsers(db, admin.actor, 1))[0]?.id).toBe(talent.id);
    await expect(countUsersByRole(db, talent.actor)).rejects.toMatchObject({ code: "not_found" });
    await expect(listNewestUsers(db, talent.actor)).rejects.toMatchObject({ code: "not_found" });
  });
});
