CREATE TABLE "consortia" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'forming' NOT NULL,
	"origin" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"dissolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consortium_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"capabilities" text[] NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consortium_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"capabilities" text[] NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_members" ADD CONSTRAINT "consortium_members_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consortia_challenge_idx" ON "consortia" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "consortia_lead_idx" ON "consortia" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consortium_invitations_pending_idx" ON "consortium_invitations" USING btree ("consortium_id","organisation_id") WHERE "consortium_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "consortium_invitations_organisation_idx" ON "consortium_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consortium_members_current_idx" ON "consortium_members" USING btree ("consortium_id","organisation_id") WHERE "consortium_members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "consortium_members_organisation_idx" ON "consortium_members" USING btree ("organisation_id");