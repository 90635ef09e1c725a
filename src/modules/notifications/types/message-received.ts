import { z } from "zod";
import { defineNotification } from "../definition";
import { renderNotificationEmail } from "../emails/notification-email";

/** A new message's notification; its seq is given by the statement that stores the message. */
export const messageReceivedPayload = z.object({
  conversationId: z.uuid(),
  seq: z.number().int(),
  senderName: z.string(),
  preview: z.string(),
});

export const messageReceived = defineNotification({
  type: "message.received",
  category: "messages",
  payload: messageReceivedPayload,
  inApp: (payload) => ({
    title: `New message from ${payload.senderName}`,
    body: payload.preview,
    link: `/messages/${payload.conversationId}`,
  }),
  email: (payloads, context) => {
    const first = payloads[0]!;
    const count = payloads.length;
    return renderNotificationEmail(context, {
      subject: count === 1 ? `New message from ${first.senderName}` : `${count} new messages from ${first.senderName}`,
      intro:
        count === 1
          ? `${first.senderName} sent you a message on Callback:`
          : `${first.senderName} sent you ${count} messages on Callback:`,
      preview: first.preview,
      quotes: payloads.map((payload) => payload.preview),
      action: { label: "Reply on Callback", url: `${context.appUrl}/messages/${first.conversationId}` },
    });
  },
});
