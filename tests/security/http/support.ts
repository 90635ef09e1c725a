import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { securityEnv, securityPort } from "../../../playwright.security.config";

/**
 * What the attacks over HTTP share: the server under attack, its database (to
 * find ids and to prove that a refused call changed nothing), signing in as
 * the demo accounts, and calling a server action the way a script would - by
 * its id from the build, with the arguments encoded as the browser encodes them.
 */
export const baseUrl = `http://localhost:${securityPort}`;
export const DEMO_PASSWORD = "callback-demo";

let pool: pg.Pool | null = null;
export function database(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: securityEnv.DATABASE_URL, max: 2 });
  return pool;
}

export async function closeDatabase() {
  await pool?.end();
  pool = null;
}

export async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await database().query(sql, params);
  if (!rows[0]) throw new Error(`No row for: ${sql}`);
  return rows[0] as T;
}

/** Every server action of the build, by exported name (each name is unique in the product). */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node).flatMap(([id, entry]) => (entry.exportedName ? [[entry.exportedName, id]] : [])),
  );
}

/** Signs in over HTTP (the auth endpoint a browser's form posts to) and answers the session cookie. */
export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${response.status} ${await response.text()}`);
  return cookieOf(response);
}

export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

// React's own encoder for server action arguments (FormData included), as the browser uses it.
// @ts-expect-error Next.js ships its copy of React's encoder without type declarations.
const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js")) as unknown as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

export function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  return form;
}

export type ActionAnswer = {
  status: number;
  /** "ok", an error code of the product, "redirect:<path>", or "http:<status>". */
  outcome: string;
  /** The refusal's message, if any. */
  message?: string;
  body: string;
};

export type CallOptions = { cookie?: string; origin?: string | null; page?: string };

/** Calls a server action by id over plain HTTP, as a script with a captured id would. */
export async function callAction(id: string, args: unknown[], options: CallOptions = {}): Promise<ActionAnswer> {
  const headers: Record<string, string> = { "next-action": id, accept: "text/x-component" };
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin !== null) headers.origin = origin;
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  const response = await fetch(`${baseUrl}${options.page ?? "/home"}`, {
    method: "POST",
    headers,
    body: encoded,
    redirect: "manual",
  });
  const body = await response.text();
  const message = /"ok":false,"code":"\w+","message":"((?:[^"\\]|\\.)*)"/.exec(body)?.[1];
  return { status: response.status, outcome: outcomeOf(response, body), message, body };
}

function outcomeOf(response: Response, body: string): string {
  const redirect = response.headers.get("x-action-redirect");
  if (redirect) return `redirect:${redirect.split("?")[0]!.split(";")[0]}`;
  if (response.status !== 200) return `http:${response.status}`;
  if (body.includes('"ok":true')) return "ok";
  const code = /"ok":false,"code":"(\w+)"/.exec(body)?.[1];
  if (code) return code;
  // An action that answers nothing (void) and did not fail.
  return /^0:/m.test(body) ? "ok" : `unparsed:${body.slice(0, 80)}`;
}

/** An answer of the JSON API: the status, the refusal's fields when refused, and the rest. */
export type ApiAnswer = {
  status: number;
  /** The refusal's code ("not_found", "unauthenticated"...), or null for a success. */
  code: string | null;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  json: unknown;
  headers: Headers;
};

export type ApiCallOptions = {
  cookie?: string;
  /** Sent as JSON (POST); a string is sent as it is. */
  body?: unknown;
  /** This site's Origin unless said; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
};

/** Calls the JSON API as the app's pages do (a POST sends JSON with this site's Origin), or as a script would. */
export async function callApi(method: string, pathname: string, options: ApiCallOptions = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const body =
    options.body === undefined || typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  return apiAnswerOf(
    await fetch(`${baseUrl}${pathname}`, {
      method,
      headers: { ...headers, ...options.headers },
      body,
      redirect: "manual",
    }),
  );
}

/** Reads an answer of the JSON API (a body that is not JSON is kept as text in `json`). */
export async function apiAnswerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  const refusal =
    json && typeof json === "object" && (json as { ok?: unknown }).ok === false
      ? (json as { code: string; message?: string; fieldErrors?: Record<string, string[]> })
      : null;
  return {
    status: response.status,
    code: refusal?.code ?? null,
    message: refusal?.message,
    fieldErrors: refusal?.fieldErrors,
    json,
    headers: response.headers,
  };
}

export type PageAnswer = { status: number; outcome: string };

/** Loads a page or route as a browser would, without following redirects. */
export async function get(pathname: string, cookie?: string): Promise<PageAnswer> {
  const response = await fetch(`${baseUrl}${pathname}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  if (location && response.status >= 300 && response.status < 400)
    return { status: response.status, outcome: `redirect:${new URL(location, baseUrl).pathname}` };
  return { status: response.status, outcome: String(response.status) };
}

/** Columns the background worker moves on its own (email delivery state, reminder times, media processing claims). */
const workerColumns = ["email_state", "reminder_sent_at", "claimed_until", "attempts"];

/**
 * A fingerprint of the rows of some tables: equal before and after a refused
 * call proves the call wrote nothing there.
 */
export async function fingerprint(tables: readonly string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const row = `md5((to_jsonb(t) - $1::text[])::text)`;
    const { rows } = await database().query(
      `select count(*)::int as n, coalesce(md5(string_agg(${row}, '' order by ${row})), '') as digest from ${table} t`,
      [workerColumns],
    );
    digests[table] = `${rows[0].n}:${rows[0].digest}`;
  }
  return digests;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

/** Tables a refused call must not touch (sessions, rate limits, page-view counts and the mail queue move on their own). */
export const guardedTables = [
  "users",
  "accounts",
  "talent_profiles",
  "talent_contacts",
  "talent_credits",
  "talent_photos",
  "subscriptions",
  "billing_customers",
  "test_checkout_sessions",
  "conversations",
  "conversation_participants",
  "messages",
  "conversation_reports",
  "user_blocks",
  "notifications",
  "notification_preferences",
  "contact_requests",
  "contact_request_events",
  "contact_request_counters",
  "contact_reveal_views",
  "collections",
  "collection_items",
  "admin_audit_log",
  "media_files",
  "media_uploads",
  "storage_usage",
];

/**
 * The guarded tables once they have stopped moving: work an answered request
 * left to run after its response (notifications, say) must not be blamed on
 * the next call.
 */
export async function settled(): Promise<Record<string, string>> {
  let last = await fingerprint(guardedTables);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await fingerprint(guardedTables);
    if (changedTables(last, now).length === 0) return now;
    last = now;
  }
}

/** Closes a file's database connection, first clearing the limits it filled (sign-ins, failed sign-ins, reset requests): they are not the next file's business. */
export async function endOfFile(): Promise<void> {
  await database().query("delete from rate_limits");
  await closeDatabase();
}
