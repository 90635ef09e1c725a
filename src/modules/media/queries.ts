import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { mediaFiles } from "@/db/schema/media";
import { checkPremiumAccess } from "@/modules/access/premium";
import type { Actor } from "@/modules/access/types";
import { getProfileFacts } from "@/modules/talents/internal";
import { mediaUrl } from "./internal";
import { quotaBytesFor } from "./limits";
import { mediaPurposes, mediaVariants, type MediaVariant } from "./options";
import { canManageOwnMedia, canViewMedia, isPublicMedia } from "./policies";
import { getStorageUse } from "./quota";
import type { MediaItem, OwnMediaItem, StorageUse } from "./types";

type MediaFileRow = typeof mediaFiles.$inferSelect;

const purposeOrder = (row: MediaFileRow) => mediaPurposes.indexOf(row.purpose);

function byPurposeThenPosition(a: MediaFileRow, b: MediaFileRow) {
  return purposeOrder(a) - purposeOrder(b) || a.position - b.position;
}

/**
 * The showreels, voice reels and CV a viewer may see on a profile: ready
 * files only, each with URLs minted for this viewer - public and immutable
 * for the main reels of a listed profile, signed and short-lived for the
 * rest (premium viewers and the talent only).
 */
export async function listProfileMedia(
  db: Db,
  actor: Actor | null,
  { profileId }: { profileId: string },
): Promise<MediaItem[]> {
  const profile = await getProfileFacts(db, { profileId });
  if (!profile) return [];
  const rows = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerId, profile.ownerId), eq(mediaFiles.status, "ready")));
  const now = new Date();
  return rows
    .filter((row) => canViewMedia(actor, profile, row))
    .sort(byPurposeThenPosition)
    .map((row) => {
      const isPublic = isPublicMedia(profile, row);
      const url = (variant: MediaVariant) => mediaUrl(row, variant, { isPublic, now });
      return {
        ...viewerFields(row),
        url: url("original"),
        posterUrl: row.posterKey ? url("poster") : null,
        captionsUrl: row.captionsKey ? url("captions") : null,
      };
    });
}

function viewerFields(row: MediaFileRow): Omit<MediaItem, "url" | "posterUrl" | "captionsUrl"> {
  return {
    id: row.id,
    purpose: row.purpose,
    kind: row.kind,
    title: row.title,
    contentType: row.contentType,
    byteSize: row.byteSize,
    durationMs: row.durationMs,
    width: row.width,
    height: row.height,
    pageCount: row.pageCount,
    isPrimary: row.isPrimary,
  };
}

/** The signed-in talent's own files, in every state, for the editor (URLs are signed: the owner's view is private). */
export async function listOwnMedia(db: Db, actor: Actor): Promise<OwnMediaItem[]> {
  if (!canManageOwnMedia(actor).allowed) return [];
  const rows = await db.select().from(mediaFiles).where(eq(mediaFiles.ownerId, actor.userId));
  const now = new Date();
  return rows.sort(byPurposeThenPosition).map((row) => {
    const ready = row.status === "ready";
    const url = (variant: MediaVariant) => mediaUrl(row, variant, { isPublic: false, now });
    return {
      ...viewerFields(row),
      status: row.status,
      fileName: row.fileName,
      position: row.position,
      previewNote: row.previewNote,
      failureReason: row.failureReason,
      hasCaptions: row.captionsKey !== null,
      createdAt: row.createdAt,
      url: ready ? url("original") : null,
      posterUrl: ready && row.posterKey ? url("poster") : null,
      captionsUrl: ready && row.captionsKey ? url("captions") : null,
    };
  });
}

/** The signed-in account's storage: used, reserved by uploads in progress, and its quota by role and plan. */
export async function getOwnStorageUse(db: Db, actor: Actor): Promise<StorageUse> {
  const quota = quotaBytesFor({ role: actor.role, hasActiveSubscription: checkPremiumAccess(actor).allowed });
  return getStorageUse(db, actor.userId, quota);
}

const mediaRequest = z.object({
  mediaId: z.uuid(),
  version: z
    .string()
    .regex(/^v[1-9]\d{0,8}$/)
    .transform((value) => Number(value.slice(1))),
  variant: z.enum(mediaVariants),
});

export interface MediaAccess {
  storageKey: string;
  contentType: string;
  isPublic: boolean;
  fileName: string;
}

/**
 * What one media URL serves, if anything: the file must be ready, at that
 * version, with that variant stored. Public files are for anyone. For the
 * rest, a valid signature on the URL is the proof (it was minted for a viewer
 * allowed to see the file, and expires); without one the viewer's own
 * session is checked by the same rules as the profile page. Anything else is
 * null, answered as missing.
 */
export async function getMediaAccess(
  db: Db,
  getActor: () => Promise<Actor | null>,
  params: { mediaId: string; version: string; variant: string },
  { signed }: { signed: boolean },
): Promise<MediaAccess | null> {
  const parsed = mediaRequest.safeParse(params);
  if (!parsed.success) return null;
  const { mediaId, version, variant } = parsed.data;
  const [file] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
  if (!file || file.status !== "ready" || file.version !== version) return null;
  const storageKey = { original: file.storageKey, poster: file.posterKey, captions: file.captionsKey }[variant];
  if (!storageKey) return null;
  const profile = await getProfileFacts(db, { userId: file.ownerId });
  if (!profile) return null;
  const isPublic = isPublicMedia(profile, file);
  if (!isPublic && !signed && !canViewMedia(await getActor(), profile, file)) return null;
  const contentType = { original: file.contentType, poster: "image/webp", captions: "text/vtt; charset=utf-8" }[
    variant
  ];
  return { storageKey, contentType, isPublic, fileName: variant === "original" ? file.fileName : "" };
}
