CREATE TYPE "public"."media_kind" AS ENUM('video', 'audio', 'document');--> statement-breakpoint
CREATE TYPE "public"."media_purpose" AS ENUM('showreel', 'voice_reel', 'cv');--> statement-breakpoint
CREATE TYPE "public"."media_status" AS ENUM('processing', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"purpose" "media_purpose" NOT NULL,
	"kind" "media_kind" NOT NULL,
	"status" "media_status" DEFAULT 'processing' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"duration_ms" integer,
	"width" integer,
	"height" integer,
	"page_count" integer,
	"poster_key" text,
	"captions_key" text,
	"preview_note" text,
	"failure_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "media_files_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "media_files_byte_size_positive" CHECK ("media_files"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "media_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"purpose" "media_purpose" NOT NULL,
	"declared_size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"touched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "media_uploads_declared_size_positive" CHECK ("media_uploads"."declared_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "storage_usage" (
	"user_id" text PRIMARY KEY NOT NULL,
	"used_bytes" bigint DEFAULT 0 NOT NULL,
	"reserved_bytes" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "storage_usage_used_non_negative" CHECK ("storage_usage"."used_bytes" >= 0),
	CONSTRAINT "storage_usage_reserved_non_negative" CHECK ("storage_usage"."reserved_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_uploads" ADD CONSTRAINT "media_uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_usage" ADD CONSTRAINT "storage_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_files_owner_purpose_idx" ON "media_files" USING btree ("owner_id","purpose","position");--> statement-breakpoint
CREATE INDEX "media_files_processing_idx" ON "media_files" USING btree ("created_at") WHERE "media_files"."status" = 'processing';--> statement-breakpoint
CREATE INDEX "media_uploads_touched_idx" ON "media_uploads" USING btree ("touched_at");