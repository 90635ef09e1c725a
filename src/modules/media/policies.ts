import { allow, deny, type Decision } from "@/lib/decision";
import { hasPermission } from "@/modules/access/permissions";
import type { Actor } from "@/modules/access/types";
import { audienceFor, canViewProfile, isListed, type ProfileFacts } from "@/modules/talents/policies";
import type { MediaPurpose, MediaStatus } from "./options";

/** Talents keep showreels, voice reels and a CV on their profile. */
export function canManageOwnMedia(actor: Actor): Decision {
  return hasPermission(actor.role, "media:manage-own")
    ? allow()
    : deny("forbidden", "Only talents can upload showreels, voice reels and a CV.");
}

/**
 * Renaming, reordering, making primary, adding captions to or deleting a file
 * is for its owner only; anyone else is told it does not exist, so file ids
 * cannot be probed.
 */
export function canChangeMedia(actor: Actor, file: { ownerId: string }): Decision {
  return actor.userId === file.ownerId ? allow() : deny("not_found", "We could not find that file.");
}

/**
 * The main showreel and voice reel of a listed profile are public, like its
 * main photo: anyone may play them and caches may keep them. Every other file
 * (more reels, the CV) is premium, and an unlisted profile's files are its
 * talent's alone.
 */
export function isPublicMedia(
  profile: ProfileFacts,
  file: { purpose: MediaPurpose; isPrimary: boolean; status: MediaStatus },
): boolean {
  return isListed(profile) && file.isPrimary && file.status === "ready" && file.purpose !== "cv";
}

/** Who may see a file: only once it is ready; public ones anyone, others as premium profile data. */
export function canViewMedia(
  actor: Actor | null,
  profile: ProfileFacts,
  file: { purpose: MediaPurpose; isPrimary: boolean; status: MediaStatus },
): boolean {
  if (file.status !== "ready") return false;
  if (isPublicMedia(profile, file)) return true;
  return canViewProfile(actor, profile) && audienceFor(actor, profile).premium;
}
