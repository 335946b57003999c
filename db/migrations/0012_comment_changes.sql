ALTER TABLE "section_comments" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "section_comments" ADD CONSTRAINT "section_comments_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;