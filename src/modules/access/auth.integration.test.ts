import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { createProfessional } from "@/db/seed/factories";
import { freshDatabase } from "@/test/database";
import type { Db } from "@/db";
import { createAuth, type Auth } from "./auth";

describe("accounts through Better Auth", () => {
  let db: Db;
  let auth: Auth;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
    auth = createAuth(db);
  });

  const signUp = (body: Record<string, unknown>) =>
    auth.api.signUpEmail({ body: { name: "New Person", password: "callback-demo", ...body } as never });

  it("creates a talent account with a session", async () => {
    const result = await signUp({ email: "new.talent@example.test", role: "TALENT" });
    expect(result.token).toBeTruthy();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.email, "new.talent@example.test"));
    expect(row?.role).toBe("TALENT");
  });

  it("refuses ADMIN, or any unknown role, even when the auth endpoint is called directly", async () => {
    for (const role of ["ADMIN", "NOPE", ""]) {
      await expect(signUp({ email: `sneaky-${role || "blank"}@example.test`, role })).rejects.toThrow(/Choose Talent/);
    }
    const created = await db.select({ id: users.id }).from(users).where(eq(users.role, "ADMIN"));
    expect(created).toHaveLength(0);
  });

  it("refuses a second account with the same email, whatever its case, and keeps one", async () => {
    await signUp({ email: "twice@example.test", role: "COMPANY" });
    await expect(signUp({ email: "TWICE@example.test", role: "COMPANY" })).rejects.toThrow(/already exists/);
    expect(await db.select().from(users).where(eq(users.email, "twice@example.test"))).toHaveLength(1);
  });

  it("refuses a name with control characters", async () => {
    await expect(signUp({ email: "ctrl@example.test", role: "TALENT", name: "Bad\r\nBcc: x" })).rejects.toThrow(
      /control characters/,
    );
  });

  it("keeps the time zone the browser proposed at sign-up, and UTC for one it does not know", async () => {
    const zoneOf = async (email: string) =>
      (await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.email, email)))[0]?.timeZone;
    await signUp({ email: "tokyo@example.test", role: "TALENT", timeZone: "Asia/Tokyo" });
    expect(await zoneOf("tokyo@example.test")).toBe("Asia/Tokyo");
    await signUp({ email: "alias@example.test", role: "TALENT", timeZone: "US/Eastern" });
    expect(await zoneOf("alias@example.test")).toBe("America/New_York");
    for (const [index, timeZone] of ["Mars/Olympus_Mons", "+09:00", "'; drop table users; --", 42, ""].entries()) {
      await signUp({ email: `zone-${index}@example.test`, role: "TALENT", timeZone });
      expect(await zoneOf(`zone-${index}@example.test`)).toBe("UTC");
    }
    await signUp({ email: "no-zone@example.test", role: "TALENT" });
    expect(await zoneOf("no-zone@example.test")).toBe("UTC");
  });

  it("signs in an account built by the shared factories, and refuses a wrong password", async () => {
    const pro = await createProfessional(db, { email: "factory.pro@example.test", password: "factory-password" });
    const session = await auth.api.signInEmail({ body: { email: pro.email, password: "factory-password" } });
    expect(session.user.id).toBe(pro.id);
    await expect(auth.api.signInEmail({ body: { email: pro.email, password: "wrong-password" } })).rejects.toThrow(
      /Invalid email or password/,
    );
  });
});
