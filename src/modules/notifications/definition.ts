import type { z } from "zod";
import type { EmailContext, RenderedEmail } from "./email";

export type Category = "messages" | "contact_requests" | "billing";

export const categoryLabels: Record<Category, { name: string; description: string }> = {
  messages: { name: "Messages", description: "New messages in your conversations." },
  contact_requests: {
    name: "Contact requests",
    description: "Requests for your contact details, and the answers to yours.",
  },
  billing: { name: "Billing", description: "Your subscription starting, a failed payment, a cancellation." },
};

/**
 * One notification type: its payload, how it reads in the app, and its email.
 * `email` receives every notification of one email (a batch of new messages
 * is one email), oldest first.
 */
export type NotificationDefinition<Payload> = {
  type: string;
  category: Category;
  payload: z.ZodType<Payload>;
  inApp(payload: Payload): { title: string; body: string; link: string };
  email(payloads: Payload[], context: EmailContext): RenderedEmail;
};

export function defineNotification<Payload>(
  definition: NotificationDefinition<Payload>,
): NotificationDefinition<Payload> {
  return definition;
}
