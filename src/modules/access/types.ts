import type { Role } from "./roles";

/** What access decisions need to know of an account's subscription (the billing module keeps the rest). */
export type SubscriptionFacts = {
  plan: "PROFESSIONAL" | "COMPANY";
  status: "trialing" | "active" | "past_due" | "canceled" | "incomplete" | "unpaid";
  currentPeriodEnd: Date;
};

/** Who is calling: the signed-in user as every query and mutation sees it. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  subscription: SubscriptionFacts | null;
  /** The IANA zone every date is shown to them in ("UTC" until they choose one; decision record 023). */
  timeZone: string;
};
