import { z } from "zod";
import { defineNotification } from "../definition";
import { renderNotificationEmail } from "../emails/notification-email";

export const subscriptionCanceled = defineNotification({
  type: "subscription.canceled",
  category: "billing",
  payload: z.object({ planName: z.string() }),
  inApp: (payload) => ({
    title: "Your subscription has ended",
    body: `The ${payload.planName} plan is canceled. You can subscribe again any time.`,
    link: "/pricing",
  }),
  email: ([payload], context) =>
    renderNotificationEmail(context, {
      subject: "Your Callback subscription has ended",
      preview: "Your conversations and collections stay readable; subscribe again any time.",
      intro: `Your ${payload!.planName} subscription has ended. Your conversations and collections stay readable; subscribe again any time to reach talents.`,
      action: { label: "See plans", url: `${context.appUrl}/pricing` },
    }),
});
