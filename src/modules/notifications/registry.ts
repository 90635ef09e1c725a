import type { NotificationDefinition } from "./definition";
import {
  contactRequestApproved,
  contactRequestDeclined,
  contactRequestExpired,
  contactRequestExpiringSoon,
  contactRequestReceived,
} from "./types/contact-requests";
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
  [contactRequestReceived.type]: contactRequestReceived,
  [contactRequestApproved.type]: contactRequestApproved,
  [contactRequestDeclined.type]: contactRequestDeclined,
  [contactRequestExpiringSoon.type]: contactRequestExpiringSoon,
  [contactRequestExpired.type]: contactRequestExpired,
} as Record<string, NotificationDefinition<unknown>>;

export type NotificationType =
  | "message.received"
  | "subscription.activated"
  | "subscription.payment_failed"
  | "subscription.canceled"
  | "contact_request.received"
  | "contact_request.approved"
  | "contact_request.declined"
  | "contact_request.expiring_soon"
  | "contact_request.expired";

export function definitionOf(type: string): NotificationDefinition<unknown> | null {
  return notificationTypes[type] ?? null;
}
