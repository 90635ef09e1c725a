import { describe, expect, it } from "vitest";
import type { EmailContext } from "./email";
import { escapeHtml, headerValue } from "./email";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./tokens";
import { messageReceived } from "./types/message-received";
import { subscriptionActivated } from "./types/subscription-activated";
import { subscriptionCanceled } from "./types/subscription-canceled";
import { subscriptionPaymentFailed } from "./types/subscription-payment-failed";

const context: EmailContext = {
  appUrl: "https://callback.example",
  recipientName: "Taylor Brooks",
  unsubscribeUrl: "https://callback.example/unsubscribe?token=t",
  preferencesUrl: "https://callback.example/settings/notifications",
  timeZone: "America/Los_Angeles",
};
const conversationId = "5d9c1c1e-7e0f-4f57-9d3e-2a0b8d2c1f00";

describe("notification emails", () => {
  it("renders a new message, quoted in the plain text, with the reply link and the unsubscribe footer", () => {
    const email = messageReceived.email(
      [{ conversationId, seq: 1, senderName: "Casey Rivera", preview: "Are you free on Friday?\nSelf-tape please." }],
      context,
    );
    expect(email.subject).toBe("New message from Casey Rivera");
    expect(email.html).toContain("Are you free on Friday?<br/>Self-tape please.");
    expect(email.text).toBe(
      [
        "Hello Taylor Brooks,",
        "",
        "Casey Rivera sent you a message on Callback:",
        "",
        "> Are you free on Friday?",
        "> Self-tape please.",
        "",
        `Reply on Callback https://callback.example/messages/${conversationId}`,
        "",
        "You receive this email because of your notification settings https://callback.example/settings/notifications on Callback.",
        "",
        "Unsubscribe from these emails https://callback.example/unsubscribe?token=t",
      ].join("\n"),
    );
  });

  it("gathers several new messages of a conversation into one email", () => {
    const email = messageReceived.email(
      [1, 2, 3].map((seq) => ({ conversationId, seq, senderName: "Casey Rivera", preview: `Message ${seq}` })),
      context,
    );
    expect(email.subject).toBe("3 new messages from Casey Rivera");
    expect(email.text).toContain("> Message 1\n\n> Message 2\n\n> Message 3");
  });

  it.each([
    [subscriptionActivated, "Your Professional subscription is active"],
    [subscriptionPaymentFailed, "Your Callback payment failed"],
    [subscriptionCanceled, "Your Callback subscription has ended"],
  ])("renders %#: %s", (definition, subject) => {
    const email = definition.email([{ planName: "Professional" }], context);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain("Professional");
    expect(email.html).toContain("Unsubscribe");
  });

  it("keeps hostile input inert: HTML escaped, CR/LF stripped from the subject", () => {
    const email = messageReceived.email(
      [
        {
          conversationId,
          seq: 1,
          senderName: "Evil\r\nBcc: victim@example.com",
          preview: "<script>alert(1)</script><img src=x onerror=alert(2)>",
        },
      ],
      {
        ...context,
        recipientName: '<b onmouseover="x">Taylor</b>',
      },
    );
    expect(email.subject).toBe("New message from Evil Bcc: victim@example.com");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain('<b onmouseover="x">');
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.text).toContain("> <script>alert(1)</script>");
  });

  it("escapes every HTML-significant character and strips control characters from headers", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(headerValue("Hi\r\nX-Injected: yes\u0000")).toBe("Hi X-Injected: yes");
  });
});

describe("unsubscribe tokens", () => {
  const secret = "unit-test-secret-that-is-long-enough-0123";

  it("round-trips the account and the kind of email", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken("user-1", "messages", secret), secret)).toEqual({
      userId: "user-1",
      scope: "messages",
    });
  });

  it("refuses a token that was tampered with or signed with another secret", () => {
    const token = signUnsubscribeToken("user-1", "messages", secret);
    const [body, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify(["user-2", "all"])).toString("base64url")}.${signature}`;
    expect(verifyUnsubscribeToken(forged, secret)).toBeNull();
    expect(verifyUnsubscribeToken(token, `${secret}-other`)).toBeNull();
    expect(verifyUnsubscribeToken(`${body}.`, secret)).toBeNull();
    expect(verifyUnsubscribeToken("garbage", secret)).toBeNull();
  });
});
