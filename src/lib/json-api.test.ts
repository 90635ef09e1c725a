import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parseInput } from "./action-result";
import { AppError, errorCodes } from "./errors";
import {
  API_BODY_LIMIT_BYTES,
  asRouteHandler,
  createApi,
  queryWholeNumber,
  type ApiAuthenticate,
  type ApiCall,
  type ApiRequest,
} from "./json-api";

// An unexpected error is logged once; the test reads what was logged instead of configuring a real logger.
const logged = vi.hoisted(() => ({ error: vi.fn() }));
vi.mock("./logger", () => ({ getLogger: () => logged }));

type Actor = { userId: string };

const PREFIX = "/api/v1/";
const HOST = "callback.test";

/** A request as a server would hand it over: same-site by default, with a JSON body when one is given. */
function request(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): ApiRequest & { read: ReturnType<typeof vi.fn> } {
  const headers = new Headers({
    host: HOST,
    ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
    ...options.headers,
  });
  const read = vi.fn(async (limit: number) => {
    const text = options.body ?? "";
    return Buffer.byteLength(text) > limit ? null : text;
  });
  return { method, url: `${PREFIX}${path}`, headers, text: read, read };
}

/** What a function threw (undefined when it returned). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function json(answer: { body: string }) {
  return JSON.parse(answer.body) as Record<string, unknown>;
}

let calls: ApiCall<Actor>[];
let caller: Awaited<ReturnType<ApiAuthenticate<Actor>>>;
let authenticate: ReturnType<typeof vi.fn<ApiAuthenticate<Actor>>>;
let failure: unknown;
let https: boolean;

function handler(result: unknown) {
  return async (call: ApiCall<Actor>) => {
    calls.push(call);
    if (failure !== undefined) throw failure;
    return result;
  };
}

function makeApi() {
  return createApi<Actor>({
    prefix: PREFIX,
    authenticate,
    https: () => https,
    routes: [
      { method: "GET", path: "things", handle: handler([{ id: "a" }]) },
      { method: "GET", path: "things/:id", handle: handler({ done: true }) },
      { method: "GET", path: "things/:id/parts/:part", handle: handler({ done: true }) },
      { method: "GET", path: "things/:id/parts", handle: handler({ done: true }) },
      { method: "POST", path: "things/:id/parts", status: 201, handle: handler({ created: true }) },
      { method: "POST", path: "things/:id/read", handle: handler(undefined) },
    ],
  });
}

beforeEach(() => {
  calls = [];
  failure = undefined;
  https = false;
  caller = { actor: { userId: "user-1" } };
  authenticate = vi.fn<ApiAuthenticate<Actor>>(async () => caller);
  logged.error.mockClear();
});

describe("routing", () => {
  it("matches a route by its segments, hands over the decoded params, the query and the actor", async () => {
    const answer = await makeApi()(request("GET", "things/a%20b%2Fc/parts/p%C3%A9?x=1&y=two%20words"));
    expect(answer.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toEqual({ id: "a b/c", part: "p\u00e9" });
    expect(Object.fromEntries(calls[0]!.query)).toEqual({ x: "1", y: "two words" });
    expect(calls[0]!.actor).toEqual({ userId: "user-1" });
    expect(calls[0]!.body).toBeUndefined();
  });

  it("keeps a segment that is not valid percent-encoding as it was sent", async () => {
    await makeApi()(request("GET", "things/100%"));
    expect(calls[0]!.params).toEqual({ id: "100%" });
  });

  it("tells a route from a longer or shorter one with the same start", async () => {
    const api = makeApi();
    await api(request("GET", "things"));
    await api(request("GET", "things/t1"));
    await api(request("GET", "things/t1/parts"));
    expect(calls.map((call) => call.params)).toEqual([{}, { id: "t1" }, { id: "t1" }]);
  });

  it("answers 404 for an address that is no route, without asking who is calling", async () => {
    for (const path of ["nothing", "things/t1/parts/p1/more", "things/t1/other", ""]) {
      const answer = await makeApi()(request("GET", path));
      expect(answer.status).toBe(404);
      expect(json(answer)).toEqual({ ok: false, code: "not_found", message: "There is no such API address." });
    }
    expect(authenticate).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("answers 405 with Allow for a route that exists under other methods", async () => {
    const api = makeApi();
    const onlyPost = await api(request("GET", "things/t1/read"));
    expect(onlyPost.status).toBe(405);
    expect(onlyPost.headers.Allow).toBe("POST");
    expect(json(onlyPost)).toEqual({ ok: false, code: "invalid_input", message: "Use POST here." });

    const both = await api(request("DELETE", "things/t1/parts"));
    expect(both.status).toBe(405);
    expect(both.headers.Allow).toBe("GET, POST");
    expect(authenticate).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });
});

describe("requests that change something", () => {
  const post = (headers: Record<string, string> = {}, body = "{}") =>
    request("POST", "things/t1/parts", { headers, body });

  it("refuses a POST from another site with 403, before reading the session or the body", async () => {
    const api = makeApi();
    const refused = [
      await api(post({ origin: "https://evil.example" })),
      await api(post({ origin: `https://${HOST}.evil.example` })),
      await api(post({ origin: `http://${HOST}:8080` })),
      await api(post({ "sec-fetch-site": "cross-site" })),
      await api(post({ origin: `http://${HOST}`, "sec-fetch-site": "cross-site" })),
      await api(post({ origin: "null" })),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(403);
      expect(json(answer)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(authenticate).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("lets a same-site POST through, and one without Origin (not sent by a browser across sites)", async () => {
    const api = makeApi();
    const passed = [
      await api(post({ origin: `http://${HOST}` })),
      await api(post({ origin: `https://${HOST}`, "sec-fetch-site": "same-origin" })),
      await api(post({ "sec-fetch-site": "same-site" })),
      await api(post()),
      // Behind a proxy the host the browser used is the forwarded one.
      await api(
        post({ origin: "https://callback.example", host: "127.0.0.1:3000", "x-forwarded-host": "callback.example" }),
      ),
    ];
    expect(passed.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(calls).toHaveLength(5);
  });

  it("does not apply the site check to a GET, which changes nothing", async () => {
    const answer = await makeApi()(
      request("GET", "things", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }),
    );
    expect(answer.status).toBe(200);
  });

  it("answers 415 for a body that is not declared as JSON", async () => {
    const api = makeApi();
    for (const type of [
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
    ]) {
      const req = request("POST", "things/t1/parts", { body: "{}" });
      if (type) (req.headers as Headers).set("content-type", type);
      else (req.headers as Headers).delete("content-type");
      const answer = await api(req);
      expect(answer.status).toBe(415);
      expect(json(answer)).toMatchObject({
        ok: false,
        code: "invalid_input",
        message: "Send the body as JSON (Content-Type: application/json).",
      });
      expect(req.read).not.toHaveBeenCalled();
    }
    expect(calls).toHaveLength(0);
  });

  it("accepts a JSON content type with parameters, in any case", async () => {
    const answer = await makeApi()(
      request("POST", "things/t1/parts", {
        body: '{"a":1}',
        headers: { "content-type": "Application/JSON; charset=utf-8" },
      }),
    );
    expect(answer.status).toBe(201);
    expect(calls[0]!.body).toEqual({ a: 1 });
  });

  it("answers 413 for a body over the limit, and reads it with that limit", async () => {
    const api = makeApi();
    const over = request("POST", "things/t1/parts", {
      body: JSON.stringify({ text: "x".repeat(API_BODY_LIMIT_BYTES) }),
    });
    const answer = await api(over);
    expect(answer.status).toBe(413);
    expect(json(answer)).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringContaining("64 KB") });
    expect(over.read).toHaveBeenCalledWith(API_BODY_LIMIT_BYTES);
    expect(calls).toHaveLength(0);

    const atLimit = JSON.stringify({ text: "x".repeat(API_BODY_LIMIT_BYTES - 11) });
    expect(Buffer.byteLength(atLimit)).toBe(API_BODY_LIMIT_BYTES);
    expect((await api(request("POST", "things/t1/parts", { body: atLimit }))).status).toBe(201);
  });

  it("answers 400 for a body that is not valid JSON, and treats an empty body as {}", async () => {
    const api = makeApi();
    for (const body of ["{", "{'a':1}", "undefined", "[1,]"]) {
      const answer = await api(request("POST", "things/t1/parts", { body }));
      expect(answer.status).toBe(400);
      expect(json(answer)).toEqual({ ok: false, code: "invalid_input", message: "The body is not valid JSON." });
    }
    expect(calls).toHaveLength(0);
    expect((await api(request("POST", "things/t1/parts", { body: "" }))).status).toBe(201);
    expect(calls[0]!.body).toEqual({});
  });
});

describe("who is calling", () => {
  it("answers 401 when nobody is signed in, and never runs the handler or reads the body", async () => {
    caller = null;
    const api = makeApi();
    const get = await api(request("GET", "things/t1"));
    const postRequest = request("POST", "things/t1/parts", { body: "{}" });
    const post = await api(postRequest);
    for (const answer of [get, post]) {
      expect(answer.status).toBe(401);
      expect(json(answer)).toEqual({ ok: false, code: "unauthenticated", message: errorCodes.unauthenticated.message });
      expect(answer.headers["Set-Cookie"]).toBeUndefined();
    }
    expect(authenticate).toHaveBeenCalledTimes(2);
    expect(authenticate).toHaveBeenCalledWith(postRequest);
    expect(postRequest.read).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("carries the cookies authentication set, on a success and on a refusal alike", async () => {
    const setCookie = ["better-auth.session_token=new; Path=/; HttpOnly", "other=1; Path=/"];
    caller = { actor: { userId: "user-1" }, setCookie };
    const api = makeApi();
    expect((await api(request("GET", "things/t1"))).headers["Set-Cookie"]).toEqual(setCookie);

    failure = new AppError("conflict", "Already there.");
    const refused = await api(request("GET", "things/t1"));
    expect(refused.status).toBe(409);
    expect(refused.headers["Set-Cookie"]).toEqual(setCookie);

    failure = new Error("boom");
    const crashed = await api(request("GET", "things/t1"));
    expect(crashed.status).toBe(500);
    expect(crashed.headers["Set-Cookie"]).toEqual(setCookie);

    failure = undefined;
    const badBody = await api(request("POST", "things/t1/parts", { body: "{" }));
    expect(badBody.status).toBe(400);
    expect(badBody.headers["Set-Cookie"]).toEqual(setCookie);
  });

  it("sets no cookie when authentication set none", async () => {
    caller = { actor: { userId: "user-1" }, setCookie: [] };
    expect((await makeApi()(request("GET", "things/t1"))).headers["Set-Cookie"]).toBeUndefined();
  });
});

describe("answers", () => {
  it("answers a success with the route's status and the handler's data as JSON", async () => {
    const api = makeApi();
    const list = await api(request("GET", "things"));
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body)).toEqual([{ id: "a" }]);
    const created = await api(request("POST", "things/t1/parts", { body: '{"name":"x"}' }));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toEqual({ created: true });
    expect(calls[1]!.body).toEqual({ name: "x" });
    const nothing = await api(request("POST", "things/t1/read", { body: "{}" }));
    expect(nothing.status).toBe(200);
    expect(nothing.body).toBe("null");
  });

  it("answers an AppError with its status, code, message and field errors", async () => {
    const api = makeApi();
    failure = new AppError("invalid_input", "Fix these.", { name: ["Enter a name."], "items.0": ["Too long."] });
    const invalid = await api(request("GET", "things/t1"));
    expect(invalid.status).toBe(400);
    expect(json(invalid)).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Fix these.",
      fieldErrors: { name: ["Enter a name."], "items.0": ["Too long."] },
    });

    failure = new AppError("subscription_required");
    const premium = await api(request("GET", "things/t1"));
    expect(premium.status).toBe(402);
    expect(json(premium)).toEqual({
      ok: false,
      code: "subscription_required",
      message: errorCodes.subscription_required.message,
    });

    failure = new AppError("not_found", "That conversation does not exist.");
    expect((await api(request("GET", "things/t1"))).status).toBe(404);
    expect(logged.error).not.toHaveBeenCalled();
  });

  it("answers an unexpected error with 500 and the generic message, never its details, and logs it once", async () => {
    const error = new TypeError("secret detail: connection string postgres://user:pw@db");
    failure = error;
    const answer = await makeApi()(request("GET", "things/t1", { headers: { "x-request-id": "req-12345678" } }));
    expect(answer.status).toBe(500);
    expect(json(answer)).toEqual({ ok: false, code: "internal", message: errorCodes.internal.message });
    expect(answer.body).not.toContain("secret detail");
    expect(answer.body).not.toContain("at ");
    expect(answer.body).not.toContain("stack");
    expect(logged.error).toHaveBeenCalledTimes(1);
    expect(logged.error.mock.calls[0]![0]).toMatchObject({
      requestId: "req-12345678",
      method: "GET",
      path: "/api/v1/things/:id",
      err: { type: "TypeError", message: error.message },
    });
  });

  it("answers a thrown non-Error with 500 too", async () => {
    failure = "a string";
    const answer = await makeApi()(request("GET", "things/t1"));
    expect(answer.status).toBe(500);
    expect(json(answer)).toMatchObject({ code: "internal" });
  });

  it("puts the same protective headers on every answer, success or refusal", async () => {
    caller = null;
    const api = makeApi();
    const refusals = [
      await api(request("GET", "nothing")),
      await api(request("DELETE", "things")),
      await api(request("GET", "things")),
    ];
    caller = { actor: { userId: "user-1" } };
    const success = await api(request("GET", "things"));
    for (const answer of [...refusals, success]) {
      expect(answer.headers).toMatchObject({
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
      });
      expect(answer.headers["Strict-Transport-Security"]).toBeUndefined();
    }
    https = true;
    expect((await api(request("GET", "things"))).headers["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });

  it("keeps a sane request id from upstream and replaces anything else with a fresh one", async () => {
    const api = makeApi();
    const idOf = async (id?: string) =>
      (await api(request("GET", "things", { headers: id === undefined ? {} : { "x-request-id": id } }))).headers[
        "x-request-id"
      ] as string;
    expect(await idOf("abc-DEF_12345")).toBe("abc-DEF_12345");
    const uuid = crypto.randomUUID();
    expect(await idOf(uuid)).toBe(uuid);
    const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [
      undefined,
      "",
      "short",
      "x".repeat(65),
      "has space-12345",
      "line\tbreak-12345",
      "<script>alert(1)</script>",
      "a.b.c.d.e.f.g.h",
    ]) {
      const id = await idOf(bad);
      expect(id).toMatch(uuidPattern);
      expect(id).not.toBe(bad);
    }
    expect(await idOf("x".repeat(64))).toBe("x".repeat(64));
  });
});

describe("parseInput", () => {
  const schema = z.object({
    name: z.string().trim().min(1, "Enter a name."),
    age: z.number("Give the age as a number.").int("Give a whole number.").min(0, "The age cannot be negative."),
    tags: z.array(z.string().max(3, "Tags are at most 3 characters.")).default([]),
  });

  it("hands back the parsed value", () => {
    expect(parseInput(schema, { name: "  Ana ", age: 30 })).toEqual({ name: "Ana", age: 30, tags: [] });
  });

  it("refuses with invalid_input and one entry per field to fix", () => {
    const thrown = thrownBy(() => parseInput(schema, { name: " ", age: 1.5, tags: ["ok", "toolong"] }));
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: "invalid_input",
      status: 400,
      message: errorCodes.invalid_input.message,
      fieldErrors: {
        name: ["Enter a name."],
        age: ["Give a whole number."],
        "tags.1": ["Tags are at most 3 characters."],
      },
    });
  });

  it("names the whole form when the value itself is wrong", () => {
    for (const value of ["not an object", null, undefined, 42]) {
      const thrown = thrownBy(() => parseInput(schema, value));
      expect(thrown).toBeInstanceOf(AppError);
      expect(Object.keys((thrown as AppError).fieldErrors ?? {})).toEqual(["form"]);
    }
  });

  it("reaches the caller as a 400 with the field errors when a handler uses it", async () => {
    const api = createApi<Actor>({
      prefix: PREFIX,
      authenticate,
      https: () => false,
      routes: [{ method: "POST", path: "people", handle: async ({ body }) => parseInput(schema, body) }],
    });
    const answer = await api(request("POST", "people", { body: JSON.stringify({ name: "", age: -1 }) }));
    expect(answer.status).toBe(400);
    expect(json(answer)).toEqual({
      ok: false,
      code: "invalid_input",
      message: errorCodes.invalid_input.message,
      fieldErrors: { name: ["Enter a name."], age: ["The age cannot be negative."] },
    });
  });
});

describe("a route's declared input", () => {
  const schema = z.object({ name: z.string().trim().min(1, "Enter a name."), thingId: z.string() });
  const handled: unknown[] = [];
  const api = () =>
    createApi<Actor>({
      prefix: PREFIX,
      authenticate,
      https: () => false,
      routes: [
        {
          method: "POST",
          path: "things/:id/names",
          input: schema,
          read: ({ params, body }) => {
            if (params.id === "gone") throw new AppError("not_found", "No such thing.");
            return { ...(body as object), thingId: params.id };
          },
          handle: async ({ input }) => (handled.push(input), input),
        },
        { method: "POST", path: "things/:id/plain", input: schema, handle: async ({ input }) => input },
        { method: "GET", path: "things/:id/none", handle: async ({ input }) => ({ input: input ?? "none" }) },
      ],
    });

  beforeEach(() => {
    handled.length = 0;
  });

  it("hands the handler what the schema made of what `read` took from the call", async () => {
    const answer = await api()(request("POST", "things/t1/names", { body: JSON.stringify({ name: "  Ana " }) }));
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ name: "Ana", thingId: "t1" });
    expect(handled).toEqual([{ name: "Ana", thingId: "t1" }]);
  });

  it("reads the body when the route says nothing else, and gives no input to a route without a schema", async () => {
    const plain = await api()(
      request("POST", "things/t1/plain", { body: JSON.stringify({ name: "Bo", thingId: "x" }) }),
    );
    expect(json(plain)).toEqual({ name: "Bo", thingId: "x" });
    expect(json(await api()(request("GET", "things/t1/none")))).toEqual({ input: "none" });
  });

  it("refuses bad input with the same failure as a server action's, before the handler runs", async () => {
    const answer = await api()(request("POST", "things/t1/names", { body: JSON.stringify({ name: " " }) }));
    expect(answer.status).toBe(400);
    expect(json(answer)).toEqual({
      ok: false,
      code: "invalid_input",
      message: errorCodes.invalid_input.message,
      fieldErrors: { name: ["Enter a name."] },
    });
    expect(handled).toEqual([]);
  });

  it("answers a refusal from `read` as it is", async () => {
    const answer = await api()(request("POST", "things/gone/names", { body: JSON.stringify({ name: "Ana" }) }));
    expect(answer.status).toBe(404);
    expect(json(answer)).toEqual({ ok: false, code: "not_found", message: "No such thing." });
    expect(handled).toEqual([]);
  });
});

describe("queryWholeNumber", () => {
  const read = (search: string) => queryWholeNumber(new URLSearchParams(search), "before");

  it("reads whole numbers, and nothing when the parameter is absent or empty", () => {
    expect(read("before=12")).toBe(12);
    expect(read("before=-3")).toBe(-3);
    expect(read("before=0")).toBe(0);
    expect(read("before=007")).toBe(7);
    expect(read("before=2147483647")).toBe(2147483647);
    expect(read("")).toBeUndefined();
    expect(read("after=1")).toBeUndefined();
    expect(read("before=")).toBeUndefined();
  });

  it("refuses anything else with a field error named after the parameter", () => {
    // "+2" in a query string reads as " 2".
    for (const value of [
      "1e3",
      "0x10",
      "1.5",
      "%202",
      "+2",
      "2%20",
      "abc",
      "-",
      "--1",
      "12345678901",
      "Infinity",
      "NaN",
      "1_000",
      "\uff11",
    ]) {
      expect(
        thrownBy(() => read(`before=${value}`)),
        value,
      ).toMatchObject({
        code: "invalid_input",
        message: "before must be a whole number.",
        fieldErrors: { before: ["Use a whole number."] },
      });
    }
  });
});

describe("asRouteHandler", () => {
  const handle = () => asRouteHandler(makeApi());

  it("adapts a Web Request to the API and its answer to a Response", async () => {
    caller = { actor: { userId: "user-1" }, setCookie: ["a=1; Path=/", "b=2; Path=/"] };
    const response = await handle()(
      new Request(`http://${HOST}/api/v1/things/t%201/parts?mode=full`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: `http://${HOST}`,
          host: HOST,
          "x-request-id": "from-proxy-123",
        },
        body: JSON.stringify({ name: "part" }),
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: true });
    expect(calls[0]).toMatchObject({ params: { id: "t 1" }, body: { name: "part" }, actor: { userId: "user-1" } });
    expect(calls[0]!.query.get("mode")).toBe("full");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-request-id")).toBe("from-proxy-123");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("passes the request's headers to authentication", async () => {
    await handle()(new Request(`http://${HOST}/api/v1/things`, { headers: { cookie: "session=abc" } }));
    expect(authenticate.mock.calls[0]![0].headers.get("cookie")).toBe("session=abc");
  });

  it("answers 413 for a body over the limit, counted in bytes", async () => {
    // Two bytes per character in UTF-8: under the limit in characters, over it in bytes.
    const body = JSON.stringify({ text: "\u00e9".repeat(API_BODY_LIMIT_BYTES / 2) });
    expect(body.length).toBeLessThan(API_BODY_LIMIT_BYTES);
    const response = await handle()(
      new Request(`http://${HOST}/api/v1/things/t1/parts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(response.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it("answers 405 with Allow, and a cross-site POST with 403", async () => {
    const wrongMethod = await handle()(new Request(`http://${HOST}/api/v1/things/t1/read`));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    const crossSite = await handle()(
      new Request(`http://${HOST}/api/v1/things/t1/parts`, {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
        body: "{}",
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(calls).toHaveLength(0);
  });
});
