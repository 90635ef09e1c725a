import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import type { Role } from "@/modules/access/roles";
import { canChangeMedia, canManageOwnMedia, canViewMedia, isPublicMedia } from "./policies";

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

  describe("who sees a file", () => {
    const listed = { ownerId: "owner", isPublished: true, isHidden: false };
    const draft = { ...listed, isPublished: false };
    const hidden = { ...listed, isHidden: true };
    const main = { purpose: "showreel" as const, isPrimary: true, status: "ready" as const };
    const second = { ...main, isPrimary: false };
    const cv = { purpose: "cv" as const, isPrimary: true, status: "ready" as const };
    const subscriber: Actor = {
      ...actor("PROFESSIONAL", "pro"),
      subscription: { status: "active", plan: "PROFESSIONAL", currentPeriodEnd: new Date(Date.now() + 86_400_000) },
    };

    it("makes the main reel of a listed profile public, and nothing else", () => {
      expect(isPublicMedia(listed, main)).toBe(true);
      expect(isPublicMedia(listed, { ...main, purpose: "voice_reel" })).toBe(true);
      expect(isPublicMedia(listed, second)).toBe(false);
      expect(isPublicMedia(listed, cv)).toBe(false);
      expect(isPublicMedia(draft, main)).toBe(false);
      expect(isPublicMedia(hidden, main)).toBe(false);
      expect(isPublicMedia(listed, { ...main, status: "processing" })).toBe(false);
    });

    it("shows premium files to subscribers and the owner, never to visitors or free accounts", () => {
      expect(canViewMedia(null, listed, main)).toBe(true);
      expect(canViewMedia(null, listed, second)).toBe(false);
      expect(canViewMedia(actor("PROFESSIONAL", "free"), listed, cv)).toBe(false);
      expect(canViewMedia(subscriber, listed, cv)).toBe(true);
      expect(canViewMedia(actor("TALENT", "owner"), listed, second)).toBe(true);
    });

    it("keeps an unpublished talent's files to the talent", () => {
      expect(canViewMedia(null, draft, main)).toBe(false);
      expect(canViewMedia(subscriber, draft, main)).toBe(false);
      expect(canViewMedia(actor("TALENT", "owner"), draft, main)).toBe(true);
    });

    it("never shows a file that is processing or failed, even to its owner", () => {
      expect(canViewMedia(actor("TALENT", "owner"), listed, { ...main, status: "processing" })).toBe(false);
      expect(canViewMedia(actor("TALENT", "owner"), listed, { ...main, status: "failed" })).toBe(false);
    });
  });
});
