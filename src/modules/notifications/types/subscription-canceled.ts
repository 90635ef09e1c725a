import { z } from "zod";
import { defineNotification } from "../definition";
import { layoutEmail } from "../email";

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
    layoutEmail(context, {
      subject: "Your Callback subscription has ended",
      intro: `Your ${payload!.planName} subscription has ended. Your conversations and collections stay readable; subscribe again any time to reach talents.`,
      action: { label: "See plans", url: `${context.appUrl}/pricing` },
    }),
});
