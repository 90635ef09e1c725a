import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** What a file is, decided from its bytes: each kind has its own accepted formats and limits. */
export const mediaKind = pgEnum("media_kind", ["video", "audio", "document"]);

/** What a file is for: a talent's showreels, voice reels and CV (casting calls and messages add their own). */
export const mediaPurpose = pgEnum("media_purpose", ["showreel", "voice_reel", "cv"]);

/** A file is shown only once it is "ready": until processing ends it is "processing", and "failed" says why not. */
export const mediaStatus = pgEnum("media_status", ["processing", "ready", "failed"]);

/**
 * A stored media file (photos stay in talent_photos). The original is kept as
 * uploaded at `storageKey`; processing in the worker adds what it learns
 * (duration, dimensions, pages) and the poster or first-page preview. The
 * primary file of each purpose on a listed profile is public, as the primary
 * photo is; every other file is premium. `version` goes up when the file's
 * served bytes change, so public URLs can be immutable.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: mediaPurpose("purpose").notNull(),
    kind: mediaKind("kind").notNull(),
    status: mediaStatus("status").notNull().default("processing"),
    title: text("title").notNull().default(""),
    /** The name the file had on the uploader's machine, shown to them only. */
    fileName: text("file_name").notNull().default(""),
    position: integer("position").notNull().default(0),
    isPrimary: boolean("is_primary").notNull().default(false),
    storageKey: text("storage_key").notNull().unique(),
    /** The type detected from the file's bytes, e.g. video/mp4. */
    contentType: text("content_type").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    durationMs: integer("duration_ms"),
    width: integer("width"),
    height: integer("height"),
    pageCount: integer("page_count"),
    /** A WebP poster frame (video) or first-page preview (document), when one could be made. */
    posterKey: text("poster_key"),
    /** WebVTT captions for a video, uploaded by the owner. */
    captionsKey: text("captions_key"),
    /** Why a preview could not be made, in words for the owner (the file itself is still shown). */
    previewNote: text("preview_note"),
    /** Why the file was refused during processing, in words for the owner. */
    failureReason: text("failure_reason"),
    version: integer("version").notNull().default(1),
    /** Processing claims a file for a while, so two workers never process the same one. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (table) => [
    index("media_files_owner_purpose_idx").on(table.ownerId, table.purpose, table.position),
    index("media_files_processing_idx")
      .on(table.createdAt)
      .where(sql`${table.status} = 'processing'`),
    check("media_files_byte_size_positive", sql`${table.byteSize} > 0`),
  ],
);

/**
 * A resumable upload in progress. The bytes so far are in the store; the
 * reservation against the owner's quota is `declaredSize` until it finishes
 * (becoming a media file) or is abandoned (the worker deletes it and its bytes).
 */
export const mediaUploads = pgTable(
  "media_uploads",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: mediaPurpose("purpose").notNull(),
    declaredSize: bigint("declared_size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull().unique(),
    title: text("title").notNull().default(""),
    fileName: text("file_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The last time bytes arrived; an upload idle for a day is abandoned. */
    touchedAt: timestamp("touched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("media_uploads_touched_idx").on(table.touchedAt),
    check("media_uploads_declared_size_positive", sql`${table.declaredSize} > 0`),
  ],
);

/**
 * Each account's use of the store, counted atomically: `usedBytes` for stored
 * files, `reservedBytes` for uploads in progress. A reservation succeeds only
 * when used + reserved + the new size stays within the account's quota.
 */
export const storageUsage = pgTable(
  "storage_usage",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    usedBytes: bigint("used_bytes", { mode: "number" }).notNull().default(0),
    reservedBytes: bigint("reserved_bytes", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("storage_usage_used_non_negative", sql`${table.usedBytes} >= 0`),
    check("storage_usage_reserved_non_negative", sql`${table.reservedBytes} >= 0`),
  ],
);
