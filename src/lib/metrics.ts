import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus metrics of this process (prom-client). One registry per
 * process, kept on globalThis: the server that times requests and the app's
 * bundled code that serves /api/metrics load this module separately.
 */
function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "callback" });
  collectDefaultMetrics({ register: registry, prefix: "callback_process_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "callback_http_requests_total",
      help: "HTTP requests answered, by method, route and status.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "callback_http_request_duration_seconds",
      help: "Time to answer an HTTP request (for streams: until the stream ends), by method and route.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: "callback_http_requests_in_flight",
      help: "HTTP requests being answered now.",
      registers: [registry],
    }),
    sseConnections: new Gauge({
      name: "callback_sse_connections",
      help: "Open live-update streams (Server-Sent Events).",
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: "callback_db_pool_connections",
      help: "Database pool connections by state (total, idle, waiting clients).",
      labelNames: ["state"],
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: "callback_outbox_jobs_due",
      help: "Email jobs due and not yet sent.",
      registers: [registry],
    }),
    outboxOldest: new Gauge({
      name: "callback_outbox_oldest_job_age_seconds",
      help: "Age of the oldest due email job (0 when none).",
      registers: [registry],
    }),
    messagesPerMinute: new Gauge({
      name: "callback_messages_last_minute",
      help: "Messages sent on the platform in the last minute.",
      registers: [registry],
    }),
    requestsPerMinute: new Gauge({
      name: "callback_contact_requests_last_minute",
      help: "Contact requests sent on the platform in the last minute.",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const key = Symbol.for("callback.metrics");
const store = globalThis as unknown as { [key]?: Metrics };

export function getMetrics(): Metrics {
  store[key] ??= createMetrics();
  return store[key];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A request path as a metrics label with few distinct values: ids, tokens and
 * numbers become placeholders, static assets one label, and the query is dropped.
 */
export function routeLabel(url: string): string {
  const pathname = url.split("?")[0]!.split("#")[0]!;
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/image")) return "/_next/image";
  const segments = pathname.split("/").map((segment) => {
    if (UUID.test(segment)) return ":id";
    if (/^\d+$/.test(segment)) return ":n";
    if (segment.length >= 20 && /^[A-Za-z0-9_-]+$/.test(segment)) return ":token";
    return segment;
  });
  return segments.slice(0, 6).join("/") || "/";
}
