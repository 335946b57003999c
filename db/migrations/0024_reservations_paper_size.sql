CREATE TABLE "paragraph_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"anchor" "bytea" NOT NULL,
	"state_code" text NOT NULL,
	"text" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_metadata" ADD COLUMN "paper_size" text DEFAULT 'letter' NOT NULL;--> statement-breakpoint
ALTER TABLE "paragraph_reservations" ADD CONSTRAINT "paragraph_reservations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_reservations" ADD CONSTRAINT "paragraph_reservations_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_reservations" ADD CONSTRAINT "paragraph_reservations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paragraph_reservations_state" ON "paragraph_reservations" USING btree ("section_id","anchor","state_code");--> statement-breakpoint
CREATE INDEX "paragraph_reservations_plan" ON "paragraph_reservations" USING btree ("plan_id");