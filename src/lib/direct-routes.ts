import type { ApiAnswer, ApiRequest } from "./json-api";

/**
 * Paths the production server (scripts/server.ts) answers itself, ahead of
 * Next.js's request pipeline (routing, the request proxy, rendering), which
 * costs more than the JSON API's busiest calls do themselves. The app's bundled
 * code registers the handler when the server starts; the server and the bundle
 * load this module separately in one process, so the registry is on globalThis.
 */
type DirectHandler = (request: ApiRequest) => Promise<ApiAnswer>;

const key = Symbol.for("callback.direct-routes");
const store = globalThis as unknown as { [key]?: Map<string, DirectHandler> };

export function serveDirectly(prefix: string, handler: DirectHandler): void {
  (store[key] ??= new Map()).set(prefix, handler);
}

/** The handler registered for a request path, if any. */
export function directHandlerFor(url: string): DirectHandler | undefined {
  for (const [prefix, handler] of store[key] ?? []) if (url.startsWith(prefix)) return handler;
  return undefined;
}
