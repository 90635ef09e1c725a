import { describe, expect, it } from "vitest";
import {
  canBeApproached,
  canMessageAnyone,
  canModerate,
  canSubscribe,
  canSuspend,
  canUsePremium,
  getApproachActions,
  getUpgradeReason,
  type RoleHolder,
} from "./policies";
import { roles, type Role } from "./roles";
import type { Actor } from "./types";

const future = new Date(Date.now() + 86_400_000);
const actor = (role: Role, subscribed: boolean): Actor => ({
  userId: `${role.toLowerCase()}-1`,
  name: role,
  email: "me@example.test",
  role,
  subscription: subscribed ? { plan: "PROFESSIONAL", status: "active", currentPeriodEnd: future } : null,
  timeZone: "UTC",
});

type Answers = {
  moderate: boolean;
  messageAnyone: boolean;
  subscribe: boolean;
  approached: boolean;
  premiumSubscribed: boolean;
  premiumUnsubscribed: boolean;
};

/** What each role may do by its role alone; premium with an active subscription, and without one. */
const expected: Record<Role, Answers> = {
  TALENT: {
    moderate: false,
    messageAnyone: false,
    subscribe: false,
    approached: true,
    premiumSubscribed: false,
    premiumUnsubscribed: false,
  },
  PROFESSIONAL: {
    moderate: false,
    messageAnyone: false,
    subscribe: true,
    approached: false,
    premiumSubscribed: true,
    premiumUnsubscribed: false,
  },
  COMPANY: {
    moderate: false,
    messageAnyone: false,
    subscribe: true,
    approached: false,
    premiumSubscribed: true,
    premiumUnsubscribed: false,
  },
  ADMIN: {
    moderate: true,
    messageAnyone: true,
    subscribe: false,
    approached: false,
    premiumSubscribed: true,
    premiumUnsubscribed: true,
  },
};

describe("the access-level policies", () => {
  it.each(roles.map((role) => [role, expected[role]] as const))("answer for %s", (role, answers) => {
    expect({
      moderate: canModerate(actor(role, false)),
      messageAnyone: canMessageAnyone(actor(role, false)),
      subscribe: canSubscribe(actor(role, false)),
      approached: canBeApproached(actor(role, false)),
      premiumSubscribed: canUsePremium(actor(role, true)),
      premiumUnsubscribed: canUsePremium(actor(role, false)),
    }).toEqual(answers);
  });

  it("give no right to nobody: signed out, or a deleted account without a role", () => {
    const nobody: RoleHolder[] = [null, undefined, { role: null }];
    for (const account of nobody) {
      expect(canModerate(account)).toBe(false);
      expect(canMessageAnyone(account)).toBe(false);
      expect(canSubscribe(account)).toBe(false);
      expect(canBeApproached(account)).toBe(false);
    }
    expect(canUsePremium(null)).toBe(false);
  });
});

describe("who may suspend whom", () => {
  it("lets admins suspend every account but another admin's", () => {
    for (const role of roles) {
      const decision = canSuspend({ role: "ADMIN" }, { role });
      if (role === "ADMIN") expect(decision).toMatchObject({ allowed: false, code: "forbidden" });
      else expect(decision).toEqual({ allowed: true });
    }
  });

  it("answers anyone else as if the account did not exist", () => {
    for (const role of roles.filter((role) => role !== "ADMIN")) {
      expect(canSuspend({ role }, { role: "TALENT" })).toMatchObject({ allowed: false, code: "not_found" });
    }
  });
});

describe("getUpgradeReason and getApproachActions", () => {
  const past = new Date(Date.now() - 86_400_000);
  const withStatus = (status: NonNullable<Actor["subscription"]>["status"], end = future): Actor => ({
    ...actor("PROFESSIONAL", false),
    subscription: { plan: "PROFESSIONAL", status, currentPeriodEnd: end },
  });

  it("says why a professional or company cannot use premium, and nothing for those who can or never subscribe", () => {
    expect(getUpgradeReason(actor("PROFESSIONAL", false))).toBe("never_subscribed");
    expect(getUpgradeReason(actor("COMPANY", false))).toBe("never_subscribed");
    expect(getUpgradeReason(withStatus("incomplete"))).toBe("never_subscribed");
    expect(getUpgradeReason(withStatus("past_due"))).toBe("past_due");
    expect(getUpgradeReason(withStatus("unpaid"))).toBe("past_due");
    expect(getUpgradeReason(withStatus("canceled"))).toBe("canceled");
    expect(getUpgradeReason(withStatus("active", past))).toBe("canceled");
    expect(getUpgradeReason(actor("PROFESSIONAL", true))).toBeNull();
    expect(getUpgradeReason(actor("TALENT", false))).toBeNull();
    expect(getUpgradeReason(actor("ADMIN", false))).toBeNull();
    expect(getUpgradeReason(null)).toBeNull();
  });

  it("shows the profile's contact buttons to every signed-in non-talent, locked without a current subscription", () => {
    expect(getApproachActions(actor("PROFESSIONAL", true))).toBe("open");
    expect(getApproachActions(actor("ADMIN", false))).toBe("open");
    expect(getApproachActions(actor("PROFESSIONAL", false))).toBe("locked");
    expect(getApproachActions(actor("COMPANY", false))).toBe("locked");
    expect(getApproachActions(withStatus("past_due"))).toBe("locked");
    expect(getApproachActions(withStatus("canceled"))).toBe("locked");
    expect(getApproachActions(actor("TALENT", false))).toBe("none");
    expect(getApproachActions(null)).toBe("none");
  });
});
