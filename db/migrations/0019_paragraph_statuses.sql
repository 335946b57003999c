CREATE TYPE "public"."paragraph_status" AS ENUM('bracketed', 'ad_referendum', 'agreed');--> statement-breakpoint
CREATE TABLE "paragraph_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"anchor" "bytea" NOT NULL,
	"status" "paragraph_status" NOT NULL,
	"ad_ref_states" text[] DEFAULT '{}' NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paragraph_statuses" ADD CONSTRAINT "paragraph_statuses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_statuses" ADD CONSTRAINT "paragraph_statuses_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_statuses" ADD CONSTRAINT "paragraph_statuses_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paragraph_statuses_anchor" ON "paragraph_statuses" USING btree ("section_id","anchor");--> statement-breakpoint
CREATE INDEX "paragraph_statuses_plan" ON "paragraph_statuses" USING btree ("plan_id");