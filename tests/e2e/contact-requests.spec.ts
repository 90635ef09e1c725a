import { expect, test } from "./fixtures";

const PHONE = "+1 310 555 0142";
const PRIVATE_EMAIL = "taylor.brooks@mail.example.com";
const AGENT_EMAIL = "morgan.ellis@spotlight.example.com";

test("casting@ requests talent@'s details; talent@ shares agent details only; casting@ sees exactly those", async ({
  page,
  browser,
  baseURL,
  login,
}) => {
  // Two browsers over a dozen pages: 29-33 s beside another story on two cores.
  test.setTimeout(60_000);
  await login("casting");
  await page.goto("/talents?q=Taylor+Brooks");
  await page.getByRole("link", { name: /Taylor Brooks/ }).click();
  await page.waitForURL(/\/talents\/[0-9a-f-]{36}$/);
  const profileUrl = page.url();
  await page.getByRole("link", { name: "Request contact details" }).click();

  await page.getByLabel("Project title").fill("Harbour Lights");
  await page.getByLabel("Role", { exact: true }).fill("Lead");
  await page.getByLabel("Production type").selectOption("film");
  await page.getByLabel("What is the project, and why this talent?").fill("Too short");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Use at least 20 characters for the project description.")).toBeVisible();
  await expect(page.getByLabel("Project title")).toHaveValue("Harbour Lights");
  await page
    .getByLabel("What is the project, and why this talent?")
    .fill("A coastal drama for television, six episodes shooting in Cornwall in spring.");
  await page.getByLabel("Rate (for paid work)").fill("$700 a day");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/contact-requests\/[0-9a-f-]{36}$/);
  const requestUrl = page.url();
  await expect(page.getByTestId("request-status")).toHaveText("pending");

  // Before approval: none of the contact values in the page, its payload, or the profile.
  for (const url of [requestUrl, profileUrl]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const body = await (await page.request.get(url, { headers })).text();
      for (const secret of [PHONE, PRIVATE_EMAIL, AGENT_EMAIL]) expect(body).not.toContain(secret);
    }
  }

  const talentContext = await browser.newContext({ baseURL });
  const talent = await talentContext.newPage();
  await talent.request.post("/api/auth/sign-in/email", {
    data: { email: "talent@callback.test", password: "callback-demo" },
    headers: { origin: baseURL! },
  });
  await talent.goto("/contact-requests/received");
  await talent.getByTestId("request-item").filter({ hasText: "Harbour Lights" }).click();
  await talent.waitForURL(/\/contact-requests\/[0-9a-f-]{36}$/);
  await expect(talent.getByText(/^From Casey Rivera, sent/)).toBeVisible();
  await talent.getByLabel("Phone number").uncheck();
  await talent.getByLabel("Email address").uncheck();
  await talent.getByLabel("Agent details").check();
  await talent.getByRole("button", { name: "Approve and share" }).click();
  await expect(talent.getByTestId("request-status")).toHaveText("approved");
  await expect(talent.getByText("You shared: agent")).toBeVisible();
  await talentContext.close();

  await page.goto(requestUrl);
  await expect(page.getByTestId("shared-details")).toContainText(AGENT_EMAIL);
  await expect(page.getByTestId("shared-details")).toContainText("Morgan Ellis");
  const afterHtml = await (await page.request.get(requestUrl)).text();
  expect(afterHtml).toContain(AGENT_EMAIL);
  expect(afterHtml).not.toContain(PHONE);
  expect(afterHtml).not.toContain(PRIVATE_EMAIL);
  await page.goto(profileUrl);
  await expect(page.getByTestId("shared-details")).toContainText(AGENT_EMAIL);
});

test("a professional without a subscription sees the upgrade prompt instead of the request form", async ({
  page,
  baseURL,
}) => {
  const signUp = await page.request.post("/api/auth/sign-up/email", {
    data: {
      name: "Rory Nosub",
      email: `request.nosub.${Date.now()}@example.test`,
      password: "a-good-password",
      role: "PROFESSIONAL",
    },
    headers: { origin: baseURL! },
  });
  expect(signUp.ok()).toBe(true);
  await page.goto("/talents?q=Taylor+Brooks");
  await page.getByRole("link", { name: /Taylor Brooks/ }).click();
  await page.waitForURL(/\/talents\/([0-9a-f-]{36})$/);
  const profileId = page.url().split("/").at(-1)!;
  await page.goto(`/contact-requests/new?profile=${profileId}`);
  await expect(page.getByTestId("premium-prompt")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send request" })).toHaveCount(0);
});
