CREATE TABLE "plan_metadata" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"council" text NOT NULL,
	"committee" text NOT NULL,
	"working_group" text NOT NULL,
	"symbol" text NOT NULL,
	"date" date,
	"original_language" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_metadata" ADD CONSTRAINT "plan_metadata_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_metadata" ADD CONSTRAINT "plan_metadata_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;