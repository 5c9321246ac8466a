CREATE TABLE "capabilities" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"labels" jsonb NOT NULL,
	"synonyms" jsonb NOT NULL,
	"added_synonyms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"built_in" boolean NOT NULL,
	"position" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_items" (
	"portfolio_id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portfolio_items_portfolio_id_solution_id_pk" PRIMARY KEY("portfolio_id","solution_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_shares" (
	"portfolio_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portfolio_shares_portfolio_id_organisation_id_pk" PRIMARY KEY("portfolio_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme" text,
	"challenge_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_capabilities" (
	"solution_id" uuid NOT NULL,
	"capability_code" text NOT NULL,
	CONSTRAINT "solution_capabilities_solution_id_capability_code_pk" PRIMARY KEY("solution_id","capability_code")
);
--> statement-breakpoint
CREATE TABLE "solution_versions" (
	"solution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "solution_versions_solution_id_version_pk" PRIMARY KEY("solution_id","version")
);
--> statement-breakpoint
CREATE TABLE "solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"provider_kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"sectors" text[] NOT NULL,
	"trl" integer NOT NULL,
	"countries" text[] NOT NULL,
	"media" jsonb NOT NULL,
	"reference_links" jsonb NOT NULL,
	"capability_terms" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', catalogue_unaccent(title)), 'A') || setweight(to_tsvector('english', catalogue_unaccent(summary)), 'B') || setweight(to_tsvector('english', catalogue_unaccent(capability_terms)), 'C') || setweight(to_tsvector('english', catalogue_unaccent(description)), 'D')) STORED
);
--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_parent_code_capabilities_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."capabilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_shares" ADD CONSTRAINT "portfolio_shares_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_shares" ADD CONSTRAINT "portfolio_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_capabilities" ADD CONSTRAINT "solution_capabilities_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_capabilities" ADD CONSTRAINT "solution_capabilities_capability_code_capabilities_code_fk" FOREIGN KEY ("capability_code") REFERENCES "public"."capabilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_versions" ADD CONSTRAINT "solution_versions_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_versions" ADD CONSTRAINT "solution_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capabilities_parent_idx" ON "capabilities" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "portfolio_items_solution_idx" ON "portfolio_items" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "portfolio_shares_organisation_idx" ON "portfolio_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "portfolios_cluster_idx" ON "portfolios" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "solution_capabilities_code_idx" ON "solution_capabilities" USING btree ("capability_code");--> statement-breakpoint
CREATE INDEX "solutions_search_idx" ON "solutions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "solutions_sectors_idx" ON "solutions" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "solutions_countries_idx" ON "solutions" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "solutions_provider_idx" ON "solutions" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "solutions_newest_idx" ON "solutions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "solutions_trl_idx" ON "solutions" USING btree ("trl","created_at","id");