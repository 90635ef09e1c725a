import { z } from "zod";
import { defineNotification } from "../definition";
import { renderNotificationEmail } from "../emails/notification-email";

export const subscriptionActivated = defineNotification({
  type: "subscription.activated",
  category: "billing",
  payload: z.object({ planName: z.string() }),
  inApp: (payload) => ({
    title: "Your subscription is active",
    body: `Welcome to the ${payload.planName} plan: full profiles and messaging are open to you.`,
    link: "/billing",
  }),
  email: ([payload], context) =>
    renderNotificationEmail(context, {
      subject: `Your ${payload!.planName} subscription is active`,
      preview: "Full talent profiles, messaging and contact requests are now open to you.",
      intro: `Thank you for subscribing to the ${payload!.planName} plan. Full talent profiles, messaging and contact requests are now open to you.`,
      action: { label: "Browse talents", url: `${context.appUrl}/talents` },
    }),
});
