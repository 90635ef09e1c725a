import type { Role } from "@/modules/access/roles";

export type NavItem = { href: string; label: string };

/**
 * What each role finds in the header (inline from the md breakpoint, behind the Menu button below it);
 * visitors who are not signed in see the gallery. Settings, billing and signing out are in the account menu.
 */
export const navigation: Record<Role | "VISITOR", NavItem[]> = {
  VISITOR: [
    { href: "/talents", label: "Talents" },
    { href: "/pricing", label: "Pricing" },
  ],
  TALENT: [
    { href: "/home", label: "Home" },
    { href: "/messages", label: "Messages" },
    { href: "/contact-requests/received", label: "Requests" },
    { href: "/dashboard", label: "Activity" },
    { href: "/profile/edit", label: "My profile" },
    { href: "/talents", label: "Talents" },
  ],
  PROFESSIONAL: [
    { href: "/home", label: "Home" },
    { href: "/messages", label: "Messages" },
    { href: "/contact-requests/sent", label: "Requests" },
    { href: "/collections", label: "Collections" },
    { href: "/dashboard", label: "Activity" },
    { href: "/talents", label: "Talents" },
  ],
  COMPANY: [
    { href: "/home", label: "Home" },
    { href: "/messages", label: "Messages" },
    { href: "/contact-requests/sent", label: "Requests" },
    { href: "/collections", label: "Collections" },
    { href: "/dashboard", label: "Activity" },
    { href: "/talents", label: "Talents" },
  ],
  ADMIN: [
    { href: "/home", label: "Home" },
    { href: "/messages", label: "Messages" },
    { href: "/collections", label: "Collections" },
    { href: "/dashboard", label: "Activity" },
    { href: "/talents", label: "Talents" },
    { href: "/admin", label: "Admin" },
  ],
};
