import { describe, expect, it } from "vitest";
import { checkPremiumAccess } from "./premium";
import type { Actor, SubscriptionFacts } from "./types";

const now = new Date("2026-11-21T12:00:00Z");
const future = new Date("2026-12-21T12:00:00Z");
const past = new Date("2026-11-20T12:00:00Z");

const actor = (role: Actor["role"], subscription: SubscriptionFacts | null = null): Actor => ({
  userId: "u1",
  name: "N",
  email: "n@example.test",
  role,
  subscription,
  timeZone: "UTC",
});
const subscription = (status: SubscriptionFacts["status"], currentPeriodEnd = future): SubscriptionFacts => ({
  plan: "PROFESSIONAL",
  status,
  currentPeriodEnd,
});

describe("checkPremiumAccess", () => {
  it("says a signed-out visitor must sign in", () => {
    expect(checkPremiumAccess(null, now)).toEqual({ allowed: false, reason: "signed_out" });
  });

  it("always allows admins, with or without a subscription", () => {
    expect(checkPremiumAccess(actor("ADMIN"), now)).toEqual({ allowed: true });
  });

  it("never gives talents premium access, whatever they hold", () => {
    expect(checkPremiumAccess(actor("TALENT"), now)).toEqual({ allowed: false, reason: "role_not_eligible" });
    expect(checkPremiumAccess(actor("TALENT", subscription("active")), now)).toEqual({
      allowed: false,
      reason: "role_not_eligible",
    });
  });

  const table: [SubscriptionFacts["status"] | "none", Date, ReturnType<typeof checkPremiumAccess>][] = [
    ["none", future, { allowed: false, reason: "not_subscribed" }],
    ["active", future, { allowed: true }],
    ["trialing", future, { allowed: true }],
    ["active", past, { allowed: false, reason: "not_subscribed" }],
    ["trialing", past, { allowed: false, reason: "not_subscribed" }],
    ["past_due", future, { allowed: false, reason: "payment_failed" }],
    ["unpaid", future, { allowed: false, reason: "payment_failed" }],
    ["incomplete", future, { allowed: false, reason: "payment_failed" }],
    ["canceled", future, { allowed: false, reason: "not_subscribed" }],
    ["canceled", past, { allowed: false, reason: "not_subscribed" }],
  ];

  for (const role of ["PROFESSIONAL", "COMPANY"] as const) {
    it.each(table)(`${role} with status %s (period ending %s)`, (status, periodEnd, expected) => {
      const facts = status === "none" ? null : { ...subscription(status, periodEnd), plan: role };
      expect(checkPremiumAccess(actor(role, facts), now)).toEqual(expected);
    });
  }
});
