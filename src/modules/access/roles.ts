import { userRole } from "@/db/schema/auth";

export const roles = userRole.enumValues;
export type Role = (typeof roles)[number];

/** The account types a person may choose at sign-up. ADMIN is never among them. */
export const selfSignUpRoles = ["TALENT", "PROFESSIONAL", "COMPANY"] as const satisfies readonly Role[];
export type SelfSignUpRole = (typeof selfSignUpRoles)[number];

export const roleLabels: Record<Role, string> = {
  TALENT: "Talent",
  PROFESSIONAL: "Casting professional",
  COMPANY: "Company",
  ADMIN: "Admin",
};

export const roleDescriptions: Record<SelfSignUpRole, string> = {
  TALENT: "Actors, models, dancers, singers, voice artists and other performers.",
  PROFESSIONAL: "Casting directors and agents who search for talent.",
  COMPANY: "Studios and production companies with a casting team.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export function isSelfSignUpRole(value: unknown): value is SelfSignUpRole {
  return typeof value === "string" && (selfSignUpRoles as readonly string[]).includes(value);
}
