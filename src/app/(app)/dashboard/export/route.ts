import { getDb } from "@/db";
import { csvHeaders } from "@/lib/csv";
import { appErrorResponse, errorResponse } from "@/lib/http";
import { getActor } from "@/modules/access/actor";
import { dateRangeInput } from "@/modules/activity/inputs";
import { adminDashboardCsv, getAdminDashboard } from "@/modules/activity/queries";

/** The admin dashboard's daily figures for a range, as CSV. */
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) return errorResponse("unauthenticated");
    const params = new URL(request.url).searchParams;
    const range = dateRangeInput(new Date()).safeParse({ from: params.get("from") ?? "", to: params.get("to") ?? "" });
    if (!range.success)
      return errorResponse("invalid_input", range.error.issues.map((issue) => issue.message).join(" "));
    const { filename, csv } = adminDashboardCsv(await getAdminDashboard(getDb(), actor, range.data));
    return new Response(csv, { headers: csvHeaders(filename) });
  } catch (error) {
    return appErrorResponse(error);
  }
}
