import type { z } from "zod";
import { fail, parseInput } from "./action-result";
import { AppError, isAppError } from "./errors";
import { getLogger } from "./logger";
import { isCrossSiteRequest, REQUEST_ID_HEADER } from "./request";
import { securityHeaders } from "./security-headers";

/**
 * The JSON API (`/api/v1/...`): what the app's own pages call for the busiest
 * actions (the inbox, a conversation's messages, sending, reading, the unread
 * counts), and what any other client can call. It is written against plain
 * requests and answers rather than a framework, so the production server can
 * answer it directly, ahead of the page renderer (decision record 017), and a
 * Next.js route handler serves the same routes everywhere else.
 *
 * Every call is checked here in one place: the route exists for the method, a
 * POST comes from this site and carries a JSON body under the size limit, and
 * the caller is signed in; then the route's input is parsed by its schema (the
 * same parseInput as the server actions', with the same field errors), and its
 * handler runs the module's query or mutation, which checks everything else
 * (rights, ownership). A refusal answers with the same failure shape as a
 * server action's.
 */

/** A request as the API sees it, whoever received it. */
export type ApiRequest = {
  method: string;
  /** The path and query, as sent: "/api/v1/conversations?cursor=...". */
  url: string;
  headers: Pick<Headers, "get">;
  /** The body as text, or null when it is longer than `limit` bytes. */
  text(limit: number): Promise<string | null>;
};

export type ApiAnswer = { status: number; headers: Record<string, string | string[]>; body: string };

/** One call as a route sees it; `input` is what the route's schema made of it (undefined without a schema). */
export type ApiCall<Actor, Input = unknown> = {
  actor: Actor;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  input: Input;
};

/**
 * A route, declared as a server action is (src/lib/action.ts): the input's
 * schema and where it is read from, then the handler. Every route needs a
 * signed-in caller (the router refuses anyone else).
 */
export type ApiRoute<Actor, Schema extends z.ZodType | undefined = z.ZodType | undefined> = {
  method: "GET" | "POST";
  /** Segments after the prefix; ":name" takes one segment as params.name. */
  path: string;
  /** The status of a success (200 unless said). */
  status?: number;
  /** The input's schema: bad input is refused with a 400 and one entry per field to fix. */
  input?: Schema;
  /** The raw input from the call (the body unless said); may refuse with an AppError first. */
  read?(call: Omit<ApiCall<Actor>, "input">): unknown;
  handle(call: ApiCall<Actor, Schema extends z.ZodType ? z.output<Schema> : undefined>): Promise<unknown>;
};

/** Who is calling, and any cookie to set on the answer (a session refreshed on the way); null when signed out. */
export type ApiAuthenticate<Actor> = (request: ApiRequest) => Promise<{ actor: Actor; setCookie?: string[] } | null>;

export const API_BODY_LIMIT_BYTES = 64 * 1024;

/** The JSON API never serves anything a browser would run or frame. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A whole number from the query string ("before=120"), or undefined when absent; anything else is refused. */
export function queryWholeNumber(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  if (!/^-?\d{1,10}$/.test(value))
    throw new AppError("invalid_input", `${name} must be a whole number.`, { [name]: ["Use a whole number."] });
  return Number(value);
}

/** A refusal with an HTTP status of its own (413, 415) beside the product's error code. */
class StatusRefusal extends AppError {
  constructor(
    private readonly httpStatus: number,
    message: string,
  ) {
    super("invalid_input", message);
  }

  override get status(): number {
    return this.httpStatus;
  }
}

type CompiledRoute<Actor> = ApiRoute<Actor> & { segments: string[] };

function match<Actor>(routes: CompiledRoute<Actor>[], segments: string[]) {
  const found: { route: CompiledRoute<Actor>; params: Record<string, string> }[] = [];
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    if (
      route.segments.every((part, index) =>
        part.startsWith(":") ? ((params[part.slice(1)] = segments[index]!), true) : part === segments[index],
      )
    )
      found.push({ route, params });
  }
  return found;
}

export function createApi<Actor>(options: {
  prefix: string;
  routes: ApiRoute<Actor>[];
  authenticate: ApiAuthenticate<Actor>;
  https: () => boolean;
}) {
  const routes = options.routes.map((route) => ({ ...route, segments: route.path.split("/") }));

  function answer(
    status: number,
    body: unknown,
    requestId: string,
    extra: Record<string, string | string[]> = {},
  ): ApiAnswer {
    return {
      status,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
        [REQUEST_ID_HEADER]: requestId,
        ...securityHeaders({ https: options.https() }),
        ...extra,
      },
      body: JSON.stringify(body),
    };
  }

  /** The same failure as a server action's (an absent field is left out of the JSON). */
  function refusal(error: AppError, requestId: string, extra?: Record<string, string | string[]>): ApiAnswer {
    return answer(error.status, fail(error), requestId, extra);
  }

  async function body(request: ApiRequest): Promise<unknown> {
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
      throw new StatusRefusal(415, "Send the body as JSON (Content-Type: application/json).");
    }
    const text = await request.text(API_BODY_LIMIT_BYTES);
    if (text === null)
      throw new StatusRefusal(
        413,
        `That is too much to send at once (the limit is ${API_BODY_LIMIT_BYTES / 1024} KB). Send less and try again.`,
      );
    try {
      return text === "" ? {} : JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", "The body is not valid JSON.");
    }
  }

  /** Answers one request whose path starts with the prefix. */
  return async function handle(request: ApiRequest): Promise<ApiAnswer> {
    const upstream = request.headers.get(REQUEST_ID_HEADER);
    const requestId = upstream && /^[\w-]{8,64}$/.test(upstream) ? upstream : crypto.randomUUID();
    const [path = "", search = ""] = request.url.slice(options.prefix.length).split("?", 2);
    const segments = path
      .split("/")
      .filter(Boolean)
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      });
    const candidates = match(routes, segments);
    const found = candidates.find((candidate) => candidate.route.method === request.method);
    if (!found) {
      if (candidates.length === 0)
        return refusal(new AppError("not_found", "There is no such API address."), requestId);
      const allow = candidates.map((candidate) => candidate.route.method).join(", ");
      return answer(405, { ok: false, code: "invalid_input", message: `Use ${allow} here.` }, requestId, {
        Allow: allow,
      });
    }
    let cookies: Record<string, string[]> = {};
    try {
      if (request.method !== "GET" && isCrossSiteRequest(request.headers))
        throw new AppError("forbidden", "API calls that change something must come from Callback itself.");
      const caller = await options.authenticate(request);
      if (!caller) throw new AppError("unauthenticated");
      if (caller.setCookie?.length) cookies = { "Set-Cookie": caller.setCookie };
      const route = found.route;
      const call: ApiCall<Actor> = {
        actor: caller.actor,
        params: found.params,
        query: new URLSearchParams(search),
        body: request.method === "GET" ? undefined : await body(request),
        input: undefined,
      };
      if (route.input) call.input = parseInput(route.input, route.read ? route.read(call) : call.body);
      const data = await route.handle(call);
      return answer(route.status ?? 200, data ?? null, requestId, cookies);
    } catch (error) {
      if (isAppError(error)) return refusal(error, requestId, cookies);
      const err = error instanceof Error ? error : new Error(String(error));
      getLogger().error(
        {
          requestId,
          method: request.method,
          path: `${options.prefix}${found.route.path}`,
          err: { type: err.name, message: err.message, stack: err.stack },
        },
        "request failed",
      );
      return refusal(new AppError("internal"), requestId, cookies);
    }
  };
}

/** The same API as a Next.js route handler (development, and wherever the production server is not in front). */
export function asRouteHandler(handle: (request: ApiRequest) => Promise<ApiAnswer>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const answer = await handle({
      method: request.method,
      url: url.pathname + url.search,
      headers: request.headers,
      text: async (limit) => {
        // A body said up front to be too large is refused before it is read.
        if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
        const text = await request.text();
        return Buffer.byteLength(text) > limit ? null : text;
      },
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    return new Response(answer.body, { status: answer.status, headers });
  };
}
