import { describe, expect, it } from "vitest";
import type { Actor } from "@/modules/access/types";
import { audienceFor, canViewProfile, previewAudience, profileCompleteness, type CompletenessFacts } from "./policies";

const actor = (role: Actor["role"], userId = `${role.toLowerCase()}-1`): Actor => ({
  userId,
  role,
  name: role,
  email: `${userId}@example.test`,
  subscription: null,
  timeZone: "UTC",
});
const owner = actor("TALENT", "owner");
const published = { ownerId: "owner", isPublished: true, isHidden: false };
const draft = { ...published, isPublished: false };
const hidden = { ...published, isHidden: true };

describe("who may see a profile", () => {
  it("shows a published profile to everyone, signed in or not", () => {
    for (const viewer of [null, actor("TALENT"), actor("PROFESSIONAL"), actor("COMPANY"), actor("ADMIN")]) {
      expect(canViewProfile(viewer, published)).toBe(true);
    }
  });

  it("shows drafts and hidden profiles only to their talent and to admins", () => {
    for (const facts of [draft, hidden]) {
      expect(canViewProfile(null, facts)).toBe(false);
      expect(canViewProfile(actor("PROFESSIONAL"), facts)).toBe(false);
      expect(canViewProfile(actor("TALENT"), facts)).toBe(false);
      expect(canViewProfile(owner, facts)).toBe(true);
      expect(canViewProfile(actor("ADMIN"), facts)).toBe(true);
    }
  });
});

describe("who sees premium data and contact details", () => {
  it.each([
    ["a signed-out visitor", null, false, false, "signed_out"],
    ["another talent", actor("TALENT"), false, false, "role_not_eligible"],
    ["a professional without a subscription", actor("PROFESSIONAL"), false, false, "not_subscribed"],
    ["a company without a subscription", actor("COMPANY"), false, false, "not_subscribed"],
    ["an admin", actor("ADMIN"), true, true, undefined],
    ["the talent itself", owner, true, true, "role_not_eligible"],
  ] as const)("%s: premium %s, contact %s", (_who, viewer, premium, contact, reason) => {
    const audience = audienceFor(viewer, published);
    expect(audience.premium).toBe(premium);
    expect(audience.contact).toBe(contact);
    if (reason) expect(audience.premiumAccess).toEqual({ allowed: false, reason });
  });

  it("never shows contact details in a preview, and premium data only in the subscriber preview", () => {
    expect(previewAudience("public")).toMatchObject({ premium: false, contact: false });
    expect(previewAudience("subscriber")).toMatchObject({ premium: true, contact: false });
  });
});

describe("profileCompleteness", () => {
  const empty: CompletenessFacts = {
    hasPhoto: false,
    headline: "",
    city: "",
    country: "",
    categories: [],
    playingAgeMin: null,
    playingAgeMax: null,
    languages: [],
    skills: [],
    bio: "",
    heightCm: null,
    credits: 0,
    showreels: 0,
    hasContact: false,
  };
  const ready: CompletenessFacts = {
    ...empty,
    hasPhoto: true,
    headline: "Actor",
    city: "London",
    country: "GB",
    categories: ["actor"],
    playingAgeMin: 20,
    playingAgeMax: 30,
  };

  it("lists what is missing and refuses to publish an empty profile", () => {
    const completeness = profileCompleteness(empty);
    expect(completeness.percent).toBe(0);
    expect(completeness.canPublish).toBe(false);
    expect(completeness.missing.filter((item) => item.requiredToPublish).map((item) => item.key)).toEqual([
      "photo",
      "headline",
      "location",
      "categories",
      "playingAge",
    ]);
  });

  it("allows publishing once the essentials are there, and reaches 100% when all is filled in", () => {
    expect(profileCompleteness(ready).canPublish).toBe(true);
    const full = {
      ...ready,
      languages: ["English"],
      skills: ["Ballet"],
      bio: "x".repeat(80),
      heightCm: 170,
      credits: 1,
      showreels: 1,
      hasContact: true,
    };
    expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [], canPublish: true });
  });
});
