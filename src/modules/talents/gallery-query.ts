import "server-only";
import { z } from "zod";
import { isExactTimestamp } from "@/db/sql";
import { hasLoneSurrogate, singleLineText } from "@/lib/text-input";
import { titleCase } from "./inputs";
import { availabilities, categories, isCountryCode } from "./options";

export const gallerySorts = ["relevance", "newest", "name"] as const;
export type GallerySort = (typeof gallerySorts)[number];

export const gallerySortLabels: Record<GallerySort, string> = {
  relevance: "Best match",
  newest: "Newest",
  name: "Name (A-Z)",
};

/** A blank age field (an empty form input) means no age filter, not age 0. */
const ageFilter = z
  .preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(0).max(100).optional(),
  )
  .catch(undefined);

/**
 * The gallery's filters as they appear in the URL. A filter that does not make
 * sense (an unknown category, an age of 300) is dropped rather than failing the
 * whole page, so an edited or outdated link still shows results.
 */
export const galleryQueryInput = z
  .object({
    q: singleLineText({ label: "Search", max: 100 }).default("").catch(""),
    category: z.enum(categories).optional().catch(undefined),
    country: z.string().trim().toUpperCase().refine(isCountryCode).optional().catch(undefined),
    city: singleLineText({ label: "City", max: 80 }).optional().catch(undefined),
    ageMin: ageFilter,
    ageMax: ageFilter,
    language: singleLineText({ label: "Language", max: 40 }).transform(titleCase).optional().catch(undefined),
    availability: z.enum(availabilities).optional().catch(undefined),
    /** "1" (a ticked box): only talents with a ready showreel / voice reel. */
    showreel: z.literal("1").optional().catch(undefined),
    voiceReel: z.literal("1").optional().catch(undefined),
    sort: z.enum(gallerySorts).optional().catch(undefined),
    cursor: z.string().max(500).optional().catch(undefined),
  })
  .transform((query) => ({
    ...query,
    city: query.city || undefined,
    language: query.language || undefined,
    sort: query.sort ?? (query.q ? "relevance" : "newest"),
  }));

export type GalleryQuery = z.output<typeof galleryQueryInput>;

/** Search parameters as Next.js hands them to a page: the first value of each. */
export function parseGallerySearchParams(params: Record<string, string | string[] | undefined>): GalleryQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return galleryQueryInput.parse(first);
}

/** The words of a search, each matched as a prefix ("sar" finds Sarah), all required. */
export function prefixSearchQuery(text: string): string | null {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 8)
    .map((word) => `${word}:*`)
    .join(" & ");
}

const cursorInput = z.object({ s: z.enum(gallerySorts), v: z.string().max(200), id: z.uuid() });
export type GalleryCursor = z.infer<typeof cursorInput>;

export function encodeCursor(cursor: GalleryCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The position a "next page" link points at; null for anything malformed or made for another sort. */
export function decodeCursor(encoded: string, sort: GallerySort): GalleryCursor | null {
  try {
    const parsed = cursorInput.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    const { v } = parsed.data;
    // The sort key goes to the database: a time for newest, a tier and a time for relevance, a name for name.
    if (sort === "newest" && !isExactTimestamp(v)) return null;
    if (sort === "relevance" && !(/^[123]:/.test(v) && isExactTimestamp(v.slice(2)))) return null;
    if (sort === "name" && (v.includes("\u0000") || hasLoneSurrogate(v))) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
