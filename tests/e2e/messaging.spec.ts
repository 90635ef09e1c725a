import { expect, test } from "./fixtures";

test.describe("messaging", () => {
  test("casting@ contacts talent@ and the reply arrives live; talent@ sees the unread badge; strangers get 404", async ({
    page,
    browser,
    baseURL,
    login,
  }) => {
    // Three browsers in one story: 20-33 s beside another story on two cores.
    test.setTimeout(60_000);
    await login("casting");
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await page.getByRole("button", { name: "Message Taylor Brooks" }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationUrl = page.url();

    const opening = `Hello Taylor, are you free for a self-tape this week? ${Date.now()}`;
    await page.getByLabel("Message to Taylor Brooks").fill("   ");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Write a message.")).toBeVisible();
    await page.getByLabel("Message to Taylor Brooks").fill(opening);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("message").filter({ hasText: opening })).toBeVisible();
    await expect(page.getByTestId("pending-message")).toHaveCount(0);

    const talentContext = await browser.newContext({ baseURL });
    const talent = await talentContext.newPage();
    const signIn = await talent.request.post("/api/auth/sign-in/email", {
      data: { email: "talent@callback.test", password: "callback-demo" },
      headers: { origin: baseURL! },
    });
    expect(signIn.ok()).toBe(true);
    await talent.goto("/home");
    await expect(talent.getByTestId("unread-badge")).toBeVisible();
    await talent
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Messages/ })
      .click();
    await talent.getByTestId("inbox-item").filter({ hasText: "Casey Rivera" }).click();
    await expect(talent.getByTestId("message").filter({ hasText: opening })).toBeVisible();

    const reply = `Yes - Thursday works for me. ${Date.now()}`;
    await talent.getByLabel("Message to Casey Rivera").fill(reply);
    await talent.getByRole("button", { name: "Send" }).click();
    await expect(talent.getByTestId("message").filter({ hasText: reply })).toBeVisible();

    // casting@ never reloaded: the reply arrives over the live stream.
    await expect(page.getByTestId("message").filter({ hasText: reply })).toBeVisible({ timeout: 5000 });
    await expect(talent.getByTestId("unread-badge")).toHaveCount(0);
    await talentContext.close();

    const strangerContext = await browser.newContext({ baseURL });
    const stranger = await strangerContext.newPage();
    await stranger.request.post("/api/auth/sign-in/email", {
      data: { email: "studio@callback.test", password: "callback-demo" },
      headers: { origin: baseURL! },
    });
    const response = await stranger.goto(conversationUrl);
    expect(response?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await strangerContext.close();
  });

  test("a message that fails to send stays on screen, faded, to retry or discard; a retry is stored once", async ({
    page,
    login,
  }) => {
    await login("studio");
    await page.goto("/messages");
    await page.getByTestId("inbox-item").first().click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const composer = page.getByLabel(/^Message to /);
    const sends = "**/api/v1/conversations/*/messages";

    // The network drops the first try: the message shows at once as sending, then as not sent, with the reason.
    await page.route(sends, (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
    const kept = `Could you send a self-tape by Friday? ${Date.now()}`;
    await composer.fill(kept);
    await page.getByRole("button", { name: "Send" }).click();
    const pending = page.getByTestId("pending-message").filter({ hasText: kept });
    await expect(pending).toBeVisible();
    await expect(pending).toContainText("Not sent");
    await expect(composer).toHaveValue("");

    // Another one fails too, and is discarded: it leaves the thread and is never stored.
    const dropped = `Never mind the last one. ${Date.now()}`;
    await composer.fill(dropped);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("pending-message").filter({ hasText: dropped })).toContainText("Not sent");
    // Each unsent message has its own Retry and Discard, in the order of the thread: the newest is last.
    await page.getByRole("button", { name: "Discard" }).last().click();
    await expect(page.getByText(dropped)).toHaveCount(0);

    // The network is back: Retry sends it, with the same key, and it becomes a stored message.
    await page.unroute(sends);
    await page.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByTestId("message").filter({ hasText: kept })).toBeVisible();
    await expect(page.getByTestId("pending-message")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("message").filter({ hasText: kept })).toHaveCount(1);
    await expect(page.getByText(dropped)).toHaveCount(0);
  });

  test("the open inbox picks up a new message in an older conversation without reloading", async ({
    page,
    baseURL,
    login,
  }) => {
    await login("casting");
    const streamConnected = page.waitForResponse(
      (response) => response.url().endsWith("/api/messages/stream") && response.status() === 200,
    );
    await page.goto("/messages");
    const items = page.getByTestId("inbox-item");
    await expect(items.nth(3)).toBeVisible();

    // A message sent elsewhere (another tab, a phone) in an older conversation: the open inbox shows it.
    await streamConnected;
    const href = await items.last().getAttribute("href");
    const conversationId = href!.split("/").at(-1)!;
    const text = `Callback for the lighthouse film, Thursday 10:00 ${Date.now()}`;
    const sent = await page.request.post(`/api/v1/conversations/${conversationId}/messages`, {
      data: { body: text, clientKey: crypto.randomUUID() },
      headers: { origin: baseURL! },
    });
    expect(sent.status()).toBe(201);
    await expect(items.filter({ hasText: `You: ${text}` })).toBeVisible({ timeout: 10_000 });
  });

  test("a professional without a subscription gets the upgrade dialog from the message button", async ({
    page,
    baseURL,
  }) => {
    // A fresh account: free@ itself subscribes in another story running alongside.
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: {
        name: "Nina Nosub",
        email: `nosub.${Date.now()}@example.test`,
        password: "a-good-password",
        role: "PROFESSIONAL",
      },
      headers: { origin: baseURL! },
    });
    expect(signUp.ok()).toBe(true);
    await page.goto("/talents?q=Taylor+Brooks");
    await page.getByRole("link", { name: /Taylor Brooks/ }).click();
    await expect(page.getByTestId("premium-prompt")).toContainText("Messaging and contact requests");
    // The button is there, but it opens the upgrade dialog instead of a conversation.
    await page.getByRole("button", { name: "Message Taylor Brooks" }).click();
    await expect(page.getByRole("dialog", { name: "Subscribe to message Taylor Brooks" })).toBeVisible();
    await expect(page).toHaveURL(/\/talents\/[0-9a-f-]{36}$/);
  });
});
