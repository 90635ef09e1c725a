CREATE TYPE "public"."contact_request_status" AS ENUM('PENDING', 'APPROVED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."contact_request_decline_reason" AS ENUM('not_right', 'unavailable', 'rate_too_low', 'other');--> statement-breakpoint
CREATE TABLE "contact_request_counters" (
	"sender_id" text NOT NULL,
	"window" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contact_request_counters_sender_id_window_pk" PRIMARY KEY("sender_id","window")
);
--> statement-breakpoint
CREATE TABLE "contact_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"actor_id" text,
	"from_status" "contact_request_status",
	"to_status" "contact_request_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" text NOT NULL,
	"talent_user_id" text NOT NULL,
	"talent_profile_id" uuid NOT NULL,
	"project_title" text NOT NULL,
	"role" text NOT NULL,
	"production_type" text NOT NULL,
	"description" text NOT NULL,
	"shoot_start" date,
	"shoot_end" date,
	"location" text DEFAULT '' NOT NULL,
	"is_paid" boolean NOT NULL,
	"rate" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" "contact_request_status" DEFAULT 'PENDING' NOT NULL,
	"decline_reason" "contact_request_decline_reason",
	"shared_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_reveal_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"viewer_id" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_request_counters" ADD CONSTRAINT "contact_request_counters_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_request_events" ADD CONSTRAINT "contact_request_events_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_request_events" ADD CONSTRAINT "contact_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_talent_profile_id_talent_profiles_id_fk" FOREIGN KEY ("talent_profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reveal_views" ADD CONSTRAINT "contact_reveal_views_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reveal_views" ADD CONSTRAINT "contact_reveal_views_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_request_events_request_idx" ON "contact_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_requests_one_pending_idx" ON "contact_requests" USING btree ("sender_id","talent_user_id") WHERE "contact_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "contact_requests_talent_idx" ON "contact_requests" USING btree ("talent_user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contact_requests_sender_idx" ON "contact_requests" USING btree ("sender_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contact_requests_pending_expiry_idx" ON "contact_requests" USING btree ("expires_at") WHERE "contact_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "contact_reveal_views_request_idx" ON "contact_reveal_views" USING btree ("request_id","viewed_at");