DROP INDEX "conversation_participants_inbox_idx";--> statement-breakpoint
DROP INDEX "conversation_participants_unread_idx";--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "marked_unread" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "email_muted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "conversation_participants_archived_idx" ON "conversation_participants" USING btree ("user_id","last_message_at" DESC NULLS FIRST,"conversation_id" DESC NULLS FIRST) WHERE "conversation_participants"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "conversation_participants_inbox_idx" ON "conversation_participants" USING btree ("user_id","last_message_at" DESC NULLS FIRST,"conversation_id" DESC NULLS FIRST) WHERE "conversation_participants"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_participants_unread_idx" ON "conversation_participants" USING btree ("user_id","last_seq","last_read_seq","marked_unread") WHERE ("conversation_participants"."last_seq" > "conversation_participants"."last_read_seq" or "conversation_participants"."marked_unread") and "conversation_participants"."archived_at" is null;