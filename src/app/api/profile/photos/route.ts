import { getDb } from "@/db";
import { appErrorResponse, errorResponse } from "@/lib/http";
import { isCrossSiteRequest } from "@/lib/request";
import { getBlobStorage } from "@/lib/storage";
import { getActor } from "@/modules/access/actor";
import { MAX_PHOTO_BYTES } from "@/modules/talents/options";
import { addPhoto } from "@/modules/talents/photos";

/** Room for the multipart envelope around a photo of the largest allowed size. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

/** Upload one photo to the signed-in talent's profile (multipart field "photo"). */
export async function POST(request: Request) {
  if (isCrossSiteRequest(request.headers)) return errorResponse("forbidden", "Uploads must come from Callback itself.");
  const actor = await getActor();
  if (!actor) return errorResponse("unauthenticated");
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_BODY_BYTES)
    return errorResponse("invalid_input", "Photos can be at most 10 MB. Choose a smaller file.", { status: 413 });

  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("photo");
  } catch {
    return errorResponse("invalid_input", "The upload was incomplete. Please try again.");
  }
  if (!(file instanceof File)) return errorResponse("invalid_input", "Choose a photo to upload.");
  try {
    const photoId = await addPhoto(getDb(), getBlobStorage(), actor, Buffer.from(await file.arrayBuffer()));
    return Response.json({ ok: true, photoId }, { status: 201 });
  } catch (error) {
    return appErrorResponse(error);
  }
}
