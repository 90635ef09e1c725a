import { describe, expect, it } from "vitest";
import type { Actor, SubscriptionFacts } from "@/modules/access/types";
import { canBlock, canSendMessage, canStartConversation, type CounterpartFacts } from "./policies";

const future = new Date(Date.now() + 86_400_000);
const subscription = (status: SubscriptionFacts["status"]): SubscriptionFacts => ({
  plan: "PROFESSIONAL",
  status,
  currentPeriodEnd: future,
});
const actor = (role: Actor["role"], sub: SubscriptionFacts | null = null): Actor => ({
  userId: `${role}-me`,
  name: role,
  email: "me@example.test",
  role,
  subscription: sub,
  timeZone: "UTC",
});
const talent: CounterpartFacts = { userId: "talent-1", role: "TALENT", isSuspended: false, hasBlockedActor: false };

const subscriptionStates: [string, SubscriptionFacts | null, boolean][] = [
  ["no subscription", null, false],
  ["active", subscription("active"), true],
  ["trialing", subscription("trialing"), true],
  ["past due", subscription("past_due"), false],
  ["unpaid", subscription("unpaid"), false],
  ["incomplete", subscription("incomplete"), false],
  ["canceled", subscription("canceled"), false],
];

describe("canStartConversation", () => {
  for (const role of ["PROFESSIONAL", "COMPANY"] as const) {
    it.each(subscriptionStates)(`${role} with %s may start one only with premium access`, (_state, sub, allowed) => {
      const decision = canStartConversation(actor(role, sub), talent);
      expect(decision.allowed).toBe(allowed);
      if (!decision.allowed) expect(decision.code).toBe("subscription_required");
    });
  }

  it("lets admins message any user, talents included and other professionals too", () => {
    expect(canStartConversation(actor("ADMIN"), talent)).toEqual({ allowed: true });
    expect(canStartConversation(actor("ADMIN"), { ...talent, role: "PROFESSIONAL" })).toEqual({ allowed: true });
  });

  it("never lets talents start conversations", () => {
    expect(canStartConversation(actor("TALENT"), { ...talent, role: "PROFESSIONAL" })).toMatchObject({
      allowed: false,
      code: "forbidden",
    });
  });

  it("refuses messaging yourself, deleted or unavailable accounts, non-talents, and talents who blocked you", () => {
    const pro = actor("PROFESSIONAL", subscription("active"));
    expect(canStartConversation(pro, { ...talent, userId: pro.userId })).toMatchObject({
      allowed: false,
      code: "invalid_input",
      message: "You cannot message yourself.",
    });
    expect(canStartConversation(pro, { ...talent, userId: null })).toMatchObject({
      allowed: false,
      message: expect.stringMatching(/deleted/),
    });
    expect(canStartConversation(pro, { ...talent, isSuspended: true })).toMatchObject({
      allowed: false,
      message: expect.stringMatching(/unavailable/),
    });
    expect(canStartConversation(pro, { ...talent, role: "COMPANY" })).toMatchObject({
      allowed: false,
      code: "forbidden",
    });
    expect(canStartConversation(pro, { ...talent, hasBlockedActor: true })).toMatchObject({
      allowed: false,
      message: "This talent is not accepting messages from you.",
    });
  });
});

describe("canSendMessage (replying in a conversation one is part of)", () => {
  it("lets talents always reply, and admins always write", () => {
    expect(canSendMessage(actor("TALENT"), { ...talent, role: "PROFESSIONAL" })).toEqual({ allowed: true });
    expect(canSendMessage(actor("ADMIN"), talent)).toEqual({ allowed: true });
  });

  for (const role of ["PROFESSIONAL", "COMPANY"] as const) {
    it.each(subscriptionStates)(
      `${role} with %s may write only with premium access (a lapsed subscriber only reads)`,
      (_state, sub, allowed) => {
        expect(canSendMessage(actor(role, sub), talent).allowed).toBe(allowed);
      },
    );
  }

  it("refuses writing to a deleted or unavailable account, or to a talent who blocked you", () => {
    const pro = actor("PROFESSIONAL", subscription("active"));
    expect(canSendMessage(pro, { ...talent, userId: null }).allowed).toBe(false);
    expect(canSendMessage(pro, { ...talent, isSuspended: true }).allowed).toBe(false);
    expect(canSendMessage(pro, { ...talent, hasBlockedActor: true })).toMatchObject({
      allowed: false,
      code: "forbidden",
    });
    expect(
      canSendMessage(actor("TALENT"), { userId: null, role: null, isSuspended: false, hasBlockedActor: false }).allowed,
    ).toBe(false);
  });
});

describe("canBlock", () => {
  it("lets talents block senders, except admins", () => {
    expect(canBlock(actor("TALENT"), { ...talent, role: "PROFESSIONAL" })).toEqual({ allowed: true });
    expect(canBlock(actor("TALENT"), { ...talent, role: "ADMIN" }).allowed).toBe(false);
    expect(canBlock(actor("PROFESSIONAL", subscription("active")), talent).allowed).toBe(false);
  });
});
