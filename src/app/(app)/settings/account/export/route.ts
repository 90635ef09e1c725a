import { getDb } from "@/db";
import { appErrorResponse, errorResponse } from "@/lib/http";
import { getActor } from "@/modules/access/actor";
import { exportAccountData, exportFilename } from "@/modules/account-data/queries";

/** The signed-in account's data, as a JSON file to download; never stored by a cache on the way. */
export async function GET() {
  try {
    const actor = await getActor();
    if (!actor) return errorResponse("unauthenticated");
    const data = await exportAccountData(getDb(), actor);
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFilename()}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
