import { z } from "zod";
import { defineNotification } from "../definition";
import { renderNotificationEmail } from "../emails/notification-email";

export const subscriptionPaymentFailed = defineNotification({
  type: "subscription.payment_failed",
  category: "billing",
  payload: z.object({ planName: z.string() }),
  inApp: () => ({
    title: "Your payment failed",
    body: "Premium features are paused until the payment goes through.",
    link: "/billing",
  }),
  email: ([payload], context) =>
    renderNotificationEmail(context, {
      subject: "Your Callback payment failed",
      preview: "Premium features are paused until the payment goes through. Update your payment details to continue.",
      intro: `The latest payment for your ${payload!.planName} plan did not go through, so premium features are paused. Update your payment details to continue.`,
      action: { label: "Fix the payment", url: `${context.appUrl}/billing` },
    }),
});
