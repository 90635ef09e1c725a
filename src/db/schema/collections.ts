import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { talentProfiles } from "./talents";

/**
 * A professional's named shortlist of talents. Private to its owner; anyone
 * holding the share token (while it is set) sees its public profile data.
 */
export const collections = pgTable(
  "collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The secret of the read-only share link; null when not shared (or revoked). */
    shareToken: text("share_token").unique(),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("collections_owner_name_idx").on(table.ownerId, sql`lower(${table.name})`),
    index("collections_owner_updated_idx").on(table.ownerId, table.updatedAt.desc().nullsFirst()),
  ],
);

/** A talent in a collection, at a position the owner chooses, with the owner's private note. */
export const collectionItems = pgTable(
  "collection_items",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => talentProfiles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    note: text("note").notNull().default(""),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.collectionId, table.profileId] }),
    index("collection_items_order_idx").on(table.collectionId, table.position),
    index("collection_items_profile_idx").on(table.profileId),
  ],
);
