import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import type { Role } from "@/modules/access/roles";
import { canChangeMedia, canManageOwnMedia } from "./policies";

const actor = (role: Role, userId = "user-1"): Actor => ({
  userId,
  name: "Someone",
  email: "someone@callback.test",
  role,
  subscription: null,
  timeZone: "UTC",
});

describe("media policies", () => {
  it("lets talents, and only talents, manage their own media", () => {
    expect(canManageOwnMedia(actor("TALENT")).allowed).toBe(true);
    for (const role of ["PROFESSIONAL", "COMPANY", "ADMIN"] as const) {
      expect(canManageOwnMedia(actor(role))).toMatchObject({ allowed: false, code: "forbidden" });
    }
  });

  it("lets only the owner change a file, and answers anyone else as if it did not exist", () => {
    expect(canChangeMedia(actor("TALENT", "owner"), { ownerId: "owner" }).allowed).toBe(true);
    expect(canChangeMedia(actor("TALENT", "other"), { ownerId: "owner" })).toMatchObject({
      allowed: false,
      code: "not_found",
    });
    expect(canChangeMedia(actor("ADMIN", "admin"), { ownerId: "owner" })).toMatchObject({ code: "not_found" });
  });
});
