import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

// The public address is configuration, read where the site runs rather than where it was built.
export const dynamic = "force-dynamic";

/** The signed-in areas: nothing there is for search engines, and without a session they only lead to sign-in. */
const privateAreas = [
  "/admin",
  "/billing",
  "/collections",
  "/contact-requests",
  "/dashboard",
  "/dev",
  "/home",
  "/messages",
  "/notifications",
  "/profile",
  "/settings",
];

export default function robots(): MetadataRoute.Robots {
  const origin = new URL(getEnv().BETTER_AUTH_URL).origin;
  return {
    rules: {
      userAgent: "*",
      // Public profile photos stay fetchable, so link previews of a profile can show its photo.
      allow: ["/", "/api/photos/"],
      // Shared collections are reached by a secret link only; unsubscribe links carry a token.
      disallow: ["/api/", "/shared/", "/unsubscribe", ...privateAreas],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}
