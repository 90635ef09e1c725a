import { getDb } from "@/db";
import { isDatabaseHealthy } from "@/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const healthy = await isDatabaseHealthy(getDb());
  return Response.json(
    { status: healthy ? "ok" : "error", database: healthy ? "ok" : "unreachable" },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
