import { defineErrors } from "../../core/http/problem.ts";

export const challengeErrors = defineErrors({
  challengeNotFound: { status: 404, title: "Challenge not found" },
  notCityMember: {
    status: 403,
    title: "Only members of the owning city organisation may do this",
  },
  notADraft: { status: 409, title: "Only a draft can be edited; after publication it is fixed" },
  transitionNotAllowed: { status: 409, title: "The challenge cannot take this step" },
  challengeIncomplete: { status: 422, title: "The challenge is not complete enough to publish" },
  deadlinesInvalid: { status: 422, title: "The deadlines are not valid" },
  proposalDeadlineNotPassed: {
    status: 409,
    title: "Evaluation starts after the proposal deadline",
  },
  reasonRequired: { status: 400, title: "A reason is required" },
  standstillRunning: {
    status: 409,
    title: "The award's standstill is running; the challenge stays awarded until it ends",
  },
  deadlineNotLater: { status: 422, title: "Deadlines may only move later" },
  timelineLocked: { status: 409, title: "Deadlines move only while the challenge is published" },
  questionDeadlinePassed: { status: 409, title: "The question deadline has passed" },
  questionsClosed: { status: 409, title: "This challenge takes no questions" },
  ownChallenge: { status: 403, title: "The owning city answers questions; it does not ask them" },
  questionNotFound: { status: 404, title: "Question not found" },
  alreadyAnswered: { status: 409, title: "This question is already answered" },
  boardClosed: { status: 409, title: "The co-creation board is closed" },
  ideaNotFound: { status: 404, title: "Idea not found" },
  commentNotFound: { status: 404, title: "Comment not found" },
  editingWindowClosed: { status: 409, title: "The editing window has closed" },
  savedSearchNotFound: { status: 404, title: "Saved search not found" },
  attachmentNotFound: { status: 404, title: "Attachment not found" },
  attachmentNotAccepted: {
    status: 415,
    title: "Attachments must be PDF, PNG, JPEG, WebP, plain text, CSV, DOCX or XLSX",
  },
  attachmentTooLarge: { status: 413, title: "An attachment must be at most 10 MB" },
  attachmentsLocked: { status: 409, title: "Attachments are removed only while a draft" },
  invalidCursor: { status: 400, title: "The cursor is not valid" },
});
