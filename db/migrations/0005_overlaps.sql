CREATE TYPE "public"."overlap_status" AS ENUM('open', 'merged', 'kept', 'dismissed', 'closed');--> statement-breakpoint
CREATE TABLE "overlaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_a" uuid NOT NULL,
	"anchor_a" "bytea" NOT NULL,
	"text_a" text NOT NULL,
	"section_b" uuid NOT NULL,
	"anchor_b" "bytea" NOT NULL,
	"text_b" text NOT NULL,
	"score" real NOT NULL,
	"kind" text NOT NULL,
	"status" "overlap_status" DEFAULT 'open' NOT NULL,
	"resolution" jsonb,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "overlaps" ADD CONSTRAINT "overlaps_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlaps" ADD CONSTRAINT "overlaps_section_a_sections_id_fk" FOREIGN KEY ("section_a") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlaps" ADD CONSTRAINT "overlaps_section_b_sections_id_fk" FOREIGN KEY ("section_b") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlaps" ADD CONSTRAINT "overlaps_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "overlaps_plan_status" ON "overlaps" USING btree ("plan_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "overlaps_pair" ON "overlaps" USING btree ("section_a","anchor_a","section_b","anchor_b");--> statement-breakpoint
CREATE INDEX "overlaps_section_b" ON "overlaps" USING btree ("section_b");