import { describe, expect, it } from "vitest";
import { describePermissions, hasPermission, permissions, rolePermissions } from "./permissions";
import { roles } from "./roles";

describe("the permission table", () => {
  it("describes every permission in one line", () => {
    for (const description of Object.values(permissions)) {
      expect(description.length).toBeGreaterThan(10);
      expect(description).not.toContain("\n");
    }
  });

  it("gives every role only known permissions, and at least one", () => {
    for (const role of roles) {
      expect(rolePermissions[role].length).toBeGreaterThan(0);
      for (const permission of rolePermissions[role]) expect(permissions).toHaveProperty(permission);
    }
  });

  it("lets talents reply but never start a conversation", () => {
    expect(hasPermission("TALENT", "conversation:reply")).toBe(true);
    expect(hasPermission("TALENT", "conversation:start")).toBe(false);
    expect(hasPermission("TALENT", "talent:view-premium")).toBe(false);
  });

  it("keeps moderation to admins", () => {
    for (const role of roles) expect(hasPermission(role, "user:moderate")).toBe(role === "ADMIN");
  });

  it("gives professionals and companies the same rights", () => {
    expect(rolePermissions.COMPANY).toEqual(rolePermissions.PROFESSIONAL);
  });

  it("describes a role's rights for the home page", () => {
    expect(describePermissions("ADMIN")).toContainEqual({
      permission: "user:moderate",
      description: permissions["user:moderate"],
    });
  });
});
