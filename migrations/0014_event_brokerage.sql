CREATE TABLE "event_brokerage" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"table_names" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"scheduled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_brokerage_profiles" (
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"offer" text NOT NULL,
	"looking_for" text NOT NULL,
	"available_slot_ids" uuid[],
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_brokerage_profiles_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "event_meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"message" text NOT NULL,
	"priority" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_meeting_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_meetings" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_brokerage" ADD CONSTRAINT "event_brokerage_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_brokerage_profiles" ADD CONSTRAINT "event_brokerage_profiles_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_brokerage_profiles" ADD CONSTRAINT "event_brokerage_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meeting_requests" ADD CONSTRAINT "event_meeting_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meeting_requests" ADD CONSTRAINT "event_meeting_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meeting_requests" ADD CONSTRAINT "event_meeting_requests_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meeting_slots" ADD CONSTRAINT "event_meeting_slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_request_id_event_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."event_meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_meetings" ADD CONSTRAINT "event_meetings_slot_id_event_meeting_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."event_meeting_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_meeting_requests_open_pair_idx" ON "event_meeting_requests" USING btree ("event_id",least("requester_id", "recipient_id"),greatest("requester_id", "recipient_id")) WHERE "event_meeting_requests"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "event_meeting_requests_requester_idx" ON "event_meeting_requests" USING btree ("event_id","requester_id");--> statement-breakpoint
CREATE INDEX "event_meeting_requests_recipient_idx" ON "event_meeting_requests" USING btree ("event_id","recipient_id");--> statement-breakpoint
CREATE INDEX "event_meeting_slots_event_idx" ON "event_meeting_slots" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_meetings_table_idx" ON "event_meetings" USING btree ("slot_id","table_name");--> statement-breakpoint
CREATE INDEX "event_meetings_event_idx" ON "event_meetings" USING btree ("event_id");