CREATE TABLE "event_unavailable_tables" (
	"event_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	CONSTRAINT "event_unavailable_tables_slot_id_table_name_pk" PRIMARY KEY("slot_id","table_name")
);
--> statement-breakpoint
CREATE TABLE "event_outcomes" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"notes" text NOT NULL,
	"ideas" jsonb NOT NULL,
	"challenge_ids" uuid[] NOT NULL,
	"solution_ids" uuid[] NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "event_unavailable_tables" ADD CONSTRAINT "event_unavailable_tables_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_unavailable_tables" ADD CONSTRAINT "event_unavailable_tables_slot_id_event_meeting_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."event_meeting_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_outcomes" ADD CONSTRAINT "event_outcomes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_outcomes" ADD CONSTRAINT "event_outcomes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_unavailable_tables_event_idx" ON "event_unavailable_tables" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_outcomes_challenges_idx" ON "event_outcomes" USING gin ("challenge_ids");