import { getDb } from "@/db";
import { getBlobStorage } from "@/lib/storage";
import { getActor } from "@/modules/access/actor";
import { handleUploadRequest } from "@/modules/media/uploads";

/**
 * Resumable uploads (the tus protocol): POST starts one, PATCH sends a chunk,
 * HEAD says how far it got, DELETE cancels it. Each request is checked against
 * the signed-in account inside the upload handler (decision record 025).
 */
async function handler(request: Request) {
  return handleUploadRequest(getDb(), getBlobStorage(), await getActor(), request);
}

export const POST = handler;
export const PATCH = handler;
export const HEAD = handler;
export const DELETE = handler;
export const OPTIONS = handler;
