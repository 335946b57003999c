ALTER TABLE "section_comments" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "section_comments" ADD CONSTRAINT "section_comments_parent_id_section_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."section_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_comments" ADD CONSTRAINT "section_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_comments_parent" ON "section_comments" USING btree ("parent_id");