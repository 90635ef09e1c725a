import type { MetadataRoute } from "next";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { buildSitemap } from "@/modules/talents/sitemap";

// Read at each request: profiles are published and updated all the time, and the build has no database to read.
export const dynamic = "force-dynamic";

export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(getDb(), getEnv().BETTER_AUTH_URL);
}
