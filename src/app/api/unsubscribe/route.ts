import { getDb } from "@/db";
import { appErrorResponse } from "@/lib/http";
import { unsubscribeWithToken } from "@/modules/notifications/mutations";

/** One-click unsubscribe (RFC 8058): mail clients POST here from the List-Unsubscribe header; no session needed. */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const { scope } = await unsubscribeWithToken(getDb(), token);
    return Response.json({ ok: true, unsubscribed: scope });
  } catch (error) {
    return appErrorResponse(error);
  }
}
