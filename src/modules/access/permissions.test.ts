import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describePermissions, hasPermission, permissions, rolePermissions, type Permission } from "./permissions";
import { roles } from "./roles";

/** The source of every policy file: each module's policies.ts, and the access module's premium rule. */
function policySources(): string[] {
  const modules = path.resolve(import.meta.dirname, "..");
  const files = readdirSync(modules)
    .map((module) => path.join(modules, module, "policies.ts"))
    .filter((file) => existsSync(file));
  return [...files, path.join(modules, "access", "premium.ts")].map((file) => readFileSync(file, "utf8"));
}

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

  it("has every permission consulted by at least one policy, and held by at least one role", () => {
    const sources = policySources().join("\n");
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(sources, `a policy consults ${permission}`).toContain(`"${permission}"`);
      expect(
        roles.some((role) => hasPermission(role, permission)),
        `a role holds ${permission}`,
      ).toBe(true);
    }
  });

  it("lets only admins message any user, and only talents keep a profile and block senders", () => {
    for (const role of roles) {
      expect(hasPermission(role, "user:message-any")).toBe(role === "ADMIN");
      expect(hasPermission(role, "profile:manage-own")).toBe(role === "TALENT");
      expect(hasPermission(role, "sender:block")).toBe(role === "TALENT");
    }
  });

  it("lets the roles that subscribe, and only those, manage a subscription", () => {
    for (const role of roles)
      expect(hasPermission(role, "subscription:manage")).toBe(role === "PROFESSIONAL" || role === "COMPANY");
  });

  it("describes a role's rights for the home page", () => {
    expect(describePermissions("ADMIN")).toContainEqual({
      permission: "user:moderate",
      description: permissions["user:moderate"],
    });
  });
});
