ALTER TABLE "users" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_hour" smallint;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_digest_hour_check" CHECK ("users"."digest_hour" between 0 and 23);