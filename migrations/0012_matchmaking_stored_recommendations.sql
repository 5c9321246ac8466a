CREATE TABLE "challenge_recommendation_entries" (
	"challenge_id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"below_min_trl" boolean NOT NULL,
	"fit" jsonb NOT NULL,
	CONSTRAINT "challenge_recommendation_entries_challenge_id_solution_id_pk" PRIMARY KEY("challenge_id","solution_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_recommendation_lists" (
	"challenge_id" uuid PRIMARY KEY NOT NULL,
	"need_stamp" text NOT NULL,
	"taxonomy_stamp" text NOT NULL,
	"lexemes" text[] NOT NULL,
	"text_weights" jsonb NOT NULL,
	"context" jsonb NOT NULL,
	"prepared_need" jsonb NOT NULL,
	"depth" integer,
	"depth_at_or_above" integer,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_recommendation_entries" ADD CONSTRAINT "challenge_recommendation_entries_challenge_id_challenge_recommendation_lists_challenge_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenge_recommendation_lists"("challenge_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_recommendation_entries_rank_idx" ON "challenge_recommendation_entries" USING btree ("challenge_id","score" DESC NULLS LAST,"solution_id");--> statement-breakpoint
CREATE INDEX "challenge_recommendation_entries_solution_idx" ON "challenge_recommendation_entries" USING btree ("solution_id");