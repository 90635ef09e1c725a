import http from "node:http";
import { expect, test } from "@playwright/test";
import { lineBreakText, massAssignment, refusedText, storedText } from "../hostile";
import { actorNames, loadFixtures, type ActorName, type Fixtures } from "./fixtures";
import { apiRows } from "./matrix";
import {
  actionIds,
  apiAnswerOf,
  baseUrl,
  callAction,
  callApi,
  changedTables,
  database,
  endOfFile,
  one,
  settled,
  signIn,
  type ApiAnswer,
  type ApiCallOptions,
} from "./support";

/**
 * The JSON API (/api/v1/...) attacked directly, as a script would: from another
 * site, with a session that means nothing, with bodies that are not JSON, too
 * large or malformed, at addresses and with methods it does not have, and with
 * hostile text, shapes, queries and ids. Whatever comes back, a refusal writes
 * nothing, nothing answers a 500, and every answer carries the security headers.
 * Who may call which route is the authorization matrix's (apiRows).
 */

let fixtures: Fixtures;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  fixtures = await loadFixtures();
});
test.afterAll(endOfFile);

const postRoutes = Object.keys(apiRows).filter((route) => route.startsWith("POST "));
const sendPath = () => `/api/v1/conversations/${fixtures.conversationId}/messages`;
const readPath = () => `/api/v1/conversations/${fixtures.conversationId}/read`;
const newMessage = (body = "A message from a script") => ({ body, clientKey: crypto.randomUUID() });

/** The first actor the matrix lets call the route, with the route's path and a body for that actor. */
function allowedCall(route: string) {
  const row = apiRows[route]!;
  const actor = actorNames.find((candidate) => Number(row.expect[candidate]) < 400)!;
  return { method: route.split(" ")[0]!, path: row.path(fixtures), actor, body: () => row.body?.(fixtures, actor) };
}

/** Makes the call and records a problem when the status is not the expected one or the call changed a guarded table. */
async function answeredWithoutWriting(
  problems: string[],
  label: string,
  expected: number,
  call: () => Promise<ApiAnswer>,
): Promise<ApiAnswer> {
  const before = await settled();
  const answer = await call();
  if (answer.status !== expected) problems.push(`${label}: ${answer.status} ${answer.code ?? ""}, not ${expected}`);
  const changed = changedTables(before, await settled());
  if (changed.length > 0) problems.push(`${label}: changed ${changed.join(", ")}`);
  return answer;
}

/** A POST with a raw body and content type, as a script sends it. */
async function rawPost(
  pathname: string,
  body: BodyInit | null,
  headers: Record<string, string>,
  cookie = fixtures.cookies.pro!,
): Promise<ApiAnswer> {
  // A stream body is sent in chunks, without a length ("duplex" is Node's, missing from the DOM types).
  return apiAnswerOf(
    await fetch(`${baseUrl}${pathname}`, {
      method: "POST",
      headers: { cookie, origin: baseUrl, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

test("from another site: every POST route refuses a forged Origin or a cross-site fetch, even with the right cookie, and writes nothing", async () => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const route of postRoutes) {
    const call = allowedCall(route);
    const cookie = fixtures.cookies[call.actor];
    for (const [label, options] of [
      ["a forged Origin", { origin: "https://attacker.example" }],
      ["another port of this host", { origin: `${new URL(baseUrl).protocol}//${new URL(baseUrl).hostname}:1` }],
      ['Origin "null" (a sandboxed frame)', { origin: "null" }],
      ["Sec-Fetch-Site: cross-site", { headers: { "sec-fetch-site": "cross-site" } }],
    ] as const) {
      const answer = await answeredWithoutWriting(problems, `${route}, ${label}`, 403, () =>
        callApi(call.method, call.path, { cookie, body: call.body(), ...options }),
      );
      if (answer.status === 403 && answer.code !== "forbidden")
        problems.push(`${route}, ${label}: code ${answer.code}`);
    }
  }
  expect(problems).toEqual([]);
});

test("without a session - no cookie, a signed-out, expired, forged or re-signed cookie - every route answers 401 and writes nothing", async () => {
  test.setTimeout(180_000);
  const ids = actionIds();
  const signedOut = await signIn(fixtures.emails.pro);
  expect((await callAction(ids.signOutAction!, [], { cookie: signedOut })).outcome).toMatch(/^redirect:\/sign-in/);
  const expired = await signIn(fixtures.emails.talent);
  const tokenOf = (cookie: string) =>
    decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(cookie)![1]!).split(".")[0]!;
  const { rowCount } = await database().query(
    "update sessions set expires_at = now() - interval '1 minute' where token = $1",
    [tokenOf(expired)],
  );
  expect(rowCount).toBe(1);
  // A live session's token: without its signature, or with one made up, it is nobody's.
  const liveToken = tokenOf(fixtures.cookies.pro!);
  const sessionCookies = [
    ["no cookie", undefined],
    ["a signed-out cookie", signedOut],
    ["an expired cookie", expired],
    ["a forged cookie", "better-auth.session_token=forged.value"],
    ["a live token without its signature", `better-auth.session_token=${liveToken}`],
    [
      "a live token with a made-up signature",
      `better-auth.session_token=${encodeURIComponent(`${liveToken}.${Buffer.alloc(32, 7).toString("base64")}`)}`,
    ],
  ] as const;

  const problems: string[] = [];
  for (const route of Object.keys(apiRows)) {
    const call = allowedCall(route);
    for (const [label, cookie] of sessionCookies) {
      const answer = await answeredWithoutWriting(problems, `${route} with ${label}`, 401, () =>
        callApi(call.method, call.path, { cookie, body: call.body(), origin: cookie ? undefined : null }),
      );
      if (answer.status === 401 && answer.code !== "unauthenticated")
        problems.push(`${route} with ${label}: code ${answer.code}`);
    }
  }
  expect(problems).toEqual([]);
});

test("a POST's body must be JSON (415), at most 64 KB (413, said up front or not) and well formed (400); none of them writes", async () => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  const json = JSON.stringify(newMessage());
  for (const type of [
    null,
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
    "text/json",
  ]) {
    await answeredWithoutWriting(problems, `Content-Type ${type ?? "(none)"}`, 415, () =>
      rawPost(sendPath(), json, type ? { "content-type": type } : {}),
    );
  }
  // Just over the limit, said up front; far over; and over it without a length (sent in chunks).
  const unpadded = JSON.stringify({ ...newMessage(), padding: "" }).length;
  const padded = (size: number) => JSON.stringify({ ...newMessage(), padding: "p".repeat(size - unpadded) });
  expect(Buffer.byteLength(padded(64 * 1024 + 1))).toBe(64 * 1024 + 1);
  for (const path of [sendPath(), readPath()]) {
    await answeredWithoutWriting(problems, `${path}: 64 KB + 1 byte`, 413, () =>
      rawPost(path, padded(64 * 1024 + 1), { "content-type": "application/json" }),
    );
    await answeredWithoutWriting(problems, `${path}: 5 MB`, 413, () =>
      rawPost(path, padded(5 * 1024 * 1024), { "content-type": "application/json" }),
    );
    const chunked = () =>
      new ReadableStream({
        start(controller) {
          for (let chunk = 0; chunk < 10; chunk += 1)
            controller.enqueue(new TextEncoder().encode(chunk === 0 ? `{"padding":"` : "q".repeat(10_000)));
          controller.enqueue(new TextEncoder().encode(`"}`));
          controller.close();
        },
      });
    await answeredWithoutWriting(problems, `${path}: 90 KB in chunks, no length`, 413, () =>
      rawPost(path, chunked(), { "content-type": "application/json" }),
    );
  }
  // Exactly at the limit the body is read, and judged on what it says.
  expect(
    (await rawPost(sendPath(), padded(64 * 1024), { "content-type": "application/json; charset=utf-8" })).status,
    "64 KB exactly",
  ).toBe(201);
  for (const malformed of [
    "{",
    '{"body": "x",}',
    "not json",
    "{'body': 'x'}",
    '{"body": "x"} trailing',
    "\u0000",
    "NaN",
    `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  ]) {
    const answer = await answeredWithoutWriting(
      problems,
      `malformed ${JSON.stringify(malformed.slice(0, 20))}`,
      400,
      () => rawPost(sendPath(), malformed, { "content-type": "application/json" }),
    );
    if (answer.status === 400 && answer.code !== "invalid_input")
      problems.push(`malformed ${malformed.slice(0, 20)}: code ${answer.code}`);
  }
  expect(problems).toEqual([]);
});

test("addresses the API does not have answer 404, and known ones called with another method 405 naming the methods in Allow - before any other check", async () => {
  const problems: string[] = [];
  const id = fixtures.conversationId;
  // Signed out and from another site: the address is judged first.
  const options: ApiCallOptions = { origin: "https://attacker.example" };
  for (const path of [
    "/api/v1/nothing",
    "/api/v1/",
    "/api/v1/UNREAD",
    `/api/v1/conversations/${id}`,
    `/api/v1/conversations/${id}/messages/extra`,
    "/api/v1/conversations/..%2Funread",
    "/api/v1/unread%2F",
    "/api/v1/unread/%2e%2e%2Fconversations",
  ]) {
    for (const method of ["GET", "POST"]) {
      const answer = await answeredWithoutWriting(problems, `${method} ${path}`, 404, () =>
        callApi(method, path, options),
      );
      if (answer.status === 404 && answer.code !== "not_found") problems.push(`${method} ${path}: code ${answer.code}`);
    }
  }
  for (const [method, path, allow] of [
    ["POST", "/api/v1/unread", "GET"],
    ["POST", "/api/v1/conversations", "GET"],
    ["GET", `/api/v1/conversations/${id}/read`, "POST"],
    ["DELETE", `/api/v1/conversations/${id}/messages`, "GET, POST"],
    ["PUT", `/api/v1/conversations/${id}/messages`, "GET, POST"],
    ["PATCH", `/api/v1/conversations/${id}/read`, "POST"],
    ["DELETE", "/api/v1/conversations", "GET"],
  ] as const) {
    const answer = await answeredWithoutWriting(problems, `${method} ${path}`, 405, () =>
      callApi(method, path, { ...options, cookie: fixtures.cookies.pro }),
    );
    if (answer.status === 405 && answer.headers.get("allow") !== allow)
      problems.push(`${method} ${path}: Allow ${answer.headers.get("allow")}, not ${allow}`);
  }
  expect(problems).toEqual([]);
});

test("every answer of the API is JSON, carries the security headers and is never cached", async () => {
  const pro = fixtures.cookies.pro!;
  const answers: Record<string, ApiAnswer> = {
    "200 inbox": await callApi("GET", "/api/v1/conversations", { cookie: pro }),
    "200 unread": await callApi("GET", "/api/v1/unread", { cookie: pro }),
    "201 sent": await callApi("POST", sendPath(), { cookie: pro, body: newMessage("Headers check") }),
    "400 invalid": await callApi("POST", sendPath(), { cookie: pro, body: { body: "" } }),
    "401 signed out": await callApi("GET", "/api/v1/unread"),
    "403 other site": await callApi("POST", readPath(), {
      cookie: pro,
      body: { seq: 0 },
      origin: "https://attacker.example",
    }),
    "404 no such route": await callApi("GET", "/api/v1/nothing"),
    "404 not a participant": await callApi("GET", `/api/v1/conversations/${fixtures.conversationId}/messages`, {
      cookie: fixtures.cookies.stranger,
    }),
    "405 wrong method": await callApi("POST", "/api/v1/unread", { cookie: pro, body: {} }),
    "413 too large": await rawPost(readPath(), "x".repeat(70 * 1024), { "content-type": "application/json" }),
    "415 not JSON": await rawPost(readPath(), "seq=1", { "content-type": "application/x-www-form-urlencoded" }),
    // A request id a client makes up is not echoed unless it is a plain one.
    "with a hostile request id": await callApi("GET", "/api/v1/unread", {
      cookie: pro,
      headers: { "x-request-id": "<script>alert(1)</script>" },
    }),
  };
  for (const [kind, answer] of Object.entries(answers)) {
    const header = (name: string) => answer.headers.get(name);
    expect(answer.status, kind).toBe(Number(kind.split(" ")[0]) || 200);
    expect(header("content-type"), kind).toMatch(/^application\/json\b/);
    expect(header("x-content-type-options"), kind).toBe("nosniff");
    expect(header("x-frame-options"), kind).toBe("DENY");
    expect(header("referrer-policy"), kind).toBe("strict-origin-when-cross-origin");
    expect(header("content-security-policy"), kind).toContain("default-src 'none'");
    expect(header("content-security-policy"), kind).toContain("frame-ancestors 'none'");
    expect(header("cache-control"), kind).toBe("private, no-store");
    expect(header("x-powered-by"), kind).toBeNull();
    expect(header("x-request-id"), kind).toMatch(/^[\w-]{8,64}$/);
    // Never an answer a browser would let another site read.
    expect(header("access-control-allow-origin"), kind).toBeNull();
    expect(typeof answer.json, kind).toBe("object");
  }
});

test("reached through the page renderer instead (a path the server does not answer itself), the API refuses the same", async () => {
  // "/api/./v1/..." is not under the prefix the server answers itself; Next.js resolves the dot and hands it to the route handler.
  const viaRenderer = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(baseUrl);
      const request = http.request(
        { host: url.hostname, port: url.port, method, path: path.replace(/^\/api\//, "/api/./"), headers },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const pro = fixtures.cookies.pro!;
  const json = { origin: baseUrl, "content-type": "application/json" };
  const read = JSON.stringify({ seq: 0 });
  const before = await settled();
  const answers = {
    "signed out": await viaRenderer("GET", "/api/v1/unread", {}),
    "a forged cookie": await viaRenderer("GET", "/api/v1/unread", { cookie: "better-auth.session_token=forged.value" }),
    "another's conversation": await viaRenderer("GET", `/api/v1/conversations/${fixtures.conversationId}/messages`, {
      cookie: fixtures.cookies.stranger!,
    }),
    "from another site": await viaRenderer(
      "POST",
      readPath(),
      { ...json, cookie: pro, origin: "https://attacker.example" },
      read,
    ),
    "not JSON": await viaRenderer("POST", readPath(), { ...json, cookie: pro, "content-type": "text/plain" }, read),
    "over 64 KB": await viaRenderer("POST", readPath(), { ...json, cookie: pro }, "x".repeat(70 * 1024)),
    "malformed JSON": await viaRenderer("POST", readPath(), { ...json, cookie: pro }, "{"),
    "a stranger reading": await viaRenderer("POST", readPath(), { ...json, cookie: fixtures.cookies.stranger! }, read),
    "no such route": await viaRenderer("GET", "/api/v1/nothing", { cookie: pro }),
    "another method": await viaRenderer("POST", "/api/v1/unread", { ...json, cookie: pro }, "{}"),
  };
  expect(changedTables(before, await settled())).toEqual([]);
  expect(answers).toEqual({
    "signed out": 401,
    "a forged cookie": 401,
    "another's conversation": 404,
    "from another site": 403,
    "not JSON": 415,
    "over 64 KB": 413,
    "malformed JSON": 400,
    "a stranger reading": 404,
    "no such route": 404,
    "another method": 405,
  });
  expect(await viaRenderer("GET", "/api/v1/unread", { cookie: pro })).toBe(200);
});

test("hostile text in a message: refused text is turned away with a field error on the message, and writes nothing", async () => {
  const problems: string[] = [];
  for (const [label, text] of [...Object.entries(refusedText), ["5,001 characters", "m".repeat(5001)]] as const) {
    const answer = await answeredWithoutWriting(problems, label, 400, () =>
      callApi("POST", sendPath(), { cookie: fixtures.cookies.pro, body: newMessage(text) }),
    );
    if (answer.status === 400 && !(answer.fieldErrors?.body?.[0] && /\S.*[.!?]$/.test(answer.fieldErrors.body[0])))
      problems.push(`${label}: no message for the body field (${JSON.stringify(answer.json)})`);
  }
  expect(problems).toEqual([]);
});

test("hostile text in a message: stored text is kept exactly as sent, and comes back as JSON text", async () => {
  for (const [label, text] of Object.entries({ ...storedText, ...lineBreakText })) {
    const expected = text.replace(/\r\n?/g, "\n").trim();
    const sent = await callApi("POST", sendPath(), { cookie: fixtures.cookies.pro, body: newMessage(text) });
    expect(sent.status, label).toBe(201);
    const message = sent.json as { id: string; seq: number; body: string };
    expect(message.body, label).toBe(expected);
    const row = await one<{ body: string; sender_id: string }>("select body, sender_id from messages where id = $1", [
      message.id,
    ]);
    expect(row, label).toEqual({ body: expected, sender_id: fixtures.userIds.pro });
    // The other participant reads it back as the same text.
    const page = await callApi("GET", `${sendPath()}?after=${message.seq - 1}`, { cookie: fixtures.cookies.talent });
    expect(page.status, label).toBe(200);
    expect(
      (page.json as { messages: { id: string; body: string }[] }).messages.find((each) => each.id === message.id)?.body,
      label,
    ).toBe(expected);
  }
});

test("a send takes only the message and its key: the sender is the session's and the conversation the address's, whatever else the body says", async () => {
  const elsewhere = await one<{ id: string }>(
    "select c.id from conversations c where not exists (select 1 from conversation_participants p where p.conversation_id = c.id and p.user_id = $1) limit 1",
    [fixtures.userIds.pro],
  );
  const before = await one<{ last_seq: number }>("select last_seq from conversations where id = $1", [
    fixtures.conversationId,
  ]);
  const sent = await callApi("POST", sendPath(), {
    cookie: fixtures.cookies.pro,
    body: {
      ...massAssignment,
      conversationId: elsewhere.id,
      seq: 1,
      isMine: false,
      ...newMessage("Only this text is mine to set"),
    },
  });
  expect(sent.status).toBe(201);
  const row = await one<{ conversation_id: string; sender_id: string; seq: number; is_recent: boolean }>(
    "select conversation_id, sender_id, seq, created_at > now() - interval '1 minute' as is_recent from messages where id = $1",
    [(sent.json as { id: string }).id],
  );
  expect(row).toEqual({
    conversation_id: fixtures.conversationId,
    sender_id: fixtures.userIds.pro,
    seq: before.last_seq + 1,
    is_recent: true,
  });
  const { rows } = await database().query("select 1 from messages where conversation_id = $1 and body = $2", [
    elsewhere.id,
    "Only this text is mine to set",
  ]);
  expect(rows).toEqual([]);
});

test("any JSON in place of the fields is refused with a 400 that says what to fix, never a 500, and writes nothing", async () => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  const key = crypto.randomUUID();
  const sendBodies: unknown[] = [
    null,
    true,
    42,
    "a message",
    [],
    [newMessage()],
    {},
    { body: 42, clientKey: key },
    { body: ["x"], clientKey: key },
    { body: { text: "x" }, clientKey: key },
    { body: null, clientKey: key },
  ];
  sendBodies.push(
    { body: "x", clientKey: "not-a-uuid" },
    { body: "x", clientKey: 42 },
    { body: "x" },
    { clientKey: key },
  );
  for (const body of sendBodies) {
    const answer = await answeredWithoutWriting(problems, `send ${JSON.stringify(body)}`, 400, () =>
      callApi("POST", sendPath(), { cookie: fixtures.cookies.pro, body: JSON.stringify(body) }),
    );
    if (answer.status === 400 && !answer.message) problems.push(`send ${JSON.stringify(body)}: no message`);
  }
  // Fields under __proto__ or constructor are the object's own, never inherited ones.
  for (const raw of [
    `{"__proto__": ${JSON.stringify(newMessage())}}`,
    `{"constructor": {"prototype": ${JSON.stringify(newMessage())}}}`,
  ]) {
    await answeredWithoutWriting(problems, `send ${raw}`, 400, () =>
      callApi("POST", sendPath(), { cookie: fixtures.cookies.pro, body: raw }),
    );
  }
  for (const body of [
    null,
    {},
    [1],
    { seq: "1" },
    { seq: 1.5 },
    { seq: -1 },
    { seq: null },
    { seq: 1e308 },
    { seq: 2 ** 53 },
    { seq: [1] },
  ]) {
    await answeredWithoutWriting(problems, `read ${JSON.stringify(body)}`, 400, () =>
      callApi("POST", readPath(), { cookie: fixtures.cookies.talent, body: JSON.stringify(body) }),
    );
  }
  expect(problems).toEqual([]);
  // Past the newest message: the pointer stops at the newest, never beyond.
  const newest = (
    await one<{ last_seq: number }>("select last_seq from conversations where id = $1", [fixtures.conversationId])
  ).last_seq;
  for (const seq of [newest + 1, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
    const read = await callApi("POST", readPath(), { cookie: fixtures.cookies.talent, body: { seq } });
    expect([read.status, (read.json as { lastReadSeq: number }).lastReadSeq], `seq ${seq}`).toEqual([200, newest]);
  }
});

test("hostile query strings and ids answer a 4xx or the page, never a 500, and write nothing", async () => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  const cookie = fixtures.cookies.pro!;
  for (const query of [
    "before=abc",
    "after=1e3",
    "before=0x10",
    "before=1.5",
    "after=99999999999",
    "before=%201",
    "after=x&before=1",
  ]) {
    const answer = await answeredWithoutWriting(problems, `messages?${query}`, 400, () =>
      callApi("GET", `${sendPath()}?${query}`, { cookie }),
    );
    if (
      answer.status === 400 &&
      !Object.keys(answer.fieldErrors ?? {}).some((field) => field === "before" || field === "after")
    )
      problems.push(`messages?${query}: no field error`);
  }
  for (const query of [
    "before=",
    "before=-1",
    "after=-5",
    "before=9999999999",
    "after=0&before=2",
    "before=1&after=1000",
  ]) {
    await answeredWithoutWriting(problems, `messages?${query}`, 200, () =>
      callApi("GET", `${sendPath()}?${query}`, { cookie }),
    );
  }
  // A cursor that is not one of ours is the first page.
  const uuid = crypto.randomUUID();
  const cursors = [
    "garbage",
    "' or '1'='1",
    "x".repeat(4000),
    `9999-12-31T23:59:59Z|${uuid}`,
    `0001-01-01T00:00:00Z|${uuid}`,
    `2026-02-30T00:00:00Z|${uuid}`,
    `2026-01-01T00:00:00Z|${uuid}'--`,
    "\u0000",
  ].map(encodeURIComponent);
  // Bytes that are no UTF-8 (an encoded lone surrogate).
  cursors.push("%ED%A0%80%FF");
  for (const cursor of cursors) {
    await answeredWithoutWriting(problems, `inbox?cursor=${cursor.slice(0, 30)}`, 200, () =>
      callApi("GET", `/api/v1/conversations?cursor=${cursor}`, { cookie }),
    );
  }
  // Ids that are no conversation's: missing, for every route that takes one.
  const ids = [
    "not-a-uuid",
    "1",
    "'%20or%20'1'='1",
    "%00",
    "%E2%80%AE",
    "%ZZ",
    `${fixtures.conversationId}%20`,
    `${fixtures.conversationId}x`,
    "x".repeat(2000),
  ];
  for (const id of ids) {
    await answeredWithoutWriting(problems, `GET messages of ${id.slice(0, 40)}`, 404, () =>
      callApi("GET", `/api/v1/conversations/${id}/messages`, { cookie }),
    );
    await answeredWithoutWriting(problems, `read ${id.slice(0, 40)}`, 404, () =>
      callApi("POST", `/api/v1/conversations/${id}/read`, { cookie, body: { seq: 1 } }),
    );
    await answeredWithoutWriting(problems, `send to ${id.slice(0, 40)}`, 404, () =>
      callApi("POST", `/api/v1/conversations/${id}/messages`, { cookie, body: newMessage() }),
    );
    for (const [action, body] of [
      ["archive", { archived: true, seq: 1 }],
      ["unread", {}],
      ["mute", { muted: true }],
    ] as const) {
      await answeredWithoutWriting(problems, `${action} ${id.slice(0, 40)}`, 404, () =>
        callApi("POST", `/api/v1/conversations/${id}/${action}`, { cookie, body }),
      );
    }
  }
  // A view the inbox does not have is a 400 that names the views.
  for (const view of ["deleted", "ARCHIVED", "archived'--", "%00", "x".repeat(2000)]) {
    await answeredWithoutWriting(problems, `inbox view ${view.slice(0, 20)}`, 400, () =>
      callApi("GET", `/api/v1/conversations?view=${view}`, { cookie }),
    );
  }
  // The real id in capitals is still not the stranger's conversation.
  const shouted = fixtures.conversationId.toUpperCase();
  for (const [method, path, body] of [
    ["GET", `/api/v1/conversations/${shouted}/messages`, undefined],
    ["POST", `/api/v1/conversations/${shouted}/read`, { seq: 1 }],
    ["POST", `/api/v1/conversations/${shouted}/messages`, newMessage()],
    ["POST", `/api/v1/conversations/${fixtures.conversationId}/archive`, { archived: true, seq: 1000 }],
    ["POST", `/api/v1/conversations/${fixtures.conversationId}/unread`, {}],
    ["POST", `/api/v1/conversations/${fixtures.conversationId}/mute`, { muted: true }],
  ] as const) {
    await answeredWithoutWriting(problems, `${method} ${path} as the stranger`, 404, () =>
      callApi(method, path, { cookie: fixtures.cookies.stranger, body }),
    );
  }
  expect(problems).toEqual([]);
});

test("the inbox and the unread counts are the caller's own, and name nobody's email", async () => {
  const signedIn = actorNames.filter(
    (actor): actor is Exclude<ActorName, "anonymous" | "suspended"> => actor !== "anonymous" && actor !== "suspended",
  );
  for (const actor of signedIn) {
    const inbox = await callApi("GET", "/api/v1/conversations", { cookie: fixtures.cookies[actor] });
    expect(inbox.status, actor).toBe(200);
    const listed = (inbox.json as { items: { id: string }[] }).items.map((item) => item.id);
    const { rows } = await database().query(
      "select conversation_id from conversation_participants where user_id = $1 and conversation_id = any($2::uuid[])",
      [fixtures.userIds[actor], listed],
    );
    expect(rows.length, `${actor}'s inbox lists only conversations of theirs`).toBe(listed.length);
    expect(listed.includes(fixtures.conversationId), actor).toBe(actor === "pro" || actor === "talent");

    const unread = await callApi("GET", "/api/v1/unread", { cookie: fixtures.cookies[actor] });
    const counts = await one<{ messages: number; notifications: number }>(
      `select (select coalesce(sum(greatest(last_seq - last_read_seq, case when marked_unread then 1 else 0 end)), 0)::int
               from conversation_participants where user_id = $1 and archived_at is null) as messages,
              (select count(*)::int from notifications where user_id = $1 and read_at is null) as notifications`,
      [fixtures.userIds[actor]],
    );
    expect(unread.json, `${actor}'s unread counts`).toEqual(counts);
    for (const other of signedIn.filter((each) => each !== actor)) {
      expect(JSON.stringify(inbox.json), `${actor}'s inbox`).not.toContain(fixtures.emails[other]);
    }
  }
});
