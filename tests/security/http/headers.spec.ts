import { expect, test } from "@playwright/test";
import { actionIds, baseUrl, callAction, callApi, formOf, signIn } from "./support";

/**
 * The security headers on every kind of answer, the script nonce of the
 * Content Security Policy, and bodies over the server's limits.
 */
function nonceOf(policy: string | null): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  if (!nonce) throw new Error(`No nonce in the policy: ${policy}`);
  return nonce;
}

test("pages carry a Content Security Policy whose nonce is fresh per answer and is on every script of the page", async () => {
  const first = await fetch(`${baseUrl}/talents`);
  const second = await fetch(`${baseUrl}/talents`);
  const policy = first.headers.get("content-security-policy");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  const nonce = nonceOf(policy);
  expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);

  const html = await first.text();
  await second.arrayBuffer();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("a browser runs the page under the policy with nothing refused", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("casting@callback.test");
  await page.getByLabel("Password").fill("callback-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(/\/home/);
  for (const path of ["/talents", "/messages", "/collections", "/dashboard"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(refused).toEqual([]);
});

test("every kind of answer says: no sniffing, no framing, a careful referrer", async () => {
  const cookie = await signIn("talent@callback.test");
  const html = await (await fetch(`${baseUrl}/talents`)).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const answers = {
    page: await fetch(`${baseUrl}/pricing`),
    "signed-in page": await fetch(`${baseUrl}/messages`, { headers: { cookie } }),
    "not found": await fetch(`${baseUrl}/no-such-page`),
    api: await fetch(`${baseUrl}/api/v1/unread`, { headers: { cookie } }),
    "api refusal": await fetch(`${baseUrl}/api/v1/unread`),
    "auth api": await fetch(`${baseUrl}/api/auth/get-session`, { headers: { cookie } }),
  };
  for (const [kind, response] of Object.entries(answers)) {
    await response.arrayBuffer();
    expect(response.headers.get("x-content-type-options"), kind).toBe("nosniff");
    expect(response.headers.get("x-frame-options"), kind).toBe("DENY");
    expect(response.headers.get("referrer-policy"), kind).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy"), kind).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-powered-by"), kind).toBeNull();
  }
  const script = await fetch(`${baseUrl}${asset}`);
  await script.arrayBuffer();
  expect(script.headers.get("x-content-type-options")).toBe("nosniff");
});

test("bodies over the server's limits are refused with a 4xx, never a 500", async () => {
  const cookie = await signIn("casting@callback.test");
  const ids = actionIds();
  // A server action's arguments: at most 1 MB (Next's limit), refused by the request proxy before Next reads them.
  const report = formOf({
    conversationId: "00000000-0000-4000-8000-000000000000",
    reason: "spam",
    note: "x".repeat(3 * 1024 * 1024),
  });
  const huge = await callAction(ids.reportConversationAction!, [null, report], { cookie });
  expect(huge.status, huge.body.slice(0, 200)).toBe(413);
  expect(huge.body).toContain("the limit is 1 MB");
  // A photo upload: 10 MB, said up front.
  const talent = await signIn("talent@callback.test");
  const upload = await fetch(`${baseUrl}/api/profile/photos`, {
    method: "POST",
    headers: {
      cookie: talent,
      origin: baseUrl,
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(12 * 1024 * 1024),
    },
    body: Buffer.alloc(12 * 1024 * 1024),
  });
  expect(upload.status).toBe(413);
  // A message of the largest size the form allows plus one character: a clear refusal, said of the message.
  const long = await callApi("POST", "/api/v1/conversations/00000000-0000-4000-8000-000000000000/messages", {
    cookie,
    body: { body: "y".repeat(5001), clientKey: crypto.randomUUID() },
  });
  expect([long.status, long.code]).toEqual([400, "invalid_input"]);
  expect(long.fieldErrors?.body?.[0]).toMatch(/5,000 characters/);
});
