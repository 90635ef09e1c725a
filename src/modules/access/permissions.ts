import type { Role } from "./roles";

/**
 * Every permission in the product, each with a one-line description. A role's
 * rights are listed in rolePermissions below, and every rule of who may do
 * what is one of these plus facts (subscription state, participation,
 * ownership, a block), decided by the `can*` policies: the access-level ones
 * in ./policies.ts, the domain ones in each module's policies.ts. A role that
 * holds "subscription:manage" uses its premium rights (premium profile data,
 * starting and answering conversations, contact requests, changing
 * collections) only with a current subscription (checkPremiumAccess); a role
 * that holds them without subscribing (admins) has them outright. The gallery
 * is public, so browsing it is no permission.
 */
export const permissions = {
  "profile:manage-own": "Create, edit and publish your own talent profile.",
  "media:manage-own": "Upload, order and remove your own showreels, voice reels and CV.",
  "talent:view-premium": "See premium profile data: full bio, credits, all photos, measurements, rates.",
  "conversation:start": "Start a conversation with a talent.",
  "conversation:reply": "Reply in conversations you are part of.",
  "contact-request:send": "Ask a talent for their contact details.",
  "contact-request:respond": "Approve or decline contact requests sent to you.",
  "sender:block": "Block a sender from messaging you or requesting your details.",
  "collection:manage": "Keep collections (shortlists) of talents.",
  "subscription:manage": "Subscribe, change plan and manage billing.",
  "user:message-any": "Message any user on the platform, whatever their role, and without being blocked.",
  "user:moderate": "See all accounts and content, and suspend or reinstate users.",
} as const;

export type Permission = keyof typeof permissions;

/** What a subscriber does with the talent database; admins do all of it without a subscription. */
const talentSearchPermissions: Permission[] = [
  "talent:view-premium",
  "conversation:start",
  "conversation:reply",
  "contact-request:send",
  "collection:manage",
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  TALENT: ["profile:manage-own", "media:manage-own", "conversation:reply", "contact-request:respond", "sender:block"],
  PROFESSIONAL: [...talentSearchPermissions, "subscription:manage"],
  COMPANY: [...talentSearchPermissions, "subscription:manage"],
  ADMIN: [...talentSearchPermissions, "user:message-any", "user:moderate"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function describePermissions(role: Role): { permission: Permission; description: string }[] {
  return rolePermissions[role].map((permission) => ({ permission, description: permissions[permission] }));
}
