import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

/**
 * One's own inbox: mark a conversation unread (the header's badge counts it
 * until it is opened), archive it out of the inbox, find it under Archived,
 * and see the next message bring it back. casting@'s demo inbox already has
 * two archived conversations and one marked unread.
 */
test("casting@ marks a conversation unread, archives it, finds it under Archived, and a new message brings it back", async ({
  page,
  login,
}) => {
  await login("casting");
  await page.goto("/messages");
  const badge = page.getByTestId("unread-badge");
  const unreadNow = async () => ((await badge.count()) ? Number(await badge.first().innerText()) : 0);
  const conversations = page.getByRole("list", { name: "Conversations" });
  await expect(conversations.getByRole("link").first()).toBeVisible();
  await expect(conversations.getByLabel("Marked unread").first()).toBeVisible();
  const before = await unreadNow();

  // A conversation with nothing unread: marking it raises the badge by one, and opening it lowers it again.
  const item = page
    .getByTestId("inbox-item")
    .filter({ hasNot: page.getByLabel(/unread/i) })
    .first();
  const name = (await item.locator("p").first().innerText()).trim();
  await item.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "Mark unread" }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByTestId("inbox-item").filter({ hasText: name }).getByLabel("Marked unread")).toBeVisible();
  await expect.poll(unreadNow).toBe(before + 1);
  await page.getByTestId("inbox-item").filter({ hasText: name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect.poll(unreadNow).toBe(before);

  // Archived: out of the inbox, under Archived, marked so on its page.
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByTestId("inbox-item").filter({ hasText: name })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Message folders" }).getByRole("link", { name: "Archived" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Archived messages" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId("inbox-item").filter({ hasText: name }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The next message, from either side, brings it back to the inbox.
  const body = `Following up on the recall. ${Date.now()}`;
  await page.getByLabel(`Message to ${name}`).fill(body);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message").filter({ hasText: body })).toBeVisible();
  await page.goto("/messages");
  await expect(page.getByTestId("inbox-item").filter({ hasText: name })).toBeVisible();
  await page.goto("/messages?view=archived");
  await expect(page.getByTestId("inbox-item").filter({ hasText: name })).toHaveCount(0);
});

test("muting a conversation's emails is a toggle its person can see and undo, by keyboard", async ({ page, login }) => {
  await login("talent");
  await page.goto("/messages");
  // talent@'s latest conversation is muted in the demo data.
  const muted = page.getByTestId("inbox-item").filter({ hasText: "Emails muted" }).first();
  await expect(muted).toBeVisible();
  await muted.click();
  const toggle = page.getByRole("button", { name: "Mute emails" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
});

test("an admin writes to a professional from the accounts list, and the professional finds it in their inbox", async ({
  page,
  browser,
  baseURL,
  login,
}) => {
  await login("admin");
  await page.goto(`/admin/users?q=${encodeURIComponent("free@callback.test")}`);
  await page.getByRole("button", { name: "Message Frankie Lee" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Frankie Lee" })).toBeVisible();
  const body = `Hello from the Callback team. ${Date.now()}`;
  await page.getByLabel("Message to Frankie Lee").fill(body);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message").filter({ hasText: body })).toBeVisible();

  const context = await browser.newContext({ baseURL });
  const free = await context.newPage();
  const signIn = await free.request.post("/api/auth/sign-in/email", {
    data: { email: "free@callback.test", password: "callback-demo" },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  await free.goto("/messages");
  await expect(free.getByTestId("inbox-item").filter({ hasText: body.slice(0, 40) })).toBeVisible();
  await context.close();
});
