-- An award may be cancelled during the standstill: rows are kept, one live award per challenge.
ALTER TABLE "evaluation_awards" DROP CONSTRAINT "evaluation_awards_pkey";--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_awards_live_idx" ON "evaluation_awards" USING btree ("challenge_id") WHERE "evaluation_awards"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "evaluation_awards_challenge_idx" ON "evaluation_awards" USING btree ("challenge_id","decided_at");