import type { NotificationDefinition } from "./definition";
import { messageReceived } from "./types/message-received";
import { subscriptionActivated } from "./types/subscription-activated";
import { subscriptionCanceled } from "./types/subscription-canceled";
import { subscriptionPaymentFailed } from "./types/subscription-payment-failed";

/** Every notification type, by name. A new type is one file in types/ and one line here. */
export const notificationTypes = {
  [messageReceived.type]: messageReceived,
  [subscriptionActivated.type]: subscriptionActivated,
  [subscriptionPaymentFailed.type]: subscriptionPaymentFailed,
  [subscriptionCanceled.type]: subscriptionCanceled,
} as Record<string, NotificationDefinition<unknown>>;

export type NotificationType = "message.received" | "subscription.activated" | "subscription.payment_failed" | "subscription.canceled";

export function definitionOf(type: string): NotificationDefinition<unknown> | null {
  return notificationTypes[type] ?? null;
}
