import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const availability = pgEnum("talent_availability", ["AVAILABLE", "LIMITED", "UNAVAILABLE"]);

/**
 * A talent's profile. Public fields are shown to everyone once published;
 * premium fields (bio, appearance, showreels, rates, credits, all photos) only
 * to admins and subscribers. Contact details live apart, in talent_contacts.
 */
export const talentProfiles = pgTable(
  "talent_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    // Public
    displayName: text("display_name").notNull(),
    headline: text("headline").notNull().default(""),
    city: text("city").notNull().default(""),
    country: text("country").notNull().default(""),
    categories: text("categories")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    playingAgeMin: integer("playing_age_min"),
    playingAgeMax: integer("playing_age_max"),
    genderIdentity: text("gender_identity").notNull().default(""),
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skills: text("skills")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The skills as one text, kept beside them for full-text search (arrays cannot feed a generated column). */
    skillsText: text("skills_text").notNull().default(""),
    unions: text("unions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: availability("availability").notNull().default("AVAILABLE"),
    primaryPhotoId: uuid("primary_photo_id").references((): AnyPgColumn => talentPhotos.id, { onDelete: "set null" }),
    // Premium
    bio: text("bio").notNull().default(""),
    heightCm: integer("height_cm"),
    eyeColour: text("eye_colour").notNull().default(""),
    hairColour: text("hair_colour").notNull().default(""),
    showreelUrls: text("showreel_urls")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dayRateMin: integer("day_rate_min"),
    dayRateMax: integer("day_rate_max"),
    dayRateCurrency: text("day_rate_currency").notNull().default("USD"),
    // Publication and moderation
    /** Whether the talent has a ready showreel / voice reel, kept by the media module for the gallery's filters. */
    hasShowreel: boolean("has_showreel").notNull().default(false),
    hasVoiceReel: boolean("has_voice_reel").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: text("hidden_by").references(() => users.id, { onDelete: "set null" }),
    /** The name alone, and the name with headline and skills: "best match" ranks matches there first. */
    nameVector: tsvector("name_vector")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english'::regconfig, display_name)`),
    profileVector: tsvector("profile_vector")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english'::regconfig, display_name || ' ' || headline || ' ' || skills_text)`),
    /** Everything searchable, bio included. */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('english'::regconfig, display_name || ' ' || headline || ' ' || skills_text || ' ' || bio)`,
      ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => {
    const listed = sql`${table.publishedAt} IS NOT NULL AND ${table.hiddenAt} IS NULL`;
    return [
      index("talent_profiles_listed_newest_idx")
        .on(table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
        .where(listed),
      index("talent_profiles_listed_name_idx")
        .on(sql`lower(${table.displayName})`, table.id)
        .where(listed),
      index("talent_profiles_listed_search_idx").using("gin", table.searchVector).where(listed),
      index("talent_profiles_listed_name_search_idx").using("gin", table.nameVector).where(listed),
      index("talent_profiles_listed_profile_search_idx").using("gin", table.profileVector).where(listed),
      index("talent_profiles_listed_categories_idx").using("gin", table.categories).where(listed),
      index("talent_profiles_listed_languages_idx").using("gin", table.languages).where(listed),
      index("talent_profiles_listed_location_idx")
        .on(table.country, sql`lower(${table.city}) text_pattern_ops`)
        .where(listed),
      index("talent_profiles_updated_idx").on(table.updatedAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
      check(
        "talent_profiles_playing_age",
        sql`${table.playingAgeMin} IS NULL OR ${table.playingAgeMax} IS NULL OR ${table.playingAgeMin} <= ${table.playingAgeMax}`,
      ),
      check(
        "talent_profiles_day_rate",
        sql`${table.dayRateMin} IS NULL OR ${table.dayRateMax} IS NULL OR ${table.dayRateMin} <= ${table.dayRateMax}`,
      ),
    ];
  },
);

/** Private contact details: shown only to the talent, to admins, and to approved requesters. */
export const talentContacts = pgTable("talent_contacts", {
  profileId: uuid("profile_id")
    .primaryKey()
    .references(() => talentProfiles.id, { onDelete: "cascade" }),
  phone: text("phone").notNull().default(""),
  email: text("email").notNull().default(""),
  agentName: text("agent_name").notNull().default(""),
  agency: text("agency").notNull().default(""),
  agentPhone: text("agent_phone").notNull().default(""),
  agentEmail: text("agent_email").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const talentCredits = pgTable(
  "talent_credits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => talentProfiles.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    production: text("production").notNull(),
    role: text("role").notNull(),
    company: text("company").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("talent_credits_profile_idx").on(table.profileId, table.year.desc())],
);

export const talentPhotos = pgTable(
  "talent_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => talentProfiles.id, { onDelete: "cascade" }),
    /** Where the variants live in photo storage: `<storageKey>/thumb.webp` and `<storageKey>/large.webp`. */
    storageKey: text("storage_key").notNull().unique(),
    position: integer("position").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** Whether every width the photo route serves is stored; photos from before widths existed get them from the worker. */
    hasWidths: boolean("has_widths").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("talent_photos_profile_position_idx").on(table.profileId, table.position),
    index("talent_photos_without_widths_idx")
      .on(table.id)
      .where(sql`not ${table.hasWidths}`),
  ],
);

/** Profile views per day, counted without storing who viewed (the activity dashboard reads them). */
export const talentProfileViews = pgTable(
  "talent_profile_views",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => talentProfiles.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.profileId, table.day] }),
    index("talent_profile_views_day_idx").on(table.day),
  ],
);
