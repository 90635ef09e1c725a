import { expect, test } from "@playwright/test";
import { actorNames, loadFixtures, type Fixtures } from "./fixtures";
import { actionRows } from "./matrix";
import { actionIds, baseUrl, callAction, changedTables, database, endOfFile, settled, signIn } from "./support";

/**
 * Server actions called the way an attacker would: a captured action id posted
 * straight to the server, from another site (a forged Origin), without an
 * Origin, and with a cookie that no longer means anything (signed out,
 * expired). Whatever comes back, nothing may be written.
 */

/** Actions that anyone may call signed out (sign-in, sign-up, sign-out, password reset, unsubscribe by token). */
const publicActions = new Set([
  "signUpAction",
  "signInAction",
  "signOutAction",
  "requestPasswordResetAction",
  "resetPasswordAction",
  "unsubscribeAction",
]);

let fixtures: Fixtures;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  fixtures = await loadFixtures();
});
test.afterAll(endOfFile);

/** The first actor the matrix allows to call the action, with its arguments. */
async function allowedCall(name: string) {
  const row = actionRows[name]!;
  const actor = actorNames.find((candidate) => row.expect[candidate] === "ok");
  if (!actor) return null;
  return { actor, args: await row.args(fixtures, actor) };
}

test("from another site: a forged Origin is refused for every action, even with the right cookie, and nothing is written", async () => {
  test.setTimeout(180_000);
  const ids = actionIds();
  const problems: string[] = [];
  for (const name of Object.keys(actionRows)) {
    const call = await allowedCall(name);
    if (!call) continue;
    const before = await settled();
    const answer = await callAction(ids[name]!, call.args, {
      cookie: fixtures.cookies[call.actor],
      origin: "https://attacker.example",
    });
    if (answer.status !== 403)
      problems.push(`${name}: a forged Origin got ${answer.status} ${answer.outcome}, not 403`);
    const changed = changedTables(before, await settled());
    if (changed.length > 0) problems.push(`${name}: a forged Origin changed ${changed.join(", ")}`);
  }
  expect(problems).toEqual([]);
});

test("without a session - no cookie, a signed-out cookie, an expired cookie - every action sends to sign in and writes nothing", async () => {
  test.setTimeout(300_000);
  const ids = actionIds();
  const signedOut = await signIn(fixtures.emails.pro);
  const signOut = await callAction(ids.signOutAction!, [], { cookie: signedOut });
  expect(signOut.outcome).toMatch(/^redirect:\/sign-in/);
  const expired = await signIn(fixtures.emails.talent);
  const token = decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(expired)![1]!).split(".")[0];
  const { rowCount } = await database().query(
    "update sessions set expires_at = now() - interval '1 minute' where token = $1",
    [token],
  );
  expect(rowCount).toBe(1);

  const problems: string[] = [];
  for (const name of Object.keys(actionRows).filter((action) => !publicActions.has(action))) {
    const call = await allowedCall(name);
    const args = call?.args ?? (await actionRows[name]!.args(fixtures, "pro"));
    for (const [label, cookie, origin] of [
      ["no cookie, no Origin", undefined, null],
      ["a signed-out cookie", signedOut, undefined],
      ["an expired cookie", expired, undefined],
    ] as const) {
      const before = await settled();
      const answer = await callAction(ids[name]!, args, { cookie, origin });
      if (!answer.outcome.startsWith("redirect:/sign-in")) problems.push(`${name} with ${label}: ${answer.outcome}`);
      const changed = changedTables(before, await settled());
      if (changed.length > 0) problems.push(`${name} with ${label}: changed ${changed.join(", ")}`);
    }
  }
  expect(problems).toEqual([]);
});

test("route handlers that change data refuse another site and a dead session", async () => {
  const cookie = fixtures.cookies.talent!;
  const crossSite = await fetch(`${baseUrl}/api/profile/photos`, {
    method: "POST",
    headers: { cookie, origin: "https://attacker.example" },
    body: new FormData(),
  });
  expect(crossSite.status).toBe(403);
  const authFromElsewhere = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://attacker.example" },
    body: JSON.stringify({ email: fixtures.emails.free, password: "callback-demo" }),
  });
  expect(authFromElsewhere.status).toBe(403);
  const unread = await fetch(`${baseUrl}/api/v1/unread`, {
    headers: { cookie: "better-auth.session_token=forged.value" },
  });
  expect(unread.status).toBe(401);
});

test("the auth endpoints the product does not use are closed: nobody changes their own role or password behind its back", async () => {
  const cookie = fixtures.cookies.stranger!;
  const attempts = [
    ["POST", "/api/auth/update-user", { role: "ADMIN", name: "Mallory" }],
    ["POST", "/api/auth/change-password", { currentPassword: "callback-demo", newPassword: "another-long-passphrase" }],
    ["POST", "/api/auth/change-email", { newEmail: "mallory@example.com" }],
    ["GET", "/api/auth/list-sessions", null],
  ] as const;
  for (const [method, path, body] of attempts) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, `${method} ${path}`).toBe(404);
  }
  const { rows } = await database().query("select role, name from users where id = $1", [fixtures.userIds.stranger]);
  expect(rows[0].role).toBe("TALENT");
  expect(rows[0].name).not.toBe("Mallory");
});

test("a form-encoded sign-in counts towards the per-email lock, as a JSON one does", async () => {
  const email = `form-encoded-${Date.now()}@example.com`;
  const attempt = () =>
    fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: "a-wrong-guess" }).toString(),
    });
  for (let tries = 1; tries <= 10; tries += 1) expect((await attempt()).status, `attempt ${tries}`).toBe(401);
  expect((await attempt()).status).toBe(429);
});
