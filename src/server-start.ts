import type { Instrumentation } from "next";
import { prepareDatabase } from "./db/boot";
import { getEnv } from "./lib/env";
import { onShutdown, shutdownOrder } from "./lib/lifecycle";
import { getLogger } from "./lib/logger";
import { requestIdOf } from "./lib/request";

/** Runs once when the Node.js server starts, before it takes requests. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    // A configuration error ends the start with its message, not a stack trace.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  await prepareDatabase();
  // The production server answers the JSON API directly (the same handler as its route handler).
  const [{ serveDirectly }, { API_PREFIX, handleApiRequest }] = await Promise.all([
    import("./lib/direct-routes"),
    import("./app/api/v1/api"),
  ]);
  serveDirectly(API_PREFIX, handleApiRequest);
  const { closeDatabase } = await import("./db");
  onShutdown("database", shutdownOrder.database, closeDatabase);
  const env = getEnv();
  if (env.EMAIL_WORKER === "inline") {
    const { getDb } = await import("./db");
    const { createMailTransport } = await import("./modules/notifications/transport");
    const { startWorker } = await import("./worker");
    const worker = startWorker(getDb(), createMailTransport(getDb()), env.EMAIL_WORKER_INTERVAL_MS);
    // At shutdown the worker finishes its current pass (jobs it holds are sent or go back to the queue).
    onShutdown("worker", shutdownOrder.work, () => worker.stop());
    getLogger().info(
      { intervalMs: env.EMAIL_WORKER_INTERVAL_MS, transport: env.SMTP_URL ? "smtp" : "dev-mailbox" },
      "email worker started in the server",
    );
  }
}

export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>): void {
  const err = error instanceof Error ? error : new Error(String(error));
  getLogger().error(
    {
      requestId: requestIdOf(request.headers),
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as { digest?: string }).digest,
      err: { type: err.name, message: err.message, stack: err.stack },
    },
    "request failed",
  );
}
