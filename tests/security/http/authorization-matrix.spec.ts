import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { actorNames, lapse, loadFixtures, type ActorName, type Fixtures } from "./fixtures";
import { actionRows, apiRows, pageRows, routeRows, type Expectations } from "./matrix";
import {
  actionIds,
  baseUrl,
  callAction,
  callApi,
  changedTables,
  endOfFile,
  get,
  settled,
  signIn,
  type ApiAnswer,
} from "./support";

/**
 * The authorization matrix, generated from the code: every server action of the
 * build, every page and every route handler under src/app, and every route of
 * the JSON API must have a row in matrix.ts, and every row is tried as every
 * actor. A refused call must also leave the database exactly as it was.
 *
 * MATRIX_REPORT=1 prints every cell's observed outcome (for reviewing a change).
 */
const report = process.env.MATRIX_REPORT === "1";

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "src/app/(app)/messages/[conversationId]/page.tsx" -> "/messages/[conversationId]" */
function routeOf(file: string): string {
  const segments = path
    .relative("src/app", path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

const appFiles = walk("src/app");
const pagesInCode = appFiles
  .filter((file) => /\/page\.tsx$/.test(file))
  .map(routeOf)
  .sort();
const routesInCode = appFiles
  .filter((file) => /\/route\.ts$/.test(file))
  .flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /export (?:(?:async )?function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
      ),
    ].map((match) => `${match[1]} ${routeOf(file)}`),
  )
  .sort();

/**
 * The JSON API's routes, "METHOD /api/v1/<path>": read from the route tables
 * that src/app/api/v1/api.ts composes (each `...table` in its `routes`, found
 * by its import). A route written so that its method and path cannot be read
 * here fails the check rather than escape it.
 */
function apiRoutesInCode(): string[] {
  const composition = readFileSync("src/app/api/v1/api.ts", "utf8");
  const prefix = /API_PREFIX = "([^"]+)"/.exec(composition)?.[1];
  const tables = [...(/routes: \[([^\]]*)\]/.exec(composition)?.[1]?.matchAll(/\.\.\.(\w+)/g) ?? [])].map(
    (match) => match[1]!,
  );
  if (!prefix || tables.length === 0)
    throw new Error("src/app/api/v1/api.ts no longer reads as API_PREFIX and routes: [...tables]");
  return tables
    .flatMap((table) => {
      const from = new RegExp(`import \\{[^}]*\\b${table}\\b[^}]*\\} from "@/([^"]+)"`).exec(composition)?.[1];
      if (!from) throw new Error(`The import of the API's route table ${table} was not found`);
      const source = readFileSync(`src/${from}.ts`, "utf8");
      const routes = [...source.matchAll(/method: "(\w+)",\s*path: "([^"]*)"/g)].map(
        (match) => `${match[1]} ${prefix}${match[2]}`,
      );
      const handlers = source.match(/\bhandle:/g)?.length ?? 0;
      if (routes.length !== handlers)
        throw new Error(
          `src/${from}.ts has ${handlers} routes but ${routes.length} read as { method: "...", path: "...", ... }`,
        );
      return routes;
    })
    .sort();
}
const actionsInCode = walk("src/modules")
  .filter((file) => file.endsWith("actions.ts"))
  .flatMap((file) =>
    // Declared through the action pipeline (`export const xAction = defineAction(...)`) or written out.
    [
      ...readFileSync(file, "utf8").matchAll(
        /export (?:async function (\w+)\(|const (\w+) = define(?:Form)?Action\()/g,
      ),
    ].map((match) => (match[1] ?? match[2])!),
  )
  .sort();

/** The rows in the order written, except that a row with `after` waits until that row has run. */
function sortedByDependencies(names: string[]): string[] {
  const done: string[] = [];
  let waiting = [...names];
  while (waiting.length > 0) {
    const ready = waiting.filter((name) => !actionRows[name]!.after || done.includes(actionRows[name]!.after!));
    if (ready.length === 0) throw new Error(`The matrix's "after" links form a loop: ${waiting.join(", ")}`);
    const next = ready[0]!;
    done.push(next);
    waiting = waiting.filter((name) => name !== next);
  }
  return done;
}

/** Refused actors first (their calls must change nothing), then the allowed ones. */
function actorOrder(expectations: Expectations): ActorName[] {
  const allowed = (actor: ActorName) => expectations[actor] === "ok";
  return [...actorNames.filter((actor) => !allowed(actor)), ...actorNames.filter(allowed)];
}

/** Answers that refuse the caller for who they are (the rest are the action's own answers). */
const refusals = new Set(["signin", "not_found", "forbidden", "subscription_required"]);

function observed(outcome: string, expected: string): string {
  // A redirect to sign in is how server actions refuse the signed out.
  const normal = outcome.startsWith("redirect:/sign-in") || outcome === "unauthenticated" ? "signin" : outcome;
  // Allowed: the action ran (or redirected onward), or refused for a business reason (a conflict, a rule of the input).
  if (expected === "ok" && !refusals.has(normal) && !normal.startsWith("http:") && !normal.startsWith("unparsed:"))
    return "ok";
  return normal;
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The same arguments with every id swapped for one that exists nowhere, or null when they hold no id. */
function withUnknownIds(args: unknown[]): unknown[] | null {
  const made = crypto.randomUUID();
  let found = false;
  const swap = (text: string) => text.replace(uuidPattern, () => ((found = true), made));
  const visit = (value: unknown): unknown => {
    if (typeof value === "string") return swap(value);
    if (Array.isArray(value)) return value.map(visit);
    if (value instanceof FormData) {
      const form = new FormData();
      for (const [key, item] of value.entries()) form.append(swap(key), typeof item === "string" ? swap(item) : item);
      return form;
    }
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)]));
    return value;
  };
  const swapped = args.map(visit);
  return found ? swapped : null;
}

test.describe.configure({ mode: "serial" });

let fixtures: Fixtures;
test.beforeAll(async () => {
  fixtures = await loadFixtures();
});
test.afterAll(endOfFile);

test("every server action, page, route handler and JSON API route in the code has a row in the matrix", () => {
  const built = Object.keys(actionIds()).sort();
  expect(built, "the build's server actions are the ones in src/modules/*/actions.ts").toEqual(actionsInCode);
  expect(Object.keys(actionRows).sort(), "a row for every server action").toEqual(actionsInCode);
  expect(Object.keys(pageRows).sort(), "a row for every page").toEqual(pagesInCode);
  expect(Object.keys(routeRows).sort(), "a row for every route handler").toEqual(routesInCode);
  expect(Object.keys(apiRows).sort(), "a row for every route of the JSON API").toEqual(apiRoutesInCode());
});

test("server actions: each actor gets the allowed result or the refusal, and a refusal writes nothing", async () => {
  test.setTimeout(300_000);
  const ids = actionIds();
  const mismatches: string[] = [];
  for (const name of sortedByDependencies(Object.keys(actionRows))) {
    const row = actionRows[name]!;
    const cells: string[] = [];
    const order = actorOrder(row.expect);
    // Arguments first: making them may create the thing acted on, which is not the call's doing.
    const argsOf = new Map<ActorName, unknown[]>();
    for (const actor of order) argsOf.set(actor, await row.args(fixtures, actor));
    let state = await settled();
    for (const actor of order) {
      const expected = row.expect[actor];
      const refusal = refusals.has(expected);
      const args = argsOf.get(actor)!;
      const cookie =
        row.freshSession && actor !== "anonymous" && actor !== "suspended"
          ? await signIn(fixtures.emails[actor])
          : fixtures.cookies[actor];
      const answer = await callAction(ids[name]!, args, { cookie });
      const outcome = observed(answer.outcome, expected);
      cells.push(`${actor}=${answer.outcome}${answer.message && outcome !== expected ? `(${answer.message})` : ""}`);
      if (answer.status >= 500) mismatches.push(`${name} as ${actor}: HTTP ${answer.status}`);
      if (outcome !== expected) mismatches.push(`${name} as ${actor}: expected ${expected}, got ${outcome}`);
      if (!refusal) continue;
      // Missing and forbidden answer the same: the same call with made-up ids gets the same refusal.
      const unknown = row.idsKnownTo === "all" || row.idsKnownTo?.includes(actor) ? null : withUnknownIds(args);
      if (unknown) {
        const missing = observed((await callAction(ids[name]!, unknown, { cookie })).outcome, expected);
        if (missing !== outcome)
          mismatches.push(`${name} as ${actor}: answers ${outcome} for a real id but ${missing} for a made-up one`);
      }
      const after = await settled();
      const changed = changedTables(state, after);
      if (changed.length > 0)
        mismatches.push(`${name} as ${actor}: refused (${outcome}) but ${changed.join(", ")} changed`);
      state = after;
    }
    if (report) console.log(`${name}: ${cells.join(" ")}`);
  }
  expect(mismatches).toEqual([]);
});

test("pages: each actor gets the page, a redirect to sign in, or the same 404 as a missing page", async () => {
  // The actions above end with "lapsed" paying again; the rows below are for the lapsed account.
  await lapse(fixtures.userIds.lapsed);
  const mismatches: string[] = [];
  for (const [route, row] of Object.entries(pageRows)) {
    const cells: string[] = [];
    for (const actor of actorNames) {
      const answer = await get(row.path(fixtures), fixtures.cookies[actor]);
      cells.push(`${actor}=${answer.outcome}`);
      if (answer.outcome !== row.expect[actor])
        mismatches.push(`${route} as ${actor}: expected ${row.expect[actor]}, got ${answer.outcome}`);
    }
    if (report) console.log(`${route}: ${cells.join(" ")}`);
  }
  expect(mismatches).toEqual([]);
});

test("route handlers: each actor gets the answer or the refusal", async () => {
  await lapse(fixtures.userIds.lapsed);
  const mismatches: string[] = [];
  for (const [route, row] of Object.entries(routeRows)) {
    const cells: string[] = [];
    for (const actor of actorNames) {
      const cookie = fixtures.cookies[actor];
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}${row.path(fixtures)}`, {
        method: row.method,
        headers: { origin: baseUrl, ...(cookie ? { cookie } : {}), ...row.headers },
        body: row.body?.(actor) ?? (row.method === "POST" ? "" : undefined),
        redirect: "manual",
        signal: controller.signal,
      });
      // The live stream never ends by itself: its status is the answer.
      controller.abort();
      const outcome = String(response.status);
      cells.push(`${actor}=${outcome}`);
      if (outcome !== row.expect[actor])
        mismatches.push(`${route} as ${actor}: expected ${row.expect[actor]}, got ${outcome}`);
    }
    if (report) console.log(`${route}: ${cells.join(" ")}`);
  }
  expect(mismatches).toEqual([]);
});

/** The refusal's code for each status the API refuses with. */
const codeOfStatus: Record<string, string> = {
  "401": "unauthenticated",
  "402": "subscription_required",
  "403": "forbidden",
  "404": "not_found",
};

/** What a caller can tell answers apart by: the status, and a refusal's code and message. */
function apiAnswerText(answer: ApiAnswer): string {
  return answer.code === null ? String(answer.status) : `${answer.status} ${answer.code}: ${answer.message}`;
}

/** The stranger first (its answer for the real id is what a made-up id must get), then the other refused actors, then the allowed. */
function apiActorOrder(expectations: Expectations): ActorName[] {
  const refused = (actor: ActorName) => Number(expectations[actor]) >= 400;
  const rest = actorNames.filter((actor) => actor !== "stranger");
  return ["stranger", ...rest.filter(refused), ...rest.filter((actor) => !refused(actor))];
}

test("JSON API: each actor gets the exact status, a refusal or a read writes nothing, and a made-up id answers as a stranger's real one", async () => {
  test.setTimeout(180_000);
  const mismatches: string[] = [];
  for (const [route, row] of Object.entries(apiRows)) {
    const method = route.split(" ")[0]!;
    const path = row.path(fixtures);
    const cells: string[] = [];
    const realAnswers = new Map<ActorName, string>();
    let state = await settled();
    for (const actor of apiActorOrder(row.expect)) {
      const expected = row.expect[actor];
      const refused = Number(expected) >= 400;
      const cookie = fixtures.cookies[actor];
      const answer = await callApi(method, path, { cookie, body: row.body?.(fixtures, actor) });
      realAnswers.set(actor, apiAnswerText(answer));
      cells.push(`${actor}=${answer.status}`);
      if (String(answer.status) !== expected)
        mismatches.push(`${route} as ${actor}: expected ${expected}, got ${apiAnswerText(answer)}`);
      else if (refused && answer.code !== codeOfStatus[expected])
        mismatches.push(`${route} as ${actor}: ${expected} with code ${answer.code}, not ${codeOfStatus[expected]}`);
      const after = await settled();
      const changed = changedTables(state, after);
      if ((refused || method === "GET") && changed.length > 0)
        mismatches.push(`${route} as ${actor}: answered ${answer.status} but ${changed.join(", ")} changed`);
      state = after;
      if (path.search(uuidPattern) < 0) continue;
      // A made-up id: the signed out are refused as for the real one; everyone signed in gets what the stranger got.
      const made = await callApi(method, path.replace(uuidPattern, crypto.randomUUID()), {
        cookie,
        body: row.body?.(fixtures, actor),
      });
      const asForRealId = realAnswers.get(actor === "anonymous" || actor === "suspended" ? actor : "stranger");
      if (apiAnswerText(made) !== asForRealId)
        mismatches.push(
          `${route} as ${actor}: a made-up id answered ${apiAnswerText(made)}, the real one ${asForRealId}`,
        );
      const afterMadeUp = await settled();
      const changedByMadeUp = changedTables(state, afterMadeUp);
      if (changedByMadeUp.length > 0)
        mismatches.push(`${route} as ${actor} with a made-up id: ${changedByMadeUp.join(", ")} changed`);
      state = afterMadeUp;
    }
    if (report) console.log(`${route}: ${cells.join(" ")}`);
  }
  expect(mismatches).toEqual([]);
});
