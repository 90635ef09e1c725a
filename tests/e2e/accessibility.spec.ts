import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type DemoLogin } from "./fixtures";

/**
 * Every page each demo role can reach, scanned by axe-core against WCAG 2.2 AA: a page that gains a
 * violation fails the build. Pages with an id in their address are found the way a person finds them,
 * from the first link on the page that lists them.
 */
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Visit = string | { from: string; link: RegExp; suffix?: string };

const talentProfile: Visit = { from: "/talents", link: /^\/talents\/[0-9a-f-]{36}$/ };
const conversation: Visit = { from: "/messages", link: /^\/messages\/[0-9a-f-]{36}$/ };
const sentRequest: Visit = { from: "/contact-requests/sent", link: /^\/contact-requests\/[0-9a-f-]{36}$/ };
const receivedRequest: Visit = { from: "/contact-requests/received", link: /^\/contact-requests\/[0-9a-f-]{36}$/ };
const collection: Visit = { from: "/collections", link: /^\/collections\/[0-9a-f-]{36}$/ };
const collectionRequest: Visit = { ...collection, suffix: "/request" };
const settings = ["/settings/account", "/settings/notifications", "/notifications"];
const casting = [
  "/home",
  "/messages",
  "/messages?view=archived",
  conversation,
  "/contact-requests/sent",
  sentRequest,
  "/collections",
  collection,
  collectionRequest,
  "/dashboard",
  "/billing",
  "/talents",
  talentProfile,
  ...settings,
];

const pagesByRole: Record<DemoLogin | "visitor", Visit[]> = {
  visitor: [
    "/",
    "/talents",
    "/talents?q=actor&category=actor",
    talentProfile,
    "/pricing",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/account-deleted",
    "/a-page-that-does-not-exist",
  ],
  talent: [
    "/home",
    "/messages",
    conversation,
    "/contact-requests/received",
    receivedRequest,
    "/dashboard",
    "/profile/edit",
    "/profile/preview",
    "/talents",
    "/dev/mailbox",
    ...settings,
  ],
  casting,
  studio: casting,
  free: [
    "/home",
    "/messages",
    "/collections",
    "/contact-requests/sent",
    "/billing",
    "/talents",
    talentProfile,
    ...settings,
  ],
  lapsed: ["/home", "/messages", "/collections", "/billing", talentProfile, ...settings],
  admin: [
    "/home",
    "/admin",
    "/admin/users",
    "/admin/talents",
    "/admin/reports",
    "/admin/contact-requests",
    "/admin/audit",
    "/messages",
    "/collections",
    "/dashboard",
    "/talents",
    talentProfile,
    ...settings,
  ],
};

async function resolve(page: Page, visit: Visit): Promise<string> {
  if (typeof visit === "string") return visit;
  await page.goto(visit.from);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const href = hrefs.find((candidate) => candidate && visit.link.test(candidate));
  expect(href, `a link matching ${visit.link} on ${visit.from}`).toBeTruthy();
  return `${href}${visit.suffix ?? ""}`;
}

async function violationsOn(page: Page, path: string): Promise<string[]> {
  // "load", not "networkidle": the live-updates stream keeps a connection open on signed-in pages.
  await page.goto(path, { waitUntil: "load" });
  await expect(page.locator("main")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.map(
    (violation) =>
      `${path} [${page.viewportSize()?.width}px]: ${violation.id} (${violation.impact}) ${violation.help} - ` +
      violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join("; "),
  );
}

// One test per role and width, so the two workers share the scans and a slow page fails alone.
for (const [role, visits] of Object.entries(pagesByRole) as [DemoLogin | "visitor", Visit[]][]) {
  for (const width of [1280, 375]) {
    test(`every page ${role === "visitor" ? "a visitor" : `${role}@`} can reach has no accessibility violations at ${width} px`, async ({
      page,
      login,
    }) => {
      test.setTimeout(150_000);
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      if (role !== "visitor") await login(role);
      const found: string[] = [];
      for (const visit of visits) found.push(...(await violationsOn(page, await resolve(page, visit))));
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}
