import { MAX_BULK_REQUESTS, MAX_COLLECTION_SIZE, MAX_COLLECTIONS } from "@/modules/collections/inputs";
import { getPlanCapabilities, type Plan } from "../plans";

/**
 * What a plan is sold with, read from the plan's capabilities and the limits
 * the code enforces, so no page promises what does not exist.
 * `dailyRequestCap` is the server's configured daily limit on contact
 * requests, which holds on every plan.
 */
export function planFeatures(plan: Plan, dailyRequestCap: number): string[] {
  const capabilities = getPlanCapabilities(plan);
  const number = (value: number) => value.toLocaleString("en");
  return [
    capabilities.premiumProfiles ? "Full talent profiles: bio, credits, showreels, every photo and day rates" : null,
    capabilities.messaging ? "Direct messages to talents" : null,
    `${number(capabilities.contactRequestsPerMonth)} contact requests a month (at most ${number(dailyRequestCap)} a day)`,
    capabilities.collections
      ? `Up to ${number(MAX_COLLECTIONS)} collections of ${number(MAX_COLLECTION_SIZE)} talents each, with CSV export and a read-only share link`
      : null,
    capabilities.collections
      ? `Contact requests to up to ${number(MAX_BULK_REQUESTS)} talents of a collection at once`
      : null,
    "One sign-in per subscription",
  ].filter((line): line is string => line !== null);
}

/** How many months a yearly price saves against twelve monthly ones, rounded down. */
export function monthsFreeYearly(price: { month: number; year: number }): number {
  return Math.floor((price.month * 12 - price.year) / price.month);
}
