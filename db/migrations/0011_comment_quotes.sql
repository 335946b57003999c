ALTER TABLE "section_comments" ADD COLUMN "quote_text" text;--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "quote_from" "bytea";--> statement-breakpoint
ALTER TABLE "section_comments" ADD COLUMN "quote_to" "bytea";