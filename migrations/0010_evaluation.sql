CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"reason" text NOT NULL,
	"detected" boolean NOT NULL,
	"declared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"city_user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"one_to_one" boolean NOT NULL,
	"subject" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_awards" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"value_amount_minor" bigint NOT NULL,
	"value_currency" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"standstill_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"weight" integer NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_panel" (
	"challenge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "evaluation_panel_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"justification" text NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_setups" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"blind" boolean NOT NULL,
	"standstill_days" integer NOT NULL,
	"defined_by" uuid,
	"defined_at" timestamp with time zone NOT NULL,
	"technical_locked_by" uuid,
	"technical_locked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contacts" ADD CONSTRAINT "procurement_contacts_city_user_id_users_id_fk" FOREIGN KEY ("city_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contacts" ADD CONSTRAINT "procurement_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_panel" ADD CONSTRAINT "evaluation_panel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_criterion_id_evaluation_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."evaluation_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_setups" ADD CONSTRAINT "evaluation_setups_defined_by_users_id_fk" FOREIGN KEY ("defined_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_setups" ADD CONSTRAINT "evaluation_setups_technical_locked_by_users_id_fk" FOREIGN KEY ("technical_locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conflict_declarations_evaluator_idx" ON "conflict_declarations" USING btree ("proposal_id","user_id");--> statement-breakpoint
CREATE INDEX "conflict_declarations_challenge_idx" ON "conflict_declarations" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "procurement_contacts_challenge_idx" ON "procurement_contacts" USING btree ("challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_criteria_position_idx" ON "evaluation_criteria" USING btree ("challenge_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_panel_user_idx" ON "evaluation_panel" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_scores_cell_idx" ON "evaluation_scores" USING btree ("proposal_id","criterion_id","user_id");--> statement-breakpoint
CREATE INDEX "evaluation_scores_challenge_idx" ON "evaluation_scores" USING btree ("challenge_id");