CREATE TABLE "challenge_co_funding" (
	"challenge_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "challenge_co_funding_challenge_id_source_id_pk" PRIMARY KEY("challenge_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "funding_followers" (
	"source_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reminded_for" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_followers_source_id_user_id_pk" PRIMARY KEY("source_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"title" text NOT NULL,
	"programme" text NOT NULL,
	"instrument" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"min_amount_minor" bigint,
	"max_amount_minor" bigint,
	"currency" text NOT NULL,
	"co_financing_rate" double precision,
	"eligible_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_trl" integer,
	"max_trl" integer,
	"opens_on" date,
	"closes_on" date,
	"link" text,
	"min_partners" integer,
	"min_countries" integer,
	"min_small_company_share" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_co_funding" ADD CONSTRAINT "challenge_co_funding_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_co_funding" ADD CONSTRAINT "challenge_co_funding_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_followers" ADD CONSTRAINT "funding_followers_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_followers" ADD CONSTRAINT "funding_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_followers_user_idx" ON "funding_followers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_sources_funder_idx" ON "funding_sources" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "funding_sources_closes_idx" ON "funding_sources" USING btree ("closes_on");