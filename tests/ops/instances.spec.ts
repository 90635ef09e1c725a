import { spawn } from "node:child_process";
import http from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { opsEnv, opsPorts } from "../../playwright.ops.config";

const A = `http://localhost:${opsPorts.a}`;
const B = `http://localhost:${opsPorts.b}`;
const C = `http://localhost:${opsPorts.c}`;
const PASSWORD = "callback-demo";

/** A browser context signed in through instance A (sessions live in the database, so the cookie serves every instance). */
async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const response = await context.request.post(`${A}/api/auth/sign-in/email`, {
    data: { email, password: PASSWORD },
    headers: { origin: A },
  });
  expect(response.ok(), `sign-in as ${email}: ${response.status()} ${await response.text()}`).toBe(true);
  return context;
}

/** Opens a page and waits until its live-update stream is connected (so the test measures delivery, not page start-up). */
async function openWithLiveUpdates(page: Page, url: string) {
  const connected = page.waitForResponse(
    (response) => response.url().endsWith("/api/messages/stream") && response.status() === 200,
  );
  await page.goto(url);
  await connected;
  await page.waitForTimeout(200);
}

test("a message sent through instance A appears live on a page served by instance B, with its notification", async ({
  browser,
}) => {
  const casting = await signedIn(browser, "casting@callback.test");
  const talent = await signedIn(browser, "talent@callback.test");

  // casting@ opens the conversation on A.
  const sender = await casting.newPage();
  await sender.goto(`${A}/talents?q=Taylor+Brooks`);
  await sender.getByRole("link", { name: /Taylor Brooks/ }).click();
  await sender.getByRole("button", { name: "Message Taylor Brooks" }).click();
  await sender.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  const conversationPath = new URL(sender.url()).pathname;

  const send = async (body: string) => {
    await sender.getByLabel("Message to Taylor Brooks").fill(body);
    await sender.getByRole("button", { name: "Send" }).click();
    await expect(sender.getByTestId("message").filter({ hasText: body })).toBeVisible();
  };

  // talent@'s home page on B: the bell counts the new message's notification without a reload.
  const home = await talent.newPage();
  await openWithLiveUpdates(home, `${B}/home`);
  await expect(home.getByTestId("notification-count")).toHaveCount(0);
  await send(`Across instances, the bell ${Date.now()}`);
  await expect(home.getByTestId("notification-count")).toHaveText("1", { timeout: 2000 });

  // talent@ opens the conversation on B; the next message is stored and acknowledged on A,
  // and within a second it is on B's page, which never reloaded.
  const reader = await talent.newPage();
  await openWithLiveUpdates(reader, `${B}${conversationPath}`);
  await expect(reader.getByLabel("Message to Casey Rivera")).toBeVisible();
  const live = `Across instances, live ${Date.now()}`;
  await send(live);
  await expect(reader.getByTestId("message").filter({ hasText: live })).toBeVisible({ timeout: 1000 });

  // The session made on A is good on B.
  const onB = await casting.request.get(`${B}/billing`, { maxRedirects: 0 });
  expect(onB.status()).toBe(200);
  await casting.close();
  await talent.close();
});

test("sign-in rate limits count attempts on every instance together", async ({ request }) => {
  const email = "free@callback.test";
  // As behind a load balancer: both instances answer for the public address (A's here).
  const attempt = (base: string) =>
    request.post(`${base}/api/auth/sign-in/email`, {
      data: { email, password: "not-the-password" },
      headers: { origin: A, "x-forwarded-host": `localhost:${opsPorts.a}` },
    });
  const statuses: number[] = [];
  for (let index = 0; index < 10; index += 1) statuses.push((await attempt(index % 2 === 0 ? A : B)).status());
  expect(statuses.every((status) => status === 401)).toBe(true);
  // The eleventh attempt is refused on either instance, whichever served the first ten.
  expect((await attempt(B)).status()).toBe(429);
  expect((await attempt(A)).status()).toBe(429);
});

test("readiness and metrics on both instances", async ({ request }) => {
  for (const base of [A, B]) {
    const ready = await request.get(`${base}/api/ready`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", draining: false, database: "ok", migrations: "current" });
    expect((await request.get(`${base}/api/metrics`)).status()).toBe(401);
    const metrics = await request.get(`${base}/api/metrics`, {
      headers: { authorization: `Bearer ${opsEnv.METRICS_TOKEN}` },
    });
    expect(metrics.status()).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(
      /callback_http_requests_total\{method="GET",route="\/api\/ready",status="200",service="callback"\} \d+/,
    );
    expect(text).toContain('callback_db_pool_connections{state="total",service="callback"}');
    expect(text).toContain("callback_outbox_jobs_due");
    expect(text).toContain("callback_messages_last_minute");
  }
});

test("on SIGTERM an instance ends its live streams with a retry hint, finishes requests in flight, and exits cleanly", async ({
  browser,
}) => {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: { ...process.env, ...opsEnv, PORT: String(opsPorts.c), SEED_DEMO_DATA: "never", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: Date.now() })),
  );
  await expect(async () => expect((await fetch(`${C}/api/ready`)).status).toBe(200)).toPass({ timeout: 60_000 });

  const context = await signedIn(browser, "studio@callback.test");
  const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const stream = openStream(`${C}/api/messages/stream`, cookie);
  expect((await stream.opened).status).toBe(200);

  // Requests the server took before the signal are answered in full; the rest are refused or
  // reset before any answer (a load balancer retries them elsewhere). Never half an answer.
  const inFlight = Array.from({ length: 12 }, () => getPage(`${C}/talents`, cookie));
  // Signal once the instance reports pages in flight (its own metrics request counts as one).
  await expect(async () => {
    const text = await (
      await fetch(`${C}/api/metrics`, { headers: { authorization: `Bearer ${opsEnv.METRICS_TOKEN}` } })
    ).text();
    expect(Number(/callback_http_requests_in_flight\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0)).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 5000, intervals: [5] });
  const signalled = Date.now();
  child.kill("SIGTERM");

  const results = await Promise.all(inFlight);
  for (const result of results) {
    if (result.status === 0) expect(result).toMatchObject({ notTaken: true });
    else expect(result).toEqual({ status: 200, complete: true });
  }
  expect(results.some((result) => result.status === 200)).toBe(true);
  // The live stream was told to reconnect after a second, then ended properly.
  expect(await stream.ended).toEqual({ complete: true, retry: true });

  const { code, at } = await exited;
  expect(code).toBe(0);
  expect(at - signalled).toBeLessThan(10_000);
  expect(output).toContain("shut down");
  await expect(fetch(`${C}/api/ready`)).rejects.toThrow();
  await context.close();
});

type PageResult = { status: number; complete: boolean; notTaken?: boolean };

/** A GET on a connection of its own (no keep-alive pool), reporting whether the whole page arrived or the connection was refused. */
function getPage(url: string, cookie: string): Promise<PageResult> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, headers: { cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, complete: body.includes("</html>") }));
      response.on("error", () => resolve({ status: response.statusCode ?? 0, complete: false }));
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, complete: false, notTaken: error.code === "ECONNREFUSED" || error.code === "ECONNRESET" }),
    );
  });
}

/** An event stream read to its end: whether it ended properly, and whether it carried the one-second retry hint. */
function openStream(url: string, cookie: string) {
  let markOpened: (value: { status: number }) => void = () => undefined;
  const opened = new Promise<{ status: number }>((resolve) => (markOpened = resolve));
  const ended = new Promise<{ complete: boolean; retry: boolean }>((resolve) => {
    const request = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (response) => {
      markOpened({ status: response.statusCode ?? 0 });
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ complete: true, retry: body.includes("retry: 1000") }));
      response.on("aborted", () => resolve({ complete: false, retry: body.includes("retry: 1000") }));
    });
    request.on("error", () => {
      markOpened({ status: 0 });
      resolve({ complete: false, retry: false });
    });
  });
  return { opened, ended };
}
