import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import {
  canAskTalentAgain,
  canSeeSenderStats,
  canSendContactRequest,
  canSendRequests,
  canTransition,
  canUseRequestQuota,
  describeRemainingQuota,
  hasRequestQuota,
  nextMonthStart,
  quotaWindows,
  requestStatuses,
  revealedFields,
  type RequestStatus,
  type TalentFacts,
} from "./policies";

const future = new Date(Date.now() + 86_400_000);
const actor = (role: Actor["role"], subscribed = false): Actor => ({
  userId: "me",
  name: "Me",
  email: "me@example.test",
  role,
  subscription: subscribed ? { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: future } : null,
  timeZone: "UTC",
});
const talent: TalentFacts = {
  userId: "talent",
  role: "TALENT",
  isSuspended: false,
  hasBlockedSender: false,
  isListed: true,
};

describe("the request state machine", () => {
  it("moves only a pending request: the talent answers it, the sender withdraws it", () => {
    const moves: [Actor, "talent" | "sender", RequestStatus][] = [
      [actor("TALENT"), "talent", "APPROVED"],
      [actor("TALENT"), "talent", "DECLINED"],
      [actor("PROFESSIONAL", true), "sender", "WITHDRAWN"],
      [actor("COMPANY"), "sender", "WITHDRAWN"],
      [actor("ADMIN"), "sender", "WITHDRAWN"],
    ];
    for (const [who, side, to] of moves) {
      for (const from of requestStatuses) {
        const decision = canTransition(who, side, from, to);
        if (from === "PENDING") expect(decision, `${who.role} ${from} -> ${to}`).toEqual({ allowed: true });
        else expect(decision, `${who.role} ${from} -> ${to}`).toMatchObject({ allowed: false, code: "conflict" });
      }
    }
  });

  it("lets nobody make a move that is not their side's, nor expire a request, and answers as for a missing one", () => {
    const refused: [Actor, "talent" | "sender", RequestStatus][] = [
      [actor("PROFESSIONAL", true), "talent", "APPROVED"],
      [actor("ADMIN"), "talent", "DECLINED"],
      [actor("TALENT"), "sender", "WITHDRAWN"],
      [actor("TALENT"), "talent", "WITHDRAWN"],
      [actor("PROFESSIONAL", true), "sender", "APPROVED"],
      [actor("TALENT"), "talent", "EXPIRED"],
      [actor("ADMIN"), "sender", "EXPIRED"],
      [actor("TALENT"), "talent", "PENDING"],
    ];
    for (const [who, side, to] of refused) {
      expect(canTransition(who, side, "PENDING", to), `${who.role} as ${side} -> ${to}`).toEqual({
        allowed: false,
        code: "not_found",
        message: "That request does not exist.",
      });
    }
  });
});

describe("who sends requests, and whose count against a quota", () => {
  const answers: [Actor["role"], boolean, boolean][] = [
    ["TALENT", false, false],
    ["PROFESSIONAL", true, true],
    ["COMPANY", true, true],
    ["ADMIN", true, false],
  ];
  it.each(answers)("%s: sends requests %s, has a quota %s", (role, sends, quota) => {
    expect(canSendRequests(actor(role, true))).toBe(sends);
    expect(hasRequestQuota(actor(role, true))).toBe(quota);
  });
});

describe("who may see a sender's track record", () => {
  it("shows it to a talent who received a request from the sender, and to admins", () => {
    expect(canSeeSenderStats(actor("TALENT"), { hasReceivedRequestFromSender: true })).toEqual({ allowed: true });
    expect(canSeeSenderStats(actor("ADMIN"), { hasReceivedRequestFromSender: false })).toEqual({ allowed: true });
  });

  it("answers as for a missing sender to anyone else", () => {
    for (const who of [actor("TALENT"), actor("PROFESSIONAL", true), actor("COMPANY", true)]) {
      expect(canSeeSenderStats(who, { hasReceivedRequestFromSender: false })).toMatchObject({
        allowed: false,
        code: "not_found",
      });
    }
    expect(canSeeSenderStats(actor("PROFESSIONAL", true), { hasReceivedRequestFromSender: true })).toMatchObject({
      allowed: false,
      code: "not_found",
    });
  });
});

describe("who may send a contact request", () => {
  it("allows subscribed professionals and companies, and admins", () => {
    expect(canSendContactRequest(actor("PROFESSIONAL", true), talent)).toEqual({ allowed: true });
    expect(canSendContactRequest(actor("COMPANY", true), talent)).toEqual({ allowed: true });
    expect(canSendContactRequest(actor("ADMIN"), talent)).toEqual({ allowed: true });
  });

  it("refuses talents, non-subscribers, blocked senders, unlisted or unavailable talents, and yourself", () => {
    expect(canSendContactRequest(actor("TALENT"), talent)).toMatchObject({ allowed: false, code: "forbidden" });
    expect(canSendContactRequest(actor("PROFESSIONAL"), talent)).toMatchObject({
      allowed: false,
      code: "subscription_required",
    });
    expect(canSendContactRequest(actor("PROFESSIONAL", true), { ...talent, hasBlockedSender: true })).toMatchObject({
      allowed: false,
      message: "This talent is not accepting contact requests from you.",
    });
    expect(canSendContactRequest(actor("PROFESSIONAL", true), { ...talent, isListed: false }).allowed).toBe(false);
    expect(canSendContactRequest(actor("PROFESSIONAL", true), { ...talent, isSuspended: true }).allowed).toBe(false);
    expect(canSendContactRequest(actor("ADMIN"), { ...talent, userId: "me" })).toMatchObject({
      allowed: false,
      code: "invalid_input",
    });
  });
});

describe("the reveal rule", () => {
  const request = {
    senderId: "sender",
    talentUserId: "talent",
    status: "APPROVED" as const,
    sharedFields: ["agent"],
    revokedAt: null,
  };

  it("shows the sender exactly the shared fields of an approved, unrevoked request", () => {
    expect(revealedFields("sender", request)).toEqual(["agent"]);
    expect(revealedFields("sender", { ...request, sharedFields: ["phone", "email"] })).toEqual(["phone", "email"]);
  });

  it("shows nothing before approval, after a decline, expiry, withdrawal or revocation, or to anyone else", () => {
    for (const status of ["PENDING", "DECLINED", "EXPIRED", "WITHDRAWN"] as const)
      expect(revealedFields("sender", { ...request, status })).toEqual([]);
    expect(revealedFields("sender", { ...request, revokedAt: new Date() })).toEqual([]);
    expect(revealedFields("stranger", request)).toEqual([]);
  });

  it("always lets the talent see its own details", () => {
    expect(revealedFields("talent", { ...request, status: "PENDING" })).toEqual(["phone", "email", "agent"]);
  });
});

describe("quota windows", () => {
  it("counts by calendar month and day, in UTC", () => {
    expect(quotaWindows(new Date("2026-11-30T23:59:59Z"))).toEqual({ month: "month:2026-11", day: "day:2026-11-30" });
    expect(nextMonthStart(new Date("2026-12-15T10:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("the checks before a request is filled in", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const quota = { monthUsed: 4, monthLimit: 30, dayUsed: 2, dayCap: 20 };

  it("lets the actor ask a talent with no pending request and no recent decline", () => {
    expect(canAskTalentAgain({ pendingRequestId: null, lastDeclinedAt: null, cooldownDays: 30 })).toEqual({
      allowed: true,
    });
  });

  it("says a request is already pending", () => {
    expect(canAskTalentAgain({ pendingRequestId: "req", lastDeclinedAt: null, cooldownDays: 30 })).toMatchObject({
      allowed: false,
      code: "conflict",
      message: expect.stringMatching(/already have a pending request/),
    });
  });

  it("names the day the cooldown after a decline ends", () => {
    const decision = canAskTalentAgain({
      pendingRequestId: null,
      lastDeclinedAt: new Date("2026-03-01T09:00:00Z"),
      cooldownDays: 30,
    });
    expect(decision).toMatchObject({ allowed: false, code: "rate_limited" });
    expect(!decision.allowed && decision.message).toBe(
      "This talent declined your last request. You can ask again from 31 March 2026.",
    );
  });

  it("refuses at the monthly quota, naming when more come, and at the daily cap", () => {
    expect(canUseRequestQuota(quota, now)).toEqual({ allowed: true });
    const month = canUseRequestQuota({ ...quota, monthUsed: 30 }, now);
    expect(!month.allowed && month.message).toMatch(/used all 30 contact requests .* from 1 April 2026/);
    const day = canUseRequestQuota({ ...quota, dayUsed: 20 }, now);
    expect(!day.allowed && day.message).toMatch(/at most 20 contact requests a day/);
  });

  it("says what is left by the tighter limit: the month, or today when the daily cap leaves fewer", () => {
    expect(describeRemainingQuota(quota)).toBe("You have 18 requests left today.");
    expect(describeRemainingQuota({ ...quota, monthUsed: 25 })).toBe("You have 5 requests left this month.");
    expect(describeRemainingQuota({ ...quota, monthUsed: 29, dayUsed: 0 })).toBe("You have 1 request left this month.");
    expect(describeRemainingQuota({ ...quota, monthUsed: 10, dayUsed: 19, dayCap: 20 })).toBe(
      "You have 1 request left today.",
    );
  });
});
