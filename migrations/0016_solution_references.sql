CREATE TABLE "reference_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"city_organisation_id" uuid,
	"city_id" uuid,
	"city_name" text NOT NULL,
	"country" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"scale" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reference_evidence" ADD CONSTRAINT "reference_evidence_reference_id_solution_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."solution_references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_evidence" ADD CONSTRAINT "reference_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_metrics" ADD CONSTRAINT "reference_metrics_reference_id_solution_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."solution_references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_references" ADD CONSTRAINT "solution_references_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_references" ADD CONSTRAINT "solution_references_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reference_evidence_reference_idx" ON "reference_evidence" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "reference_metrics_reference_idx" ON "reference_metrics" USING btree ("reference_id","position");--> statement-breakpoint
CREATE INDEX "solution_references_solution_idx" ON "solution_references" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "solution_references_provider_idx" ON "solution_references" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "solution_references_city_organisation_idx" ON "solution_references" USING btree ("city_organisation_id");--> statement-breakpoint
CREATE INDEX "solution_references_verified_idx" ON "solution_references" USING btree ("solution_id","city_organisation_id") WHERE "solution_references"."status" = 'verified';