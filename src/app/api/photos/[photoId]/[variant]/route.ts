import { getDb } from "@/db";
import { errorResponse } from "@/lib/http";
import { getBlobStorage } from "@/lib/storage";
import { getActor } from "@/modules/access/actor";
import { photoStorageKey, photoVariants, type PhotoVariant } from "@/modules/talents/photos";
import { getPhotoAccess } from "@/modules/talents/queries";

/**
 * A talent photo. Primary photos of listed profiles are public and may be
 * cached anywhere; every other photo is premium data, sent only to those
 * allowed to see it and cached only by their own browser.
 */
export async function GET(request: Request, { params }: { params: Promise<{ photoId: string; variant: string }> }) {
  const { photoId, variant } = await params;
  if (!photoVariants.includes(variant as PhotoVariant)) return errorResponse("not_found");
  const access = await getPhotoAccess(getDb(), await getActor(), photoId);
  if (!access) return errorResponse("not_found");

  const etag = `"${photoId}-${variant}"`;
  const cacheControl = access.isPublic ? "public, max-age=86400" : "private, max-age=3600";
  const headers = { ETag: etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const bytes = await getBlobStorage().readAll(photoStorageKey(access.storageKey, variant as PhotoVariant));
  if (!bytes) return errorResponse("not_found");
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, "Content-Type": "image/webp", "Content-Length": String(bytes.length) },
  });
}
