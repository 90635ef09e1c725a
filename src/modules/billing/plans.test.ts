import { describe, expect, it } from "vitest";
import { getPlanCapabilities, periodEndFrom, planForRole } from "./plans";

describe("plans", () => {
  it("defines what each plan allows, in one place", () => {
    expect(getPlanCapabilities("PROFESSIONAL")).toMatchObject({
      premiumProfiles: true,
      messaging: true,
      contactRequestsPerMonth: 30,
      collections: true,
    });
    expect(getPlanCapabilities("COMPANY")).toMatchObject({
      premiumProfiles: true,
      messaging: true,
      contactRequestsPerMonth: 150,
      collections: true,
    });
  });

  it("offers each subscribing account type its own plan, and none to talents or admins", () => {
    expect(planForRole("PROFESSIONAL")).toBe("PROFESSIONAL");
    expect(planForRole("COMPANY")).toBe("COMPANY");
    expect(planForRole("TALENT")).toBeNull();
    expect(planForRole("ADMIN")).toBeNull();
  });

  it("ends a monthly period a calendar month later and a yearly one a year later", () => {
    expect(periodEndFrom(new Date("2026-01-15T10:00:00Z"), "month").toISOString()).toBe("2026-02-15T10:00:00.000Z");
    expect(periodEndFrom(new Date("2026-01-15T10:00:00Z"), "year").toISOString()).toBe("2027-01-15T10:00:00.000Z");
  });
});
