import { timingSafeEqual } from "node:crypto";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http";
import { getMetrics } from "@/lib/metrics";
import { countRequestsSince } from "@/modules/contact-requests/queries";
import { countMessagesSince } from "@/modules/messaging/queries";
import { getOutboxStats } from "@/modules/notifications/queries";

export const dynamic = "force-dynamic";

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics of this instance, for a scraper holding METRICS_TOKEN
 * (as a Bearer token). Without METRICS_TOKEN set, the endpoint does not exist.
 */
export async function GET(request: Request) {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) return errorResponse("not_found");
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!tokenMatches(given, expected))
    return errorResponse("unauthenticated", "Send the metrics token as a Bearer token.", {
      headers: { "WWW-Authenticate": "Bearer" },
    });

  const metrics = getMetrics();
  const handle = getDatabase();
  const now = new Date();
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [outbox, messages, requests] = await Promise.all([
    getOutboxStats(handle.db, now),
    countMessagesSince(handle.db, minuteAgo),
    countRequestsSince(handle.db, minuteAgo),
  ]);
  const pool = handle.poolStats();
  metrics.dbPool.set({ state: "total" }, pool.total);
  metrics.dbPool.set({ state: "idle" }, pool.idle);
  metrics.dbPool.set({ state: "waiting" }, pool.waiting);
  metrics.outboxDepth.set(outbox.due);
  metrics.outboxOldest.set(outbox.oldestAgeSeconds);
  metrics.messagesPerMinute.set(messages);
  metrics.requestsPerMinute.set(requests);
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
