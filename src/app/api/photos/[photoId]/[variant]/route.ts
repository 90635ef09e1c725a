import { getDb } from "@/db";
import { errorResponse } from "@/lib/http";
import { getBlobStorage } from "@/lib/storage";
import { getActor } from "@/modules/access/actor";
import { baseVariantOf, photoStorageKey, photoVariants } from "@/modules/talents/photo-variants";
import { getPhotoAccess } from "@/modules/talents/queries";

/**
 * A talent photo in one of its widths. A photo's id names its bytes for good
 * (a new photo gets a new id), so the primary photos of listed profiles are
 * answered as immutable for a year, for browsers and CDNs alike; every other
 * photo is premium data, sent only to those allowed to see it and cached only
 * by their own browser.
 */
export async function GET(request: Request, { params }: { params: Promise<{ photoId: string; variant: string }> }) {
  const { photoId, variant } = await params;
  if (!photoVariants.includes(variant)) return errorResponse("not_found");
  const access = await getPhotoAccess(getDb(), await getActor(), photoId);
  if (!access) return errorResponse("not_found");

  // Until the worker has made the other widths, a photo from before them answers with the file it has.
  const served = access.hasWidths ? variant : baseVariantOf(variant);
  const etag = `"${photoId}-${served}"`;
  // A stand-in is kept for an hour only, so caches pick up the real width once it is made.
  const cacheControl = !access.isPublic
    ? "private, max-age=3600"
    : served === variant
      ? "public, max-age=31536000, immutable"
      : "public, max-age=3600";
  const headers = { ETag: etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const bytes = await getBlobStorage().readAll(photoStorageKey(access.storageKey, served));
  if (!bytes) return errorResponse("not_found");
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, "Content-Type": "image/webp", "Content-Length": String(bytes.length) },
  });
}
