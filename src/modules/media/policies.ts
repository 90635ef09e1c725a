import { allow, deny, type Decision } from "@/lib/decision";
import { hasPermission } from "@/modules/access/permissions";
import type { Actor } from "@/modules/access/types";

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
