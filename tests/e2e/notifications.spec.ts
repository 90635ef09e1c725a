import { DEMO_PASSWORD, demoTalents } from "../../src/db/seed/demo";
import { expect, test } from "./fixtures";

// A demo talent of its own, so this story runs alongside the messaging story without sharing counts.
const recipient = demoTalents()[1]!.user;

test("a talent sees the bell count rise without reloading, and the email lands in the development mailbox", async ({
  page,
  browser,
  baseURL,
  login,
}) => {
  // Two browsers and the mail worker's tick: 27 s beside another story on two cores.
  test.setTimeout(60_000);
  const talentContext = await browser.newContext({ baseURL });
  const talent = await talentContext.newPage();
  const signIn = await talent.request.post("/api/auth/sign-in/email", {
    data: { email: recipient.email, password: DEMO_PASSWORD },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  await talent.goto("/home");
  await expect(talent.getByTestId("notification-count")).toHaveCount(0);

  await login("studio");
  await page.goto(`/talents?q=${encodeURIComponent(recipient.name!)}`);
  await page
    .getByRole("link", { name: new RegExp(recipient.name!) })
    .first()
    .click();
  await page.getByRole("button", { name: `Message ${recipient.name}` }).click();
  await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  const body = `Callback for the lead role, Tuesday at 10? ${Date.now()}`;
  await page.getByLabel(`Message to ${recipient.name}`).fill(body);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message").filter({ hasText: body })).toBeVisible();

  // The talent's page was never reloaded.
  await expect(talent.getByTestId("notification-count")).toHaveText("1", { timeout: 5000 });
  await talent.getByLabel("Notifications, 1 unread").click();
  await expect(
    talent.getByTestId("notification").filter({ hasText: "New message from Northlight Studios" }),
  ).toBeVisible();
  await talentContext.close();

  await login("admin");
  await page.goto("/dev/mailbox");
  const mail = page
    .getByTestId("mail")
    .filter({ hasText: "New message from Northlight Studios" })
    .filter({ hasText: recipient.email });
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await mail.locator("summary").click();
  await expect(mail.getByText(`> ${body}`)).toBeVisible();
});
