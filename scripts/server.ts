import "./production-env";
import "./load-env";
import { createServer } from "node:http";
import next from "next";
import { trustedClientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { isDraining, runShutdownHooks, startDraining } from "@/lib/lifecycle";
import { getLogger } from "@/lib/logger";
import { getMetrics, routeLabel } from "@/lib/metrics";

/** Stops at once, with the variable named and no stack trace, when the configuration is invalid. */
export function checkedEnv() {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
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
 */
export async function serve(): Promise<void> {
  const env = checkedEnv();
  const log = getLogger();
  const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
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
    request.headers["x-forwarded-for"] = trustedClientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, env.TRUSTED_PROXY_HOPS);
    delete request.headers["x-real-ip"];
    void handle(request, response);
  });
  // Idle keep-alive connections stay open longer than a client or balancer keeps them (often 60 s), so the
  // server is never the side that closes one just as a new request is sent on it (a reset for the client).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  log.info({ port: env.PORT, host: env.HOST ?? "all interfaces" }, "server listening");

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
    await runShutdownHooks((name, error) => log.error({ hook: name, err: error instanceof Error ? error.message : String(error) }, "shutdown step failed"));
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
