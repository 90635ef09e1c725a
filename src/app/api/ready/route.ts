import { getDatabase } from "@/db";
import { areMigrationsCurrent, isDatabaseHealthy } from "@/db/health";
import { isDraining } from "@/lib/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers: 200 only while this instance takes traffic,
 * its database answers, and every shipped migration is applied. While the
 * instance shuts down it answers 503, so traffic moves elsewhere first.
 */
export async function GET() {
  const draining = isDraining();
  const handle = getDatabase();
  const database = !draining && (await isDatabaseHealthy(handle.db));
  const migrations = database && (await areMigrationsCurrent(handle));
  const ready = !draining && database && migrations;
  return Response.json(
    {
      status: ready ? "ready" : "not_ready",
      draining,
      database: draining ? "not_checked" : database ? "ok" : "unreachable",
      migrations: migrations ? "current" : database ? "pending" : "not_checked",
    },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
