ALTER TABLE "plan_metadata" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Until now the original language was also the plan's: existing plans keep speaking it.
UPDATE "plan_metadata" SET "language" = "original_language";
