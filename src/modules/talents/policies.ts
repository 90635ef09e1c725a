import { hasPermission } from "@/modules/access/permissions";
import { canModerate } from "@/modules/access/policies";
import { checkPremiumAccess, type PremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";

/** What the visibility rules need to know about a profile. */
export type ProfileFacts = { ownerId: string; isPublished: boolean; isHidden: boolean };

/** Who sees which part of a profile, decided once per request. */
export type Audience = {
  isOwner: boolean;
  isAdmin: boolean;
  premium: boolean;
  contact: boolean;
  premiumAccess: PremiumAccess;
};

export function isListed(profile: Pick<ProfileFacts, "isPublished" | "isHidden">): boolean {
  return profile.isPublished && !profile.isHidden;
}

/** A published, unhidden profile is public; otherwise only its talent and admins may see it. */
export function canViewProfile(actor: Actor | null, profile: ProfileFacts): boolean {
  return isListed(profile) || actor?.userId === profile.ownerId || canModerate(actor);
}

export function audienceFor(actor: Actor | null, profile: ProfileFacts): Audience {
  const isOwner = actor?.userId === profile.ownerId;
  const isAdmin = canModerate(actor);
  const premiumAccess = checkPremiumAccess(actor);
  return {
    isOwner,
    isAdmin,
    premium: isOwner || premiumAccess.allowed,
    // The contact requests feature adds the one other way: an approved request.
    contact: isOwner || isAdmin,
    premiumAccess,
  };
}

/** How the talent previews its own profile: as a visitor, or as a subscriber sees it. */
export function previewAudience(as: "public" | "subscriber"): Audience {
  return {
    isOwner: false,
    isAdmin: false,
    premium: as === "subscriber",
    contact: false,
    premiumAccess: as === "subscriber" ? { allowed: true } : { allowed: false, reason: "not_subscribed" },
  };
}

/** Talents keep a profile of their own. */
export function canManageOwnProfile(actor: Actor): boolean {
  return hasPermission(actor.role, "profile:manage-own");
}

export type CompletenessFacts = {
  hasPhoto: boolean;
  headline: string;
  city: string;
  country: string;
  categories: string[];
  playingAgeMin: number | null;
  playingAgeMax: number | null;
  languages: string[];
  skills: string[];
  bio: string;
  heightCm: number | null;
  credits: number;
  showreels: number;
  hasContact: boolean;
};

type Check = { key: string; label: string; isDone: (facts: CompletenessFacts) => boolean; requiredToPublish: boolean };

const checks: Check[] = [
  { key: "photo", label: "Add a photo", isDone: (f) => f.hasPhoto, requiredToPublish: true },
  { key: "headline", label: "Write a headline", isDone: (f) => f.headline.length > 0, requiredToPublish: true },
  {
    key: "location",
    label: "Say where you are based",
    isDone: (f) => f.city.length > 0 && f.country.length > 0,
    requiredToPublish: true,
  },
  {
    key: "categories",
    label: "Choose at least one category",
    isDone: (f) => f.categories.length > 0,
    requiredToPublish: true,
  },
  {
    key: "playingAge",
    label: "Give your playing age range",
    isDone: (f) => f.playingAgeMin !== null && f.playingAgeMax !== null,
    requiredToPublish: true,
  },
  { key: "languages", label: "List your languages", isDone: (f) => f.languages.length > 0, requiredToPublish: false },
  { key: "skills", label: "List your skills", isDone: (f) => f.skills.length > 0, requiredToPublish: false },
  { key: "bio", label: "Write a bio of a few sentences", isDone: (f) => f.bio.length >= 80, requiredToPublish: false },
  { key: "appearance", label: "Add your height", isDone: (f) => f.heightCm !== null, requiredToPublish: false },
  { key: "credits", label: "Add a credit", isDone: (f) => f.credits > 0, requiredToPublish: false },
  { key: "showreel", label: "Link a showreel", isDone: (f) => f.showreels > 0, requiredToPublish: false },
  { key: "contact", label: "Add contact or agent details", isDone: (f) => f.hasContact, requiredToPublish: false },
];

export type Completeness = {
  percent: number;
  missing: { key: string; label: string; requiredToPublish: boolean }[];
  canPublish: boolean;
};

export function profileCompleteness(facts: CompletenessFacts): Completeness {
  const missing = checks
    .filter((check) => !check.isDone(facts))
    .map(({ key, label, requiredToPublish }) => ({ key, label, requiredToPublish }));
  return {
    percent: Math.round(((checks.length - missing.length) / checks.length) * 100),
    missing,
    canPublish: missing.every((item) => !item.requiredToPublish),
  };
}
