import { bigserial, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const billingPlan = pgEnum("billing_plan", ["PROFESSIONAL", "COMPANY"]);
export const billingInterval = pgEnum("billing_interval", ["month", "year"]);
export const subscriptionStatus = pgEnum("subscription_status", [
  "trialing",
  "active",
  "past_due",
  "canceled",
  "incomplete",
  "unpaid",
]);

/** The payment provider's customer for an account, created before checkout so every later event can be matched. */
export const billingCustomers = pgTable("billing_customers", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  provider: text("provider").notNull(),
  customerId: text("customer_id").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An account's subscription as the provider last reported it. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    customerId: text("customer_id").notNull(),
    subscriptionId: text("subscription_id").notNull().unique(),
    plan: billingPlan("plan").notNull(),
    interval: billingInterval("interval").notNull(),
    status: subscriptionStatus("status").notNull(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    /** When the provider produced the state held here: an older event never overwrites it. */
    stateAt: timestamp("state_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("subscriptions_status_idx").on(table.status)],
);

/**
 * Each change of an account's subscription status, plan or interval, written by
 * a database trigger on subscriptions, so every path that changes one (webhooks,
 * test mode, seeds) leaves its history. Dashboards read active subscriptions and
 * monthly revenue on any past day from here.
 */
export const subscriptionChanges = pgTable(
  "subscription_changes",
  {
    /** In the order the changes were written, which breaks ties between changes at the same moment. */
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    plan: billingPlan("plan").notNull(),
    interval: billingInterval("interval").notNull(),
    status: subscriptionStatus("status").notNull(),
    /** When the provider said the change happened (the subscription's state_at). */
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("subscription_changes_at_idx").on(table.at)],
);

/** Every provider event processed, recorded in the same transaction as its effect: a replay is a no-op. */
export const billingEvents = pgTable("billing_events", {
  id: text("id").primaryKey(),
  provider: text("provider").notNull(),
  type: text("type").notNull(),
  outcome: text("outcome").notNull(),
  eventCreatedAt: timestamp("event_created_at", { withTimezone: true }).notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const testCheckoutStatus = pgEnum("test_checkout_status", ["open", "completed", "payment_failed", "canceled"]);

/** Checkouts of the offline test-mode provider, completed on a local page instead of at Stripe. */
export const testCheckoutSessions = pgTable("test_checkout_sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  plan: billingPlan("plan").notNull(),
  interval: billingInterval("interval").notNull(),
  status: testCheckoutStatus("status").notNull().default("open"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
