import { defineErrors } from "../../core/http/problem.ts";

/**
 * Hackathons' coded errors. An event someone may not see answers the events module's
 * `event_not_found`; a team of such an event `team_not_found`.
 */
export const hackathonErrors = defineErrors({
  notAHackathon: { status: 404, title: "This event is not a hackathon" },
  notSetUp: { status: 409, title: "The hosts have not set up this hackathon yet" },
  notHost: { status: 403, title: "Only members of the event's host organisations can do this" },
  eventNotPublished: { status: 409, title: "This event is not open: it is a draft or cancelled" },
  deadlineOutsideEvent: {
    status: 400,
    title: "The submission deadline must fall between the event's start and a week after its end",
  },
  criteriaLocked: { status: 409, title: "Criteria cannot change once judges have scored" },
  resultsAnnounced: {
    status: 409,
    title: "The winners are announced: judging, teams and settings are locked",
  },
  personNotFound: { status: 400, title: "No account has this e-mail address" },
  alreadyJudge: { status: 409, title: "This person judges this hackathon already" },
  judgeInTeam: { status: 409, title: "A judge cannot be in a team of the same hackathon" },
  judgeNotFound: { status: 404, title: "This person is no judge of this hackathon" },
  judgeHasScores: { status: 409, title: "This judge has scored teams and cannot be removed" },
  notRegistered: {
    status: 403,
    title: "Only people registered for the event (not the waitlist) can be in a team",
  },
  alreadyInTeam: { status: 409, title: "This person is in a team of this hackathon already" },
  teamNameTaken: { status: 409, title: "A team of this hackathon has this name already" },
  challengeNotLinked: { status: 400, title: "Pick one of the challenges the event is linked to" },
  teamNotFound: { status: 404, title: "Team not found" },
  notTeamMember: { status: 403, title: "Only the team's members can do this" },
  teamFull: { status: 409, title: "The team has reached the hackathon's maximum team size" },
  teamTooSmall: {
    status: 409,
    title: "The team is smaller than the hackathon's minimum team size",
  },
  invitationExists: { status: 409, title: "This person has a pending invitation to the team" },
  invitationNotFound: { status: 404, title: "No invitation of yours has this id" },
  invitationAnswered: { status: 409, title: "This invitation is no longer pending" },
  submissionsClosed: {
    status: 409,
    title: "The submission deadline has passed: submissions are closed",
  },
  challengeNotChosen: { status: 409, title: "The team must pick a challenge before submitting" },
  fileTooLarge: { status: 413, title: "The file is larger than 10 MB" },
  fileNotAccepted: { status: 415, title: "Only PDF, PNG, JPEG or WebP files are accepted" },
  tooManyFiles: { status: 409, title: "A submission attaches at most 10 files" },
  fileNotFound: { status: 404, title: "File not found" },
  notJudge: { status: 403, title: "Only the hackathon's judges can do this" },
  conflictStands: {
    status: 409,
    title: "A declared conflict stands: it cannot be withdrawn",
  },
  notCleared: {
    status: 403,
    title: "Declare that you have no conflict with this team first; a conflict recuses you",
  },
  scoringNotOpen: {
    status: 409,
    title: "Scores are taken after the submission deadline, until the winners are announced",
  },
  nothingSubmitted: { status: 409, title: "This team submitted nothing" },
  unknownCriterion: { status: 400, title: "Score each of the hackathon's criteria once" },
  notWinner: { status: 403, title: "Only members of a winning team can do this" },
  pilotExists: { status: 409, title: "This team has become a pilot already" },
  gallerySealed: {
    status: 409,
    title: "The gallery opens when the winners are announced",
  },
});
