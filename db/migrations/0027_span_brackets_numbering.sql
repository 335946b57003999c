CREATE TABLE "bracketed_spans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"span_from" "bytea" NOT NULL,
	"span_to" "bytea" NOT NULL,
	"span_text" text NOT NULL,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_metadata" ADD COLUMN "numbering" text DEFAULT 'section' NOT NULL;--> statement-breakpoint
ALTER TABLE "bracketed_spans" ADD CONSTRAINT "bracketed_spans_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bracketed_spans" ADD CONSTRAINT "bracketed_spans_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bracketed_spans" ADD CONSTRAINT "bracketed_spans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bracketed_spans_section" ON "bracketed_spans" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "bracketed_spans_plan" ON "bracketed_spans" USING btree ("plan_id");