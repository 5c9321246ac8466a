CREATE TABLE "hackathon_results" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision,
	"judges_counted" integer NOT NULL,
	"recused_judges" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hackathon_results" ADD CONSTRAINT "hackathon_results_team_id_hackathon_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."hackathon_teams"("id") ON DELETE cascade ON UPDATE no action;