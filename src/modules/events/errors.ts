import { defineErrors } from "../../core/http/problem.ts";

/** Events' coded errors. A draft event someone may not see is `event_not_found`, like no event. */
export const eventsErrors = defineErrors({
  eventNotFound: { status: 404, title: "Event not found" },
  notHost: {
    status: 403,
    title: "Only members of the event's host organisations can do this",
  },
  hostNotFound: { status: 400, title: "Unknown host organisation" },
  notHostMember: {
    status: 403,
    title: "You can only name organisations you are a member of as hosts",
  },
  challengeNotFound: { status: 400, title: "No published challenge has this id" },
  eventNotPublished: { status: 409, title: "This event is not open: it is a draft or cancelled" },
  registrationClosed: {
    status: 409,
    title: "Registration for this event is closed (its deadline or start has passed)",
  },
  alreadyRegistered: { status: 409, title: "You are registered for this event already" },
  notRegistered: { status: 404, title: "You have no registration for this event" },
  eventOver: { status: 409, title: "This event is over" },
  statusChangeRefused: { status: 409, title: "The event cannot change to this status" },
  feedNotFound: { status: 404, title: "No calendar feed has this address" },
  notBrokerageParticipant: {
    status: 403,
    title: "Only the event's registered participants (not the waitlist) and its hosts can do this",
  },
  brokerageNotSetUp: {
    status: 409,
    title: "The hosts have not set up meeting slots and tables yet",
  },
  unknownMeetingSlot: { status: 400, title: "No meeting slot of this event has this id" },
  unknownMeetingTable: { status: 400, title: "No table of this event has this name" },
  recipientUnavailable: {
    status: 400,
    title: "Meetings can be requested only with registered participants who published a profile",
  },
  meetingRequestExists: {
    status: 409,
    title: "There is an open meeting request between you two at this event already",
  },
  meetingRequestNotFound: { status: 404, title: "No meeting request of yours has this id" },
  meetingRequestAnswered: { status: 409, title: "This meeting request is no longer pending" },
  outcomesNotForKind: {
    status: 409,
    title: "Outcomes are recorded for workshops and meetings only",
  },
  eventNotOver: { status: 409, title: "Outcomes are recorded once the event has ended" },
  solutionNotFound: { status: 400, title: "No public catalogue solution has this id" },
  quietPeriod: { status: 409, title: "This one-to-one meeting is refused during a quiet period" },
});
