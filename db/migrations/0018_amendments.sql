CREATE TYPE "public"."amendment_kind" AS ENUM('replace', 'insert', 'delete');--> statement-breakpoint
CREATE TYPE "public"."amendment_stance" AS ENUM('cosponsor', 'object');--> statement-breakpoint
CREATE TYPE "public"."amendment_status" AS ENUM('pending', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "amendment_stances" (
	"amendment_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"stance" "amendment_stance" NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendment_stances_amendment_id_state_code_pk" PRIMARY KEY("amendment_id","state_code")
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"sponsor_state" text,
	"proposed_by" uuid,
	"kind" "amendment_kind" NOT NULL,
	"target_text" text NOT NULL,
	"target_from" "bytea" NOT NULL,
	"target_to" "bytea" NOT NULL,
	"proposed_text" text NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"status" "amendment_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "amendment_stances" ADD CONSTRAINT "amendment_stances_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_stances" ADD CONSTRAINT "amendment_stances_state_code_member_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."member_states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_stances" ADD CONSTRAINT "amendment_stances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_sponsor_state_member_states_code_fk" FOREIGN KEY ("sponsor_state") REFERENCES "public"."member_states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "amendments_plan_number" ON "amendments" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "amendments_section" ON "amendments" USING btree ("section_id","number");