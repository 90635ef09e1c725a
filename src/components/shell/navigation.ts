import type { Role } from "@/modules/access/roles";

export type NavItem = { href: string; label: string };

/** What each role finds in the header. Each feature adds its pages here. */
export const navigation: Record<Role, NavItem[]> = {
  TALENT: [{ href: "/home", label: "Home" }],
  PROFESSIONAL: [{ href: "/home", label: "Home" }],
  COMPANY: [{ href: "/home", label: "Home" }],
  ADMIN: [
    { href: "/home", label: "Home" },
    { href: "/admin", label: "Admin" },
  ],
};
