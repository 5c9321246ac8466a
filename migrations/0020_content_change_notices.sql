-- Every content table tells listeners that it changed, once per statement, delivered on commit
-- (NOTIFY folds repeats within a transaction). App processes drop their cached public reads on
-- it (src/core/cache/read-cache.ts). Bookkeeping tables that change on nearly every request or
-- job have no trigger: TABLES_WITHOUT_CHANGE_NOTICES lists them, and a test checks every other
-- table has one, so a new table needs its own CREATE TRIGGER in its migration.
CREATE FUNCTION "csp_content_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('csp_content_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "affiliations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "capabilities" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_announcements" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_attachments" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_clarifications" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_co_funding" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_content_reports" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_follows" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_idea_comments" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_idea_votes" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_ideas" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_saved_searches" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenges" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cities" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "conflict_declarations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consortia" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consortium_invitations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consortium_members" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_awards" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_criteria" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_panel" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_scores" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_setups" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_agenda_items" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_brokerage" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_brokerage_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_hosts" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_meeting_requests" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_meeting_slots" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_meetings" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_outcomes" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_registrations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_unavailable_tables" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding_followers" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding_sources" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_criteria" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_declarations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_invitations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_judges" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_pilots" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_results" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_scores" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_submission_files" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_submissions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_team_members" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathon_teams" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hackathons" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "import_refs" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "invitations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation_logos" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "portfolio_items" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "portfolio_shares" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "portfolios" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procurement_contacts" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procurement_phase_admissions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procurement_phase_decisions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procurement_plan_phases" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procurement_plans" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_files" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_forms" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_revision_attachments" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposal_revisions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proposals" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reference_evidence" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reference_metrics" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "solution_capabilities" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "solution_media" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "solution_references" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "solution_versions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "solutions" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
--> statement-breakpoint
CREATE TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "csp_content_changed"();
