import type { billingInterval, billingPlan, subscriptionStatus } from "@/db/schema/billing";

export type Plan = (typeof billingPlan.enumValues)[number];
export type BillingInterval = (typeof billingInterval.enumValues)[number];
export type SubscriptionStatus = (typeof subscriptionStatus.enumValues)[number];

export const plans = ["PROFESSIONAL", "COMPANY"] as const satisfies readonly Plan[];
export const intervals = ["month", "year"] as const satisfies readonly BillingInterval[];

export type PlanCapabilities = {
  premiumProfiles: boolean;
  messaging: boolean;
  contactRequestsPerMonth: number;
  collections: boolean;
};

type PlanDefinition = {
  name: string;
  /** Which account type may hold the plan. */
  role: "PROFESSIONAL" | "COMPANY";
  summary: string;
  /** Prices in US dollars; with Stripe configured, the prices set there are what is charged. */
  price: Record<BillingInterval, number>;
  capabilities: PlanCapabilities;
};

/** Every plan, defined once: the pricing page, the billing page and every quota read from here. */
const definitions: Record<Plan, PlanDefinition> = {
  PROFESSIONAL: {
    name: "Professional",
    role: "PROFESSIONAL",
    summary: "For casting directors and agents working on their own.",
    price: { month: 49, year: 490 },
    capabilities: {
      premiumProfiles: true,
      messaging: true,
      contactRequestsPerMonth: 30,
      collections: true,
    },
  },
  COMPANY: {
    name: "Company",
    role: "COMPANY",
    summary: "For studios and production companies casting at volume.",
    price: { month: 199, year: 1990 },
    capabilities: {
      premiumProfiles: true,
      messaging: true,
      contactRequestsPerMonth: 150,
      collections: true,
    },
  },
};

export function getPlanCapabilities(plan: Plan): PlanCapabilities {
  return definitions[plan].capabilities;
}

export function getPlan(plan: Plan): PlanDefinition {
  return definitions[plan];
}

/** The plan an account type subscribes to: professionals to Professional, companies to Company. */
export function planForRole(role: string): Plan | null {
  return plans.find((plan) => definitions[plan].role === role) ?? null;
}

/** What a plan unlocks, one line each, from its capabilities: for the upgrade prompt and the plan lists. */
export function describePlanUnlocks(plan: Plan): string[] {
  const capabilities = getPlanCapabilities(plan);
  return [
    capabilities.premiumProfiles ? "Full talent profiles: bio, credits, every photo, rates" : null,
    capabilities.messaging ? "Direct messages to talents" : null,
    `${capabilities.contactRequestsPerMonth} contact requests a month`,
    capabilities.collections ? "Collections and shortlists, with CSV export and a read-only share link" : null,
  ].filter((line): line is string => line !== null);
}

export const intervalLabels: Record<BillingInterval, string> = { month: "Monthly", year: "Yearly" };

export const statusLabels: Record<SubscriptionStatus, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Payment failed",
  canceled: "Canceled",
  incomplete: "Payment incomplete",
  unpaid: "Unpaid",
};

/** The end of a billing period that starts now. */
export function periodEndFrom(start: Date, interval: BillingInterval): Date {
  const end = new Date(start);
  if (interval === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}
