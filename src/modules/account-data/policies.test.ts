import { describe, expect, it } from "vitest";
import { canDeleteOwnAccount } from "./policies";

describe("who may delete their own account", () => {
  it("lets talents, professionals and companies delete their account", () => {
    for (const role of ["TALENT", "PROFESSIONAL", "COMPANY"] as const)
      expect(canDeleteOwnAccount({ role, otherActiveAdmins: 0 })).toEqual({ allowed: true });
  });

  it("lets an admin go while another admin can still sign in", () => {
    expect(canDeleteOwnAccount({ role: "ADMIN", otherActiveAdmins: 1 })).toEqual({ allowed: true });
  });

  it("keeps the last admin, saying how to make another one first", () => {
    expect(canDeleteOwnAccount({ role: "ADMIN", otherActiveAdmins: 0 })).toMatchObject({
      allowed: false,
      code: "forbidden",
      message: expect.stringMatching(/last admin/),
    });
  });
});
