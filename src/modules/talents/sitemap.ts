import "server-only";
import type { Db } from "@/db";
import { listSitemapProfiles } from "./queries";

export type SitemapEntry = {
  url: string;
  lastModified?: Date;
  changeFrequency?: "daily" | "weekly" | "monthly";
  priority?: number;
};

/** The pages anyone may read that search engines should know about; every listed profile follows them. */
const publicPages: readonly { path: string; changeFrequency: SitemapEntry["changeFrequency"]; priority: number }[] = [
  { path: "/", changeFrequency: "weekly", priority: 1 },
  { path: "/talents", changeFrequency: "daily", priority: 0.9 },
  { path: "/pricing", changeFrequency: "monthly", priority: 0.6 },
];

/**
 * The sitemap: the front page, the gallery, pricing and every listed profile
 * with when it last changed. Unpublished and hidden profiles are never in it.
 */
// Public: only the addresses of pages anyone may read.
export async function buildSitemap(db: Db, baseUrl: string): Promise<SitemapEntry[]> {
  const origin = new URL(baseUrl).origin;
  const profiles = await listSitemapProfiles(db);
  return [
    ...publicPages.map((page) => ({
      url: `${origin}${page.path}`,
      changeFrequency: page.changeFrequency,
      priority: page.priority,
    })),
    ...profiles.map((profile) => ({
      url: `${origin}/talents/${profile.id}`,
      lastModified: profile.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
  ];
}
