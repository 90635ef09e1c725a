import "./production-env";
import "./load-env";
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { trustedClientAddress } from "@/lib/client-address";
import { directHandlerFor } from "@/lib/direct-routes";
import type { ApiAnswer, ApiRequest } from "@/lib/json-api";
import { getEnv } from "@/lib/env";
import { isDraining, runShutdownHooks, startDraining } from "@/lib/lifecycle";
import { getLogger } from "@/lib/logger";
import { getMetrics, routeLabel } from "@/lib/metrics";
import { readyBanner, startupFacts } from "@/lib/startup";
import { superviseWorkers } from "./cluster";

/** Stops at once, with the variable named and no stack trace, when the configuration is invalid. */
export function checkedEnv() {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** The body of a request as text, or null once it passes `limit` bytes (the rest is not read). */
function readText(request: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners("data");
        request.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** A request on a path the app registered to be answered here (the JSON API), without the page renderer. */
async function answerDirectly(
  handler: (request: ApiRequest) => Promise<ApiAnswer>,
  request: IncomingMessage,
  response: ServerResponse,
) {
  try {
    const answer = await handler({
      method: request.method ?? "GET",
      url: request.url ?? "/",
      headers: {
        get: (name) => {
          const value = request.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(", ") : (value ?? null);
        },
      },
      text: (limit) => readText(request, limit),
    });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  } catch (error) {
    getLogger().error(
      { err: error instanceof Error ? error.message : String(error), path: request.url },
      "request failed",
    );
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
    response.end(
      JSON.stringify({ ok: false, code: "internal", message: "Something went wrong on our side. Please try again." }),
    );
  }
}

/**
 * The production server (`npm run serve`, and `npm start` after its build
 * check): the built app behind Node's HTTP server, so that this process can
 * time every request for /api/metrics and shut down gracefully.
 *
 * On SIGTERM (or SIGINT) it starts draining: /api/ready answers 503, live
 * streams tell browsers to reconnect (elsewhere) and end, the server stops
 * accepting connections and closes idle ones, requests in flight finish, the
 * worker finishes its pass, the database closes, and the process exits - all
 * within SHUTDOWN_TIMEOUT_MS (9 s by default), after which the remaining
 * connections are cut and the process exits anyway.
 *
 * With WEB_CONCURRENCY above 1 this process supervises that many copies of
 * the server instead (scripts/cluster.ts).
 */
export async function serve({ banner = false }: { banner?: boolean } = {}): Promise<void> {
  const env = checkedEnv();
  if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary)
    return superviseWorkers(env.WEB_CONCURRENCY, env.SHUTDOWN_TIMEOUT_MS);
  const log = getLogger();
  const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
  // A production Next server runs the app's start-up (src/instrumentation.ts: migrations, the demo seed, the
  // worker) at its first request; running it here first means the server listens only once it is ready.
  // (Loaded after prepare(), which sets up what Next's internals expect.)
  const { ensureInstrumentationRegistered } =
    await import("next/dist/server/lib/router-utils/instrumentation-globals.external");
  await ensureInstrumentationRegistered(process.cwd(), ".next");
  const handle = app.getRequestHandler();
  const metrics = getMetrics();

  const server = createServer((request, response) => {
    const started = process.hrtime.bigint();
    metrics.inFlight.inc();
    response.on("close", () => {
      metrics.inFlight.dec();
      const method = request.method ?? "GET";
      const route = routeLabel(request.url ?? "/");
      metrics.httpRequests.inc({ method, route, status: String(response.statusCode) });
      metrics.httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    // While draining, each answer closes its connection, so clients reconnect to another instance.
    if (isDraining()) response.setHeader("Connection", "close");
    // The app reads the client's address from X-Forwarded-For (rate limits); only this server knows which
    // part of it to believe, so it leaves exactly that one address there. X-Real-IP is a client's word too.
    request.headers["x-forwarded-for"] = trustedClientAddress(
      request.headers["x-forwarded-for"],
      request.socket.remoteAddress,
      env.TRUSTED_PROXY_HOPS,
    );
    delete request.headers["x-real-ip"];
    const direct = directHandlerFor(request.url ?? "/");
    if (direct) void answerDirectly(direct, request, response);
    else void handle(request, response);
  });
  // Idle keep-alive connections stay open longer than a client or balancer keeps them (often 60 s), so the
  // server is never the side that closes one just as a new request is sent on it (a reset for the client).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  log.info({ port: env.PORT, host: env.HOST ?? "all interfaces" }, "server listening");
  if (banner && (!cluster.isWorker || cluster.worker?.id === 1)) {
    await new Promise<void>((resolve) => log.flush(() => resolve()));
    console.log(readyBanner(`http://localhost:${env.PORT}`, startupFacts(), process.uptime()));
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const begun = Date.now();
    log.info({ signal }, "shutting down: draining");
    const deadline = setTimeout(() => {
      log.warn({ ms: Date.now() - begun }, "shutdown took too long; exiting");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS + 1000);
    deadline.unref();

    startDraining();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, env.SHUTDOWN_TIMEOUT_MS - 2000));
    cut.unref();
    await closed;
    clearTimeout(cut);
    log.info({ ms: Date.now() - begun }, "requests finished; stopping background work");
    await runShutdownHooks((name, error) =>
      log.error({ hook: name, err: error instanceof Error ? error.message : String(error) }, "shutdown step failed"),
    );
    log.info({ ms: Date.now() - begun }, "shut down");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

// Run directly (`npm run serve`); `npm start` imports it after checking the build.
if (process.argv[1]?.endsWith("server.ts")) {
  // Started as `node --import tsx scripts/server.ts`: one process, so SIGTERM reaches this handler directly.
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
