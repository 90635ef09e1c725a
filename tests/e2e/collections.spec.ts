import { demoTalents } from "../../src/db/seed/demo";
import { expect, test } from "./fixtures";

// Two demo talents without history with casting@ (the seed leaves them out), so both requests can be sent.
const [first, second] = [demoTalents()[2]!.user.name!, demoTalents()[3]!.user.name!];

test("casting@ shortlists talents from gallery searches, shares the list, and sends bulk requests with personal lines", async ({
  page,
  browser,
  baseURL,
  login,
}) => {
  // A long story over a dozen pages and two browsers: about 20 s alone, over 30 s beside another story on two cores.
  test.setTimeout(90_000);
  await login("casting");
  await page.goto("/dashboard");
  const sentBefore = Number(await page.getByTestId("stat-requests-sent-this-month").innerText());

  // From a gallery search: the card's own "Add" button, into a new collection.
  const name = `Recall ${Date.now()}`;
  await page.goto(`/talents?q=${encodeURIComponent(first)}`);
  await page.getByLabel("Add the talents you select to").selectOption("new");
  await page.getByLabel("New collection name").fill(name);
  await page.getByRole("button", { name: `Add: ${first}` }).click();
  await expect(page.getByRole("status")).toContainText("Added 1 talent");

  // A second search: tick the talent and add the selection to the same collection.
  await page.goto(`/talents?q=${encodeURIComponent(second)}`);
  await page.getByLabel("Add the talents you select to").selectOption({ label: name });
  await page.getByLabel(`Select ${second}`).check();
  await page.getByRole("button", { name: "Add selected" }).click();
  await expect(page.getByRole("status")).toContainText("Added 1 talent");
  await page.getByRole("link", { name: "Open the collection" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  const list = page.getByRole("list", { name: "Talents in this collection" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText(first);

  // Reorder with the keyboard-friendly buttons, and keep a private note.
  await page.getByRole("button", { name: `Move ${second} up` }).click();
  await expect(list.getByRole("listitem").first()).toContainText(second);
  await page.getByRole("button", { name: `Add note on ${first}` }).click();
  const note = `Private: strong recall ${Date.now()}`;
  await page.getByLabel(`Private note on ${first}`).fill(note);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText(note)).toBeVisible();

  // Share read-only; the link works signed out and shows public data only.
  await page.getByRole("button", { name: "Create a share link" }).click();
  const shareUrl = await page.getByLabel("Anyone with this link can view the collection").inputValue();
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  await visitor.goto(shareUrl);
  await expect(visitor.getByRole("heading", { name })).toBeVisible();
  await expect(visitor.getByText("Shared by Casey Rivera")).toBeVisible();
  await expect(visitor.getByRole("list", { name: "Talents" }).getByRole("listitem")).toHaveCount(2);
  expect(await (await visitor.request.get(shareUrl)).text()).not.toContain(note);

  // Bulk request: the same line twice is refused; a personal line each goes through.
  await page.getByLabel(`Select ${first} for a contact request`).check();
  await page.getByLabel(`Select ${second} for a contact request`).check();
  await page.getByRole("button", { name: "Request contact details from selected" }).click();
  await expect(page.getByRole("heading", { name: "Request contact details from 2 talents" })).toBeVisible();
  await page.getByLabel("Project title").fill("Tidewater");
  await page.getByLabel("Role", { exact: true }).fill("Sisters");
  await page.getByLabel("Production type").selectOption("film");
  await page
    .getByLabel("What is the project, and why this talent?")
    .fill("A feature about two sisters running a lighthouse, shooting in May.");
  await page.getByLabel("Rate (for paid work)").fill("$650 a day");
  await page.getByLabel(`For ${first}`).fill("Loved your recall, the older sister is yours to lose.");
  await page.getByLabel(`For ${second}`).fill("Loved your recall, the older sister is yours to lose.");
  await page.getByRole("button", { name: "Send 2 requests" }).click();
  await expect(page.getByText("Write a different line for each talent")).toBeVisible();
  await page.getByLabel(`For ${second}`).fill("Your self-tape for the younger sister was the best we saw.");
  await page.getByRole("button", { name: "Send 2 requests" }).click();
  await expect(page.getByRole("status")).toHaveText("Sent 2 of 2 requests");

  // The dashboard counts them and lists them as recent activity.
  await page.goto("/dashboard");
  const sentAfter = Number(await page.getByTestId("stat-requests-sent-this-month").innerText());
  expect(sentAfter).toBeGreaterThanOrEqual(sentBefore + 2);
  await expect(page.getByText(`You asked ${first} for contact details for "Tidewater"`)).toBeVisible();
  await expect(page.getByText(`You asked ${second} for contact details for "Tidewater"`)).toBeVisible();

  // Revoked, the link stops working at once.
  await page.goBack();
  await page.goto("/collections");
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await page.getByRole("button", { name: "Revoke the link" }).click();
  await expect(page.getByRole("button", { name: "Create a share link" })).toBeVisible();
  expect((await visitor.goto(shareUrl))?.status()).toBe(404);
  await visitorContext.close();
});

test("talent@ sees views and requests on the dashboard; the admin sees platform trends and can export them", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  // Two browsers and an export: 28 s beside another story on two cores.
  test.setTimeout(60_000);
  await login("talent");
  await page.goto("/dashboard");
  await expect(page.getByText("Profile views, last 30 days")).toBeVisible();
  expect(
    Number((await page.getByTestId("stat-profile-views-last-30-days").innerText()).replace(/,/g, "")),
  ).toBeGreaterThan(0);
  await expect(page.getByRole("figure", { name: /Profile views and contact requests, last 12 weeks/ })).toBeVisible();

  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await admin.request.post("/api/auth/sign-in/email", {
    data: { email: "admin@callback.test", password: "callback-demo" },
    headers: { origin: baseURL! },
  });
  await admin.goto("/dashboard");
  await expect(admin.getByRole("figure", { name: /Contact requests per day/ })).toBeVisible();
  await admin.getByRole("link", { name: "Last 365 days" }).click();
  await expect(admin.getByText("(365 days)")).toBeVisible();
  await admin.getByLabel("From", { exact: true }).fill("2026-01-10");
  await admin.getByLabel("To", { exact: true }).fill("2026-01-01");
  await admin.getByRole("button", { name: "Show" }).click();
  await expect(admin.getByText("The start date must be on or before the end date.")).toBeVisible();
  const csv = await admin.request.get("/dashboard/export?from=2026-01-01&to=2026-01-31");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("Day (UTC),Talent sign-ups");
  expect(lines).toHaveLength(32);
  await adminContext.close();

  // Talents have no platform export.
  expect((await page.request.get("/dashboard/export?from=2026-01-01&to=2026-01-31")).status()).toBe(403);
});
