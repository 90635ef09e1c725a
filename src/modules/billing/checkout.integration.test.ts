import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema/billing";
import { createAdmin, createCompany, createProfessional, createTalent } from "@/db/seed/factories";
import type { Db } from "@/db";
import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";
import { freshDatabase } from "@/test/database";
import {
  cancelTestSubscription,
  changeTestInterval,
  completeTestCheckout,
  resumeTestSubscription,
  retryTestPayment,
  startCheckout,
} from "./mutations";
import { TestBillingProvider } from "./provider";
import { getOwnSubscription } from "./queries";
import { getSubscriptionFacts } from "./internal";

const provider = new TestBillingProvider();
const appUrl = "http://localhost:3000";

async function checkout(db: Db, actor: Actor, interval: "month" | "year" = "month") {
  const url = await startCheckout(
    db,
    provider,
    actor,
    { plan: actor.role === "COMPANY" ? "COMPANY" : "PROFESSIONAL", interval },
    appUrl,
  );
  expect(url).toMatch(/^\/billing\/checkout\/[0-9a-f-]{36}$/);
  return url.split("/").at(-1)!;
}

async function refreshed(db: Db, actor: Actor): Promise<Actor> {
  return { ...actor, subscription: await getSubscriptionFacts(db, actor.userId) };
}

describe("test-mode checkout", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });

  it("subscribes when the payment goes through, and premium access follows", async () => {
    const pro = await createProfessional(db);
    const sessionId = await checkout(db, pro.actor);
    expect(await completeTestCheckout(db, pro.actor, { sessionId, outcome: "pay" })).toBe("active");
    const actor = await refreshed(db, pro.actor);
    expect(actor.subscription).toMatchObject({ plan: "PROFESSIONAL", status: "active" });
    expect(checkPremiumAccess(actor)).toEqual({ allowed: true });
    await expect(completeTestCheckout(db, pro.actor, { sessionId, outcome: "pay" })).rejects.toThrow(/no longer open/);
    await expect(checkout(db, actor)).rejects.toThrow(/already have a subscription/);
  });

  it("leaves the subscription incomplete when the payment fails, and a retry makes it active", async () => {
    const company = await createCompany(db);
    const sessionId = await checkout(db, company.actor, "year");
    expect(await completeTestCheckout(db, company.actor, { sessionId, outcome: "fail" })).toBe("payment_failed");
    let actor = await refreshed(db, company.actor);
    expect(checkPremiumAccess(actor)).toEqual({ allowed: false, reason: "payment_failed" });
    await retryTestPayment(db, actor);
    actor = await refreshed(db, company.actor);
    expect(actor.subscription).toMatchObject({ plan: "COMPANY", status: "active" });
  });

  it("changes nothing when the checkout is canceled", async () => {
    const pro = await createProfessional(db);
    const sessionId = await checkout(db, pro.actor);
    expect(await completeTestCheckout(db, pro.actor, { sessionId, outcome: "cancel" })).toBe("canceled");
    expect(await getSubscriptionFacts(db, pro.id)).toBeNull();
  });

  it("keeps another account's checkout out of reach", async () => {
    const owner = await createProfessional(db);
    const stranger = await createProfessional(db);
    const sessionId = await checkout(db, owner.actor);
    await expect(completeTestCheckout(db, stranger.actor, { sessionId, outcome: "pay" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getSubscriptionFacts(db, stranger.id)).toBeNull();
  });

  it("offers plans only to the account type they are for", async () => {
    const pro = await createProfessional(db);
    await expect(
      startCheckout(db, provider, pro.actor, { plan: "COMPANY", interval: "month" }, appUrl),
    ).rejects.toThrow(/for company accounts/);
    for (const actor of [(await createTalent(db)).actor, (await createAdmin(db)).actor]) {
      await expect(
        startCheckout(db, provider, actor, { plan: "PROFESSIONAL", interval: "month" }, appUrl),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("cancels at the end of the period, resumes, and switches billing period, all through the same events", async () => {
    const pro = await createProfessional(db, { subscription: true });
    await cancelTestSubscription(db, pro.actor);
    expect(await getOwnSubscription(db, pro.actor)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(checkPremiumAccess(await refreshed(db, pro.actor))).toEqual({ allowed: true });
    await resumeTestSubscription(db, pro.actor);
    await expect(resumeTestSubscription(db, pro.actor)).rejects.toThrow(/nothing to resume/);
    await changeTestInterval(db, pro.actor, "year");
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, pro.id));
    expect(row).toMatchObject({ interval: "year", cancelAtPeriodEnd: false, status: "active" });
    expect(row!.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now() + 360 * 86_400_000);
  });
});
