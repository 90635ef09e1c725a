import { demoAccount, expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

test("talent@ approves a pending request by keyboard, lands on the outcome, and its notification reads as done", async ({
  page,
  browser,
  baseURL,
  login,
}) => {
  // Two browsers over about ten pages and two scans: 90 s and more on two busy cores.
  test.setTimeout(180_000);
  await login("studio");
  await page.goto("/talents?q=Taylor+Brooks");
  await page.getByRole("link", { name: /Taylor Brooks/ }).click();
  await page.waitForURL(/\/talents\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Request contact details" }).click();
  await page.waitForURL(/\/contact-requests\/new\?profile=/);
  const formUrl = page.url();
  // Against a server kept from an earlier run, studio@'s request from then is still pending: withdraw it by keyboard.
  const leftover = page.getByRole("link", { name: "Open your pending request" });
  if (await leftover.isVisible()) {
    await leftover.click();
    await page.waitForURL(/\/contact-requests\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Withdraw the request" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "You withdrew this request." })).toBeFocused();
    await page.goto(formUrl);
  }

  const title = `Night Ferry ${Date.now()}`;
  await page.getByLabel("Project title").fill(title);
  await page.getByLabel("Role", { exact: true }).fill("Deckhand");
  await page.getByLabel("Production type").selectOption("film");
  await page
    .getByLabel("What is the project, and why this talent?")
    .fill("A short film about the last night crossing of a ferry, shot over two nights in Dover.");
  await page.getByLabel("Rate (for paid work)").fill("$400 a day");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/contact-requests\/[0-9a-f-]{36}$/);
  const requestUrl = page.url();

  // Asking again while it is pending: the notice comes before any field, with the way to the pending request.
  await page.goto(formUrl);
  await expect(page.getByTestId("request-blocked")).toContainText("You already have a pending request to this talent");
  await expect(page.getByLabel("Project title")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open your pending request" })).toHaveAttribute(
    "href",
    new URL(requestUrl).pathname,
  );

  const talentContext = await browser.newContext({ baseURL });
  const talent = await talentContext.newPage();
  await talent.request.post("/api/auth/sign-in/email", {
    data: { email: "talent@callback.test", password: "callback-demo" },
    headers: { origin: baseURL! },
  });
  await talent.goto("/notifications?filter=unread");
  await expect(talent.getByRole("main").getByTestId("notification").filter({ hasText: title })).toContainText(
    "Approve or decline",
  );

  await talent.goto(requestUrl);
  await talent.getByLabel("Phone number").check();
  await talent.getByLabel("Email address").check();
  await talent.getByLabel("Agent details").uncheck();
  await talent.getByLabel("Agent details").focus();
  await talent.keyboard.press("Tab");
  await expect(talent.getByRole("button", { name: "Approve and share" })).toBeFocused();
  await talent.keyboard.press("Enter");
  await expect(talent.getByTestId("request-status")).toHaveText("approved");
  const outcome = talent.getByRole("status").filter({ hasText: "You approved this request" });
  await expect(outcome).toBeFocused();
  expect(await talent.evaluate(() => document.activeElement?.textContent)).toBe(
    "You approved this request and shared: phone, email.",
  );
  await expectNoAxeViolations(talent);

  await talent.goto("/notifications");
  const done = talent.getByRole("main").getByTestId("notification").filter({ hasText: title });
  await expect(done).toContainText(`You approved ${demoAccount("studio").name}'s request on`);
  await expect(done).not.toContainText("Approve or decline");
  await talent.goto("/notifications?filter=unread");
  await expect(talent.getByRole("main").getByTestId("notification").filter({ hasText: title })).toHaveCount(0);

  // A conversation page: the message log can be reached and scrolled by keyboard, and nothing fails the scan.
  await talent.goto("/messages");
  await talent.locator('a[href^="/messages/"]').first().click();
  await talent.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  const log = talent.getByRole("log");
  await expect(log).toHaveAttribute("tabindex", "0");
  await expect(log).toHaveAccessibleName(/^Conversation with /);
  await log.focus();
  await expect(log).toBeFocused();
  await expectNoAxeViolations(talent);
  await talentContext.close();
});
