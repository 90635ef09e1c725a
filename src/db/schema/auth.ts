import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Accounts, sessions and credentials, in the shape Better Auth expects
 * (see docs/decisions/003-better-auth.md). Ids are UUIDs the database generates.
 */
export const userRole = pgEnum("user_role", ["TALENT", "PROFESSIONAL", "COMPANY", "ADMIN"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: userRole("role").notNull().default("TALENT"),
    /** A suspended account cannot sign in, and its sessions end when it is suspended. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedReason: text("suspended_reason"),
    /**
     * Set when the person deleted their account: the row stays, anonymised, so
     * the other side's conversations and requests keep their references.
     */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** The IANA zone the account's dates are shown in and its digest hour is read in (decision record 023). */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** The local hour (0-23) at which the daily digest goes out; null: the DIGEST_HOUR default. */
    digestHour: smallint("digest_hour"),
    ...timestamps,
  },
  (table) => [
    index("users_role_created_at_idx").on(table.role, table.createdAt),
    check("users_digest_hour_check", sql`${table.digestHour} between 0 and 23`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id")
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id")
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (table) => [index("accounts_user_id_idx").on(table.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text("id")
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);
