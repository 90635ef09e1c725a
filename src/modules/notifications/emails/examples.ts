import type { EmailContext, RenderedEmail } from "../email";
import { definitionOf } from "../registry";
import { digestItemOf, renderDigestEmail } from "./digest-email";
import { renderPasswordResetEmail } from "./password-reset-email";

/*
 * One example of every email the product sends, with fixed inputs: the
 * snapshot tests render these, and `npm run email:preview` writes them out to
 * be opened in a browser or a mail client.
 */

export const EXAMPLE_APP_URL = "https://callback.example";

const context: EmailContext = {
  appUrl: EXAMPLE_APP_URL,
  recipientName: "Taylor Brooks",
  unsubscribeUrl: `${EXAMPLE_APP_URL}/unsubscribe?token=example-token`,
  preferencesUrl: `${EXAMPLE_APP_URL}/settings/notifications`,
  timeZone: "America/Los_Angeles",
};

const conversationId = "5d9c1c1e-7e0f-4f57-9d3e-2a0b8d2c1f00";
const requestId = "0b6f3f5e-2c4d-4e8a-9f1b-7a2d3c4e5f60";
const request = { requestId, projectTitle: "Harbour Lights (short film)", otherName: "Northlight Studios" };
const plan = { planName: "Professional" };

function notificationEmail(type: string, payloads: unknown[]): RenderedEmail {
  const definition = definitionOf(type);
  if (!definition) throw new Error(`No notification type ${type}`);
  return definition.email(
    payloads.map((payload) => definition.payload.parse(payload)),
    context,
  );
}

/** Every kind of email, by a file-friendly name. */
export function renderEmailExamples(): { name: string; email: RenderedEmail }[] {
  const message = (seq: number, preview: string) => ({ conversationId, seq, senderName: "Casey Rivera", preview });
  return [
    {
      name: "message-received",
      email: notificationEmail("message.received", [message(1, "Are you free on Friday?\nSelf-tape please.")]),
    },
    {
      name: "message-received-several",
      email: notificationEmail("message.received", [
        message(1, "Are you free on Friday?"),
        message(2, "The call is at 10 in Leeds."),
        message(3, "Bring the sides we sent."),
      ]),
    },
    { name: "contact-request-received", email: notificationEmail("contact_request.received", [request]) },
    { name: "contact-request-approved", email: notificationEmail("contact_request.approved", [request]) },
    { name: "contact-request-declined", email: notificationEmail("contact_request.declined", [request]) },
    { name: "contact-request-expiring-soon", email: notificationEmail("contact_request.expiring_soon", [request]) },
    { name: "contact-request-expired", email: notificationEmail("contact_request.expired", [request]) },
    { name: "subscription-activated", email: notificationEmail("subscription.activated", [plan]) },
    { name: "subscription-payment-failed", email: notificationEmail("subscription.payment_failed", [plan]) },
    { name: "subscription-canceled", email: notificationEmail("subscription.canceled", [plan]) },
    {
      name: "digest",
      email: renderDigestEmail(
        context,
        [
          ["message.received", message(1, "Are you free on Friday?")],
          ["contact_request.received", request],
          ["subscription.activated", plan],
        ].map(([type, payload]) => {
          const definition = definitionOf(type as string)!;
          return digestItemOf(definition.inApp(definition.payload.parse(payload)), EXAMPLE_APP_URL);
        }),
      ),
    },
    {
      name: "password-reset",
      email: renderPasswordResetEmail({
        appUrl: EXAMPLE_APP_URL,
        recipientName: "Taylor Brooks",
        resetUrl: `${EXAMPLE_APP_URL}/reset-password?token=example-token`,
        minutes: 60,
      }),
    },
  ];
}
