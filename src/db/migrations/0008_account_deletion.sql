ALTER TABLE "contact_requests" DROP CONSTRAINT "contact_requests_talent_profile_id_talent_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "contact_requests" ALTER COLUMN "talent_profile_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_talent_profile_id_talent_profiles_id_fk" FOREIGN KEY ("talent_profile_id") REFERENCES "public"."talent_profiles"("id") ON DELETE set null ON UPDATE no action;