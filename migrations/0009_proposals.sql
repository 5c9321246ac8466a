CREATE TABLE "proposal_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"bidder_kind" text NOT NULL,
	"bidder_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_forms" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_revision_attachments" (
	"revision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "proposal_revision_attachments_revision_id_position_pk" PRIMARY KEY("revision_id","position")
);
--> statement-breakpoint
CREATE TABLE "proposal_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"price_amount_minor" bigint NOT NULL,
	"price_currency" text NOT NULL,
	"sha256" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"bidder_kind" text NOT NULL,
	"bidder_id" uuid NOT NULL,
	"status" text NOT NULL,
	"current_revision" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "proposal_files" ADD CONSTRAINT "proposal_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_forms" ADD CONSTRAINT "proposal_forms_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revision_attachments" ADD CONSTRAINT "proposal_revision_attachments_revision_id_proposal_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."proposal_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revision_attachments" ADD CONSTRAINT "proposal_revision_attachments_file_id_proposal_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."proposal_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD CONSTRAINT "proposal_revisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD CONSTRAINT "proposal_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_files_bidder_idx" ON "proposal_files" USING btree ("challenge_id","bidder_kind","bidder_id");--> statement-breakpoint
CREATE INDEX "proposal_revision_attachments_file_idx" ON "proposal_revision_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_revisions_number_idx" ON "proposal_revisions" USING btree ("proposal_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_live_bidder_idx" ON "proposals" USING btree ("challenge_id","bidder_kind","bidder_id") WHERE "proposals"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "proposals_challenge_idx" ON "proposals" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "proposals_bidder_idx" ON "proposals" USING btree ("bidder_kind","bidder_id");--> statement-breakpoint
-- Submitted content is immutable: the database refuses to change or delete a revision, what it
-- attaches, or an uploaded file's bytes (refuse_audit_change comes from migration 0001).
CREATE TRIGGER proposal_revisions_immutable
  BEFORE UPDATE OR DELETE ON proposal_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER proposal_revisions_no_truncate
  BEFORE TRUNCATE ON proposal_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER proposal_revision_attachments_immutable
  BEFORE UPDATE OR DELETE ON proposal_revision_attachments
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER proposal_revision_attachments_no_truncate
  BEFORE TRUNCATE ON proposal_revision_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER proposal_files_unchanged
  BEFORE UPDATE ON proposal_files
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
