CREATE TYPE "public"."talent_availability" AS ENUM('AVAILABLE', 'LIMITED', 'UNAVAILABLE');--> statement-breakpoint
CREATE TABLE "talent_contacts" (
	"profile_id" uuid PRIMARY KEY NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"agent_name" text DEFAULT '' NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"agent_phone" text DEFAULT '' NOT NULL,
	"agent_email" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"production" text NOT NULL,
	"role" text NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"position" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_photos_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "talent_profile_views" (
	"profile_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "talent_profile_views_profile_id_day_pk" PRIMARY KEY("profile_id","day")
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"playing_age_min" integer,
	"playing_age_max" integer,
	"gender_identity" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills_text" text DEFAULT '' NOT NULL,
	"unions" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" "talent_availability" DEFAULT 'AVAILABLE' NOT NULL,
	"primary_photo_id" uuid,
	"bio" text DEFAULT '' NOT NULL,
	"height_cm" integer,
	"eye_colour" text DEFAULT '' NOT NULL,
	"hair_colour" text DEFAULT '' NOT NULL,
	"showreel_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"day_rate_min" integer,
	"day_rate_max" integer,
	"day_rate_currency" text DEFAULT 'USD' NOT NULL,
	"published_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" text,
	"name_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, display_name)) STORED NOT NULL,
	"profile_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, display_name || ' ' || headline || ' ' || skills_text)) STORED NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, display_name || ' ' || headline || ' ' || skills_text || ' ' || bio)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_profiles_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "talent_profiles_playing_age" CHECK ("talent_profiles"."playing_age_min" IS NULL OR "talent_profiles"."playing_age_max" IS NULL OR "talent_profiles"."playing_age_min" <= "talent_profiles"."playing_age_max"),
	CONSTRAINT "talent_profiles_day_rate" CHECK ("talent_profiles"."day_rate_min" IS NULL OR "talent_profiles"."day_rate_max" IS NULL OR "talent_profiles"."day_rate_min" <= "talent_profiles"."day_rate_max")
);
--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_profile_id_talent_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_credits" ADD CONSTRAINT "talent_credits_profile_id_talent_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_photos" ADD CONSTRAINT "talent_photos_profile_id_talent_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_profile_id_talent_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_primary_photo_id_talent_photos_id_fk" FOREIGN KEY ("primary_photo_id") REFERENCES "public"."talent_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_credits_profile_idx" ON "talent_credits" USING btree ("profile_id","year" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "talent_photos_profile_position_idx" ON "talent_photos" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_newest_idx" ON "talent_profiles" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_name_idx" ON "talent_profiles" USING btree (lower("display_name"),"id") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_search_idx" ON "talent_profiles" USING gin ("search_vector") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_name_search_idx" ON "talent_profiles" USING gin ("name_vector") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_profile_search_idx" ON "talent_profiles" USING gin ("profile_vector") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_categories_idx" ON "talent_profiles" USING gin ("categories") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_languages_idx" ON "talent_profiles" USING gin ("languages") WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_listed_location_idx" ON "talent_profiles" USING btree ("country",lower("city") text_pattern_ops) WHERE "talent_profiles"."published_at" IS NOT NULL AND "talent_profiles"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "talent_profiles_updated_idx" ON "talent_profiles" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);