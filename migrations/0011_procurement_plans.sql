CREATE TABLE "procurement_phase_admissions" (
	"challenge_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"bidder_kind" text NOT NULL,
	"bidder_id" uuid NOT NULL,
	CONSTRAINT "procurement_phase_admissions_challenge_id_number_bidder_kind_bidder_id_pk" PRIMARY KEY("challenge_id","number","bidder_kind","bidder_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_phase_decisions" (
	"challenge_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procurement_phase_decisions_challenge_id_number_pk" PRIMARY KEY("challenge_id","number")
);
--> statement-breakpoint
CREATE TABLE "procurement_plan_phases" (
	"challenge_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"max_bidders" integer,
	CONSTRAINT "procurement_plan_phases_challenge_id_number_pk" PRIMARY KEY("challenge_id","number")
);
--> statement-breakpoint
CREATE TABLE "procurement_plans" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"advice" jsonb NOT NULL,
	"chosen_model" text NOT NULL,
	"deviation_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procurement_phase_decisions" ADD CONSTRAINT "procurement_phase_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_plan_phases" ADD CONSTRAINT "procurement_plan_phases_challenge_id_procurement_plans_challenge_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."procurement_plans"("challenge_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_plans" ADD CONSTRAINT "procurement_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_plans" ADD CONSTRAINT "procurement_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procurement_phase_admissions_bidder_idx" ON "procurement_phase_admissions" USING btree ("bidder_kind","bidder_id");