import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import {
  canSendContactRequest,
  canTransition,
  nextMonthStart,
  quotaWindows,
  requestStatuses,
  revealedFields,
  type TalentFacts,
} from "./policies";

const future = new Date(Date.now() + 86_400_000);
const actor = (role: Actor["role"], subscribed = false): Actor => ({
  userId: "me",
  name: "Me",
  email: "me@example.test",
  role,
  subscription: subscribed ? { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: future } : null,
});
const talent: TalentFacts = {
  userId: "talent",
  role: "TALENT",
  isSuspended: false,
  hasBlockedSender: false,
  isListed: true,
};

describe("the request state machine", () => {
  it("moves only a pending request, and only to an answer, an expiry or a withdrawal", () => {
    for (const from of requestStatuses) {
      for (const to of requestStatuses) {
        const allowed = from === "PENDING" && to !== "PENDING";
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed);
      }
    }
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
