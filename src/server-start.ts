import type { Instrumentation } from "next";
import { prepareDatabase } from "./db/boot";
import { getEnv } from "./lib/env";
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
