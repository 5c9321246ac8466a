import { defineAuditLog } from "../../core/audit/log.ts";

/** Every hackathon event's subject is the event, so a hackathon's history reads in one place. */
export interface HackathonAuditEvents extends Record<string, Record<string, unknown>> {
  "hackathon.set_up": {
    minTeamSize: number;
    maxTeamSize: number;
    submissionDeadline: string;
    criteria: Array<{ name: string; weight: number }>;
  };
  "hackathon.submissions_closed": { at: string };
  "hackathon.judge_added": { userId: string };
  "hackathon.judge_removed": { userId: string };
  "hackathon.team_created": { teamId: string; name: string; challengeId: string | null };
  "hackathon.team_updated": { teamId: string; fields: string[] };
  "hackathon.invitation_sent": { teamId: string; invitationId: string; inviteeId: string };
  "hackathon.invitation_answered": {
    teamId: string;
    invitationId: string;
    answer: "accepted" | "declined";
  };
  "hackathon.member_left": { teamId: string; userId: string; dissolved: boolean };
  "hackathon.submitted": { teamId: string; revision: number };
  "hackathon.file_added": { teamId: string; fileId: string; sha256: string };
  "hackathon.file_removed": { teamId: string; fileId: string };
  "hackathon.conflict_declared": {
    teamId: string;
    judgeId: string;
    verdict: "no_conflict" | "conflict";
    reason: string;
    detected: Array<{ organisationId: string; relation: string }>;
  };
  "hackathon.scored": {
    teamId: string;
    judgeId: string;
    scores: Array<{ criterionId: string; score: number }>;
  };
  "hackathon.winners_announced": { winners: Array<{ teamId: string; place: number }> };
  "hackathon.pilot_started": {
    teamId: string;
    organisationId: string;
    solutionId: string;
    challengeId: string;
  };
}

export const recordHackathonEvent = defineAuditLog<HackathonAuditEvents>("event");
