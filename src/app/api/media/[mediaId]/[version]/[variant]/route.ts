import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http";
import { serveStoredObject, signatureSecondsLeft, verifyMediaPath } from "@/lib/media-delivery";
import { getBlobStorage } from "@/lib/storage";
import { getActor } from "@/modules/access/actor";
import { getMediaAccess } from "@/modules/media/queries";

type Params = { params: Promise<{ mediaId: string; version: string; variant: string }> };

/**
 * A showreel, voice reel or CV (or its poster or captions), streamed with
 * Range, ETag and 304 support. The main reels of listed profiles are public
 * at immutable, versioned URLs a CDN may keep for a year. Every other file
 * needs an unexpired signature on the URL (or a session allowed to see it);
 * with an object store the answer is then a redirect to a presigned link
 * that expires as quickly.
 */
async function answer(request: Request, { params }: Params): Promise<Response> {
  const url = new URL(request.url);
  const signed = verifyMediaPath(url.pathname, url.searchParams);
  const access = await getMediaAccess(getDb(), getActor, await params, { signed });
  if (!access) return errorResponse("not_found");

  const storage = getBlobStorage();
  const ttl = getEnv().MEDIA_URL_TTL_SECONDS;
  const secondsLeft = signed ? Math.min(signatureSecondsLeft(url.searchParams), ttl) : ttl;
  if (!access.isPublic) {
    const presigned = await storage.presignedUrl(access.storageKey, {
      expiresInSeconds: Math.max(1, secondsLeft),
      contentType: access.contentType,
      fileName: access.fileName || undefined,
    });
    if (presigned)
      return new Response(null, { status: 302, headers: { Location: presigned, "Cache-Control": "no-store" } });
  }
  return serveStoredObject(storage, access.storageKey, request, {
    contentType: access.contentType,
    cacheControl: access.isPublic ? "public, max-age=31536000, immutable" : `private, max-age=${secondsLeft}`,
    fileName: access.fileName || undefined,
    disposition: "inline",
  });
}

export const GET = answer;
export const HEAD = answer;
