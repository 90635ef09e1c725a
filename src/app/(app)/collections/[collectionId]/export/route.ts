import { getDb } from "@/db";
import { csvHeaders } from "@/lib/csv";
import { getEnv } from "@/lib/env";
import { appErrorResponse, errorResponse } from "@/lib/http";
import { getActor } from "@/modules/access/actor";
import { exportCollectionCsv } from "@/modules/collections/queries";

/** A collection as a CSV download, for its owner only (read-only accounts included). */
export async function GET(_request: Request, { params }: { params: Promise<{ collectionId: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) return errorResponse("unauthenticated");
    const { filename, csv } = await exportCollectionCsv(
      getDb(),
      actor,
      (await params).collectionId,
      getEnv().BETTER_AUTH_URL,
    );
    return new Response(csv, { headers: csvHeaders(filename) });
  } catch (error) {
    return appErrorResponse(error);
  }
}
