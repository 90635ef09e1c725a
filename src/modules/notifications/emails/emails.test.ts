import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EmailContext } from "../email";
import { DigestEmail, digestItemOf } from "./digest-email";
import { EXAMPLE_APP_URL, renderEmailExamples } from "./examples";
import { NotificationEmail } from "./notification-email";
import { PasswordResetEmail } from "./password-reset-email";
import { renderStaticMarkup } from "./static-markup";

const examples = renderEmailExamples();

describe.each(examples)("the $name email", ({ name, email }) => {
  it("matches its snapshot, HTML and plain text", () => {
    expect(email.subject).toMatchSnapshot("subject");
    expect(email.html).toMatchSnapshot("html");
    expect(email.text).toMatchSnapshot("text");
  });

  it("declares its language, charset, viewport and colour schemes", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html /);
    expect(email.html).toContain('<html dir="ltr" lang="en">');
    expect(email.html).toContain('<meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/>');
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(email.html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(email.html).toContain('<meta name="supported-color-schemes" content="light dark"/>');
    expect(email.html).toContain("@media (prefers-color-scheme: dark)");
    expect(email.html).toContain(`<title>${email.subject.replace(/"/g, "&quot;")}</title>`);
  });

  it("opens with a preheader of its own, which the plain text leaves out", () => {
    const preheader = /<div style="display:none;[^"]*" data-skip-in-text="true">([^<]+)<div>/.exec(email.html)?.[1];
    expect(preheader, `${name} has no preheader`).toBeDefined();
    expect(preheader!.trim().length).toBeGreaterThan(10);
    expect(preheader).not.toMatch(/^Hello/);
    expect(email.text.startsWith("Hello Taylor Brooks,")).toBe(true);
  });

  it("links only to absolute addresses on the app (or mailto:), each written out in the plain text", () => {
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith(`${EXAMPLE_APP_URL}/`) || href === EXAMPLE_APP_URL || href.startsWith("mailto:")).toBe(
        true,
      );
      expect(email.text).toContain(href);
    }
  });

  it("uses a web-safe font and a button that keeps its padding in Outlook", () => {
    expect(email.html).not.toMatch(/system-ui|-apple-system|font-family:(?!Arial, Helvetica, sans-serif)/);
    expect(email.html).toContain("<!--[if mso]>");
    expect(email.html).toContain("mso-padding-alt:0px");
  });

  it("is ASCII throughout, other characters written as references", () => {
    expect(email.html).toMatch(/^[\u0000-\u007f]*$/);
  });
});

describe("notification emails", () => {
  it("covers every kind the product sends", () => {
    expect(examples.map((example) => example.name)).toEqual([
      "message-received",
      "message-received-several",
      "contact-request-received",
      "contact-request-approved",
      "contact-request-declined",
      "contact-request-expiring-soon",
      "contact-request-expired",
      "subscription-activated",
      "subscription-payment-failed",
      "subscription-canceled",
      "digest",
      "password-reset",
    ]);
  });

  it("link each digest item to the page where it is handled", () => {
    const digest = examples.find((example) => example.name === "digest")!.email;
    expect(digest.html).toContain(`href="${EXAMPLE_APP_URL}/messages/5d9c1c1e-7e0f-4f57-9d3e-2a0b8d2c1f00"`);
    expect(digest.html).toContain(`href="${EXAMPLE_APP_URL}/contact-requests/0b6f3f5e-2c4d-4e8a-9f1b-7a2d3c4e5f60"`);
    expect(digest.html).toContain(`href="${EXAMPLE_APP_URL}/billing"`);
    expect(digestItemOf({ title: "T", body: "B", link: "/billing" }, "https://callback.example")).toEqual({
      title: "T",
      body: "B",
      url: "https://callback.example/billing",
    });
  });
});

describe("the email markup writer", () => {
  const context: EmailContext = {
    appUrl: EXAMPLE_APP_URL,
    recipientName: `Ana "A&B" O'Neil <ana@example.com>`,
    unsubscribeUrl: `${EXAMPLE_APP_URL}/unsubscribe?token=a&b`,
    preferencesUrl: `${EXAMPLE_APP_URL}/settings/notifications`,
    timeZone: "America/Los_Angeles",
  };
  const templates: [string, ReactElement][] = [
    [
      "a notification",
      createElement(NotificationEmail, {
        context,
        content: {
          subject: "New message from Casey",
          preview: "Caf\u00e9 at 10? \u{1F3AC}",
          intro: "Casey Rivera sent you a message:",
          quotes: ["Line one\nLine <two> & three", "Second"],
          action: { label: "Reply on Callback", url: `${EXAMPLE_APP_URL}/messages/x?a=1&b=2` },
        },
      }),
    ],
    [
      "the digest",
      createElement(DigestEmail, {
        context,
        subject: "Your Callback digest: 1 update",
        items: [{ title: "Title", body: "Body", url: `${EXAMPLE_APP_URL}/billing` }],
      }),
    ],
    [
      "the password reset",
      createElement(PasswordResetEmail, {
        input: { appUrl: EXAMPLE_APP_URL, recipientName: "Taylor", resetUrl: `${EXAMPLE_APP_URL}/r?t=1`, minutes: 60 },
      }),
    ],
  ];

  it.each(templates)("writes %s as react-dom/server's static markup does", (_name, template) => {
    // React 19 writes a doctype of its own and moves the viewport meta to the front of <head>; the escaping of
    // ' differs in spelling only.
    const viewport = '<meta name="viewport" content="width=device-width, initial-scale=1"/>';
    const react = renderToStaticMarkup(template)
      .replace(/^<!DOCTYPE html>/, "")
      .replace(viewport, "")
      .replace('<meta name="x-apple-disable-message-reformatting"/>', (meta) => meta + viewport)
      .replace(/&#x27;/g, "&#39;");
    expect(renderStaticMarkup(template)).toBe(react);
  });

  it("blocks javascript: URLs and drops event handlers, as React does", () => {
    const markup = renderStaticMarkup(
      createElement("a", { href: " javascript:alert(1)", onClick: () => undefined, title: '"x"' }, "x"),
    );
    expect(markup).toBe(
      `<a href="javascript:throw new Error(&#39;React has blocked a javascript: URL as a security precaution.&#39;)" title="&quot;x&quot;">x</a>`,
    );
  });
});
