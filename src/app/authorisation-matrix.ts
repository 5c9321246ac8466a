/**
 * Who may call each route of the API, declared in one place. The authorisation matrix test
 * (authorisation-matrix.test.ts) sends every operation of the OpenAPI document as each kind of
 * actor against the demo data and checks the answer against this table; an operation missing
 * here fails it, so a new route cannot ship without someone saying who may call it.
 *
 * - public: anyone, signed in or not, gets past authorisation (any answer but 401/403).
 * - signed-in: anonymous callers get 401; any signed-in person gets past authorisation.
 * - organisation: anonymous callers get 401 (or 404 where existence is private); a member of
 *   another organisation gets 403 or 404; the demo account named as owner gets past.
 * - admin: anonymous callers get 401; a member of another organisation gets 403 or 404; the
 *   demo platform admin gets past.
 */
export type Access = "public" | "signed-in" | "organisation" | "admin";

/** Demo accounts (src/app/demo.ts) that own the objects the matrix uses. */
export type DemoOwner =
  | "admin"
  | "moderator"
  | "city"
  | "founder"
  | "researcher"
  | "cluster"
  | "funder"
  | "member"
  | "evaluator"
  | "procurement";

export interface RouteDeclaration {
  access: Access;
  /** For "organisation" routes: the demo account that acts for the owner of the object. */
  owner?: DemoOwner;
  /** Why the demo answers 404 even to a caller who may: the object the route needs is absent. */
  notFound?: string;
  /**
   * A status other than 403/404 with which the route refuses a caller who may not, and why
   * (checked in the refusal columns besides 403/404).
   */
  refusedWith?: { status: number; why: string };
  /**
   * Which object fills a path parameter, by name, where the segment before it is ambiguous
   * ("files/{fileId}" is a proposal's file or a hackathon submission's); overrides pathObjects.
   */
  objects?: Record<string, string>;
}

/**
 * Which demo object fills each path parameter, by the segment before it. "unseeded" means the
 * demo has no such object: the matrix then sends a random id, which checks the refusals but not
 * the owner's way in. Proposals, consortia, invitations, uploaded files and meeting requests are
 * not in the demo data: the matrix makes them first (test/matrix-fixtures.ts).
 */
export const pathObjects: Record<string, string> = {
  "affiliations/{id}": "affiliation",
  "attachments/{attachmentId}": "challenge-attachment",
  "calendar/{token}": "unseeded",
  "capabilities/{code}": "capability",
  "challenges/{id}": "challenge",
  "cities/{id}": "city-organisation",
  "comments/{commentId}": "comment",
  "consortia/{id}": "consortium",
  "events/{id}": "event",
  "evidence/{fileId}": "evidence",
  "files/{fileId}": "file",
  "funding-sources/{id}": "funding-source",
  "co-funding/{sourceId}": "funding-source",
  "hackathon-invitations/{id}": "hackathon-invitation",
  "hackathon-teams/{id}": "hackathon-team",
  "ideas/{ideaId}": "idea",
  "invitations/{invitationId}": "invitation",
  "items/{solutionId}": "solution",
  "judges/{userId}": "judge",
  "media/{fileId}": "solution-media",
  "meeting-requests/{requestId}": "meeting-request",
  "members/{organisationId}": "consortium-member",
  "members/{userId}": "organisation-member",
  "organisations/{id}": "organisation",
  "organisations/{ref}": "organisation",
  "phases/{n}": "phase",
  "portfolios/{id}": "portfolio",
  "proposals/{id}": "proposal",
  "providers/{id}": "organisation",
  "questions/{questionId}": "question",
  "references/{id}": "reference",
  "saved-searches/{id}": "unseeded",
  "sectors/{sector}": "sector",
  "sessions/{id}": "unseeded",
  "shares/{organisationId}": "share",
  "solutions/{id}": "solution",
  "tokens/{id}": "unseeded",
  "users/{id}": "user",
};

/**
 * Statuses some routes answer that their OpenAPI responses do not list yet, each with the schema
 * change that would list it (none today). The matrix fails on any other status a route answers
 * without declaring it, and on an entry here the document has since declared.
 */
export const undeclaredStatuses: Record<string, string> = {};

export const authorisationMatrix: Record<string, RouteDeclaration> = {
  "GET /healthz": { access: "public" },
  "GET /api/v1/audit/checkpoints": { access: "public" },
  "GET /api/v1/audit/verification": { access: "public" },
  "GET /api/v1/session": { access: "public" },
  "POST /api/v1/session": { access: "public" },
  "DELETE /api/v1/session": { access: "public" },
  "POST /api/v1/session/second-factor": { access: "public" },
  "POST /api/v1/accounts": { access: "public" },
  "POST /api/v1/accounts/email-verification": { access: "public" },
  "POST /api/v1/accounts/email-verification/resend": { access: "public" },
  "POST /api/v1/password-reset": { access: "public" },
  "POST /api/v1/password-reset/confirm": { access: "public" },
  "POST /api/v1/password-strength": { access: "public" },
  "GET /api/v1/me": { access: "signed-in" },
  "PATCH /api/v1/me": { access: "signed-in" },
  "POST /api/v1/me/password": { access: "signed-in" },
  "POST /api/v1/me/two-factor/setup": { access: "signed-in" },
  "POST /api/v1/me/two-factor": { access: "signed-in" },
  "DELETE /api/v1/me/two-factor": { access: "signed-in" },
  "GET /api/v1/me/sessions": { access: "signed-in" },
  "DELETE /api/v1/me/sessions/{id}": { access: "signed-in" },
  "GET /api/v1/me/tokens": { access: "signed-in" },
  "POST /api/v1/me/tokens": { access: "signed-in" },
  "DELETE /api/v1/me/tokens/{id}": { access: "signed-in" },
  "GET /api/v1/admin/users": { access: "admin" },
  "PATCH /api/v1/admin/users/{id}": { access: "admin" },
  "GET /api/v1/cities": { access: "public" },
  "GET /api/v1/network/overview": { access: "public" },
  "GET /api/v1/organisations": { access: "public" },
  "POST /api/v1/organisations": { access: "signed-in" },
  "GET /api/v1/organisations/{ref}": { access: "public" },
  "PATCH /api/v1/organisations/{id}": { access: "organisation", owner: "founder" },
  "DELETE /api/v1/organisations/{id}/logo": { access: "organisation", owner: "founder" },
  "GET /api/v1/organisations/{id}/logo": {
    access: "public",
    notFound: "no logo is uploaded in the demo",
  },
  "PUT /api/v1/organisations/{id}/logo": { access: "organisation", owner: "founder" },
  "POST /api/v1/organisations/{id}/verification": { access: "admin" },
  "GET /api/v1/organisations/{id}/members": { access: "organisation", owner: "founder" },
  "PATCH /api/v1/organisations/{id}/members/{userId}": { access: "organisation", owner: "founder" },
  "DELETE /api/v1/organisations/{id}/members/{userId}": {
    access: "organisation",
    owner: "founder",
  },
  "GET /api/v1/organisations/{id}/invitations": { access: "organisation", owner: "founder" },
  "POST /api/v1/organisations/{id}/invitations": { access: "organisation", owner: "founder" },
  "DELETE /api/v1/organisations/{id}/invitations/{invitationId}": {
    access: "organisation",
    owner: "founder",
    objects: { invitationId: "organisation-invitation" },
  },
  "POST /api/v1/invitations/preview": {
    access: "public",
    notFound: "the matrix sends a token nobody was given",
  },
  "POST /api/v1/invitations/accept": {
    access: "signed-in",
    notFound: "the matrix sends a token nobody was given",
  },
  "POST /api/v1/invitations/decline": {
    access: "signed-in",
    notFound: "the matrix sends a token nobody was given",
  },
  "GET /api/v1/me/organisations": { access: "signed-in" },
  "GET /api/v1/organisations/{id}/affiliations": { access: "public" },
  "POST /api/v1/affiliations": { access: "organisation", owner: "cluster" },
  "POST /api/v1/affiliations/{id}/accept": {
    access: "organisation",
    owner: "founder",
    objects: { id: "pending-affiliation" },
  },
  "DELETE /api/v1/affiliations/{id}": { access: "organisation", owner: "cluster" },
  "GET /api/v1/solutions": { access: "public" },
  "POST /api/v1/solutions": { access: "organisation", owner: "founder" },
  "GET /api/v1/solutions/{id}": { access: "public" },
  "PATCH /api/v1/solutions/{id}": { access: "organisation", owner: "founder" },
  "POST /api/v1/solutions/{id}/archive": {
    access: "organisation",
    owner: "founder",
    objects: { id: "spare-solution" },
  },
  "GET /api/v1/solutions/{id}/versions": { access: "organisation", owner: "founder" },
  "GET /api/v1/organisations/{id}/solutions": { access: "public" },
  "GET /api/v1/solutions/{id}/media/{fileId}": { access: "public" },
  "DELETE /api/v1/solutions/{id}/media/{fileId}": { access: "organisation", owner: "founder" },
  "POST /api/v1/solutions/{id}/media": { access: "organisation", owner: "founder" },
  "GET /api/v1/capabilities": { access: "public" },
  "POST /api/v1/capabilities": { access: "admin" },
  "GET /api/v1/capabilities/{code}": { access: "public" },
  "POST /api/v1/capabilities/{code}/synonyms": { access: "admin" },
  "POST /api/v1/capabilities/map-tags": { access: "public" },
  "GET /api/v1/portfolios": { access: "signed-in" },
  "POST /api/v1/portfolios": { access: "organisation", owner: "cluster" },
  "GET /api/v1/portfolios/{id}": { access: "organisation", owner: "cluster" },
  "PATCH /api/v1/portfolios/{id}": { access: "organisation", owner: "cluster" },
  "DELETE /api/v1/portfolios/{id}": {
    access: "organisation",
    owner: "cluster",
    objects: { id: "spare-portfolio" },
  },
  "POST /api/v1/portfolios/{id}/items": { access: "organisation", owner: "cluster" },
  "DELETE /api/v1/portfolios/{id}/items/{solutionId}": { access: "organisation", owner: "cluster" },
  "POST /api/v1/portfolios/{id}/shares": { access: "organisation", owner: "cluster" },
  "DELETE /api/v1/portfolios/{id}/shares/{organisationId}": {
    access: "organisation",
    owner: "cluster",
  },
  "GET /api/v1/challenges": { access: "public" },
  "POST /api/v1/challenges": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}": { access: "public" },
  "PATCH /api/v1/challenges/{id}": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/transitions": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/timeline": { access: "organisation", owner: "city" },
  "PATCH /api/v1/challenges/{id}/timeline": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}/questions": { access: "public" },
  "POST /api/v1/challenges/{id}/questions": { access: "signed-in" },
  "POST /api/v1/challenges/{id}/questions/{questionId}/answer": {
    access: "organisation",
    owner: "city",
  },
  "PUT /api/v1/challenges/{id}/follow": { access: "signed-in" },
  "DELETE /api/v1/challenges/{id}/follow": { access: "signed-in" },
  "GET /api/v1/challenges/{id}/ideas": { access: "public" },
  "POST /api/v1/challenges/{id}/ideas": { access: "signed-in" },
  "PATCH /api/v1/challenges/{id}/ideas/{ideaId}": { access: "organisation", owner: "researcher" },
  "PUT /api/v1/challenges/{id}/ideas/{ideaId}/vote": { access: "signed-in" },
  "DELETE /api/v1/challenges/{id}/ideas/{ideaId}/vote": { access: "signed-in" },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/comments": { access: "signed-in" },
  "PATCH /api/v1/challenges/{id}/ideas/{ideaId}/comments/{commentId}": {
    access: "organisation",
    owner: "founder",
  },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/reports": { access: "signed-in" },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/hide": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/unhide": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/comments/{commentId}/reports": {
    access: "signed-in",
  },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/comments/{commentId}/hide": {
    access: "organisation",
    owner: "city",
  },
  "POST /api/v1/challenges/{id}/ideas/{ideaId}/comments/{commentId}/unhide": {
    access: "organisation",
    owner: "city",
  },
  "GET /api/v1/challenges/{id}/attachments/{attachmentId}": { access: "public" },
  "DELETE /api/v1/challenges/{id}/attachments/{attachmentId}": {
    access: "organisation",
    owner: "city",
  },
  "POST /api/v1/challenges/{id}/attachments": {
    access: "organisation",
    owner: "city",
    // The matrix sends no file: the upload's type is checked before the permission.
    refusedWith: { status: 415, why: "an empty upload is refused for its type first" },
  },
  "GET /api/v1/me/saved-searches": { access: "signed-in" },
  "POST /api/v1/me/saved-searches": { access: "signed-in" },
  "DELETE /api/v1/me/saved-searches/{id}": { access: "signed-in" },
  "GET /api/v1/me/notifications": { access: "signed-in" },
  "GET /api/v1/me/notifications/unread-count": { access: "signed-in" },
  // Without Accept: text/event-stream it answers 406 at once (the matrix never holds a stream).
  "GET /api/v1/me/notifications/stream": { access: "signed-in" },
  "POST /api/v1/me/notifications/read": { access: "signed-in" },
  "GET /api/v1/me/notification-preferences": { access: "signed-in" },
  "PUT /api/v1/me/notification-preferences": { access: "signed-in" },
  "POST /api/v1/demo/notifications": { access: "signed-in" },
  "POST /api/v1/import": { access: "organisation", owner: "cluster" },
  "GET /api/v1/export": { access: "public" },
  "GET /api/v1/challenges/{id}/recommendations": { access: "public" },
  "GET /api/v1/solutions/{id}/recommendations": { access: "public" },
  "GET /api/v1/challenges/{id}/similar": { access: "public" },
  // The secretariat's view (platform admins and moderators).
  "GET /api/v1/shared-needs": { access: "organisation", owner: "moderator" },
  "GET /api/v1/challenges/{id}/team-suggestions": { access: "public" },
  "GET /api/v1/challenges/{id}/consortia": { access: "public" },
  "GET /api/v1/me/consortia": { access: "signed-in" },
  "POST /api/v1/consortia": { access: "organisation", owner: "cluster" },
  "GET /api/v1/consortia/{id}": { access: "organisation", owner: "cluster" },
  "POST /api/v1/consortia/{id}/invitations": { access: "organisation", owner: "cluster" },
  "POST /api/v1/consortia/{id}/invitations/{invitationId}/accept": {
    access: "organisation",
    owner: "researcher",
    objects: { invitationId: "consortium-invitation" },
  },
  "POST /api/v1/consortia/{id}/invitations/{invitationId}/decline": {
    access: "organisation",
    owner: "researcher",
    objects: { invitationId: "consortium-invitation" },
  },
  "POST /api/v1/consortia/{id}/invitations/{invitationId}/withdraw": {
    access: "organisation",
    owner: "cluster",
    objects: { invitationId: "consortium-invitation" },
  },
  "POST /api/v1/consortia/{id}/members/{organisationId}/leave": {
    access: "organisation",
    owner: "researcher",
  },
  "POST /api/v1/consortia/{id}/lead": { access: "organisation", owner: "cluster" },
  "POST /api/v1/consortia/{id}/dissolve": { access: "organisation", owner: "cluster" },
  "GET /api/v1/challenges/{id}/proposal-form": { access: "public" },
  "PUT /api/v1/challenges/{id}/proposal-form": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}/proposal-box": { access: "public" },
  "GET /api/v1/challenges/{id}/proposals/count": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}/proposals": { access: "public" },
  "POST /api/v1/challenges/{id}/proposals": {
    access: "organisation",
    owner: "city",
    refusedWith: {
      status: 400,
      // A real organisation the caller does not belong to is 403 not_bidder_member.
      why: "the matrix names a bidder id that is no organisation: 400 naming body.bidder.id",
    },
  },
  "GET /api/v1/me/proposals": { access: "signed-in" },
  "GET /api/v1/proposals/{id}": { access: "organisation", owner: "founder" },
  "POST /api/v1/proposals/{id}/revisions": { access: "organisation", owner: "founder" },
  "POST /api/v1/proposals/{id}/withdraw": { access: "organisation", owner: "founder" },
  "GET /api/v1/proposals/{id}/files/{fileId}": {
    access: "organisation",
    owner: "founder",
    objects: { fileId: "proposal-file" },
  },
  "POST /api/v1/proposals/receipts/verify": {
    access: "public",
    notFound: "the matrix sends a receipt nobody was given",
  },
  "POST /api/v1/challenges/{id}/proposal-files": {
    access: "organisation",
    owner: "city",
    refusedWith: {
      status: 400,
      // A real organisation the caller does not belong to is 403 not_bidder_member.
      why: "the matrix names a bidder id that is no organisation: 400 naming query.bidderId",
    },
  },
  "GET /api/v1/challenges/{id}/evaluation": { access: "public" },
  "PUT /api/v1/challenges/{id}/evaluation": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}/evaluation/proposals": {
    access: "organisation",
    owner: "evaluator",
    objects: { id: "evaluated-challenge" },
  },
  // The panel's routes use a challenge past its deadline with a proposal (matrix-fixtures.ts).
  "POST /api/v1/proposals/{id}/declaration": {
    access: "organisation",
    owner: "evaluator",
    objects: { id: "evaluated-proposal" },
  },
  "PUT /api/v1/proposals/{id}/scores": {
    access: "organisation",
    owner: "evaluator",
    objects: { id: "evaluated-proposal" },
  },
  "POST /api/v1/challenges/{id}/evaluation/lock-technical": {
    access: "organisation",
    owner: "city",
    objects: { id: "evaluated-challenge" },
  },
  "GET /api/v1/challenges/{id}/evaluation/ranking": {
    access: "organisation",
    owner: "city",
    objects: { id: "evaluated-challenge" },
  },
  "POST /api/v1/challenges/{id}/award": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/award/cancellation": { access: "organisation", owner: "city" },
  "GET /api/v1/challenges/{id}/award-notice": {
    access: "public",
    notFound: "no demo challenge is awarded yet",
  },
  "GET /api/v1/challenges/{id}/contacts": { access: "organisation", owner: "city" },
  "POST /api/v1/challenges/{id}/contacts": { access: "organisation", owner: "city" },
  "POST /api/v1/procurement/advice": { access: "signed-in" },
  "GET /api/v1/challenges/{id}/procurement-plan": { access: "public" },
  "PUT /api/v1/challenges/{id}/procurement-plan": { access: "organisation", owner: "city" },
  // The past-deadline challenge has a pre-commercial plan (matrix-fixtures.ts).
  "POST /api/v1/challenges/{id}/procurement-plan/phases/{n}/admissions": {
    access: "organisation",
    owner: "city",
    objects: { id: "planned-challenge" },
  },
  "GET /api/v1/challenges/{id}/ocds": { access: "public" },
  "GET /api/v1/ocds": { access: "public" },
  "GET /api/v1/challenges/{id}/integrity": { access: "public" },
  "GET /api/v1/events": { access: "public" },
  "POST /api/v1/events": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}": { access: "public" },
  "PUT /api/v1/events/{id}": { access: "organisation", owner: "admin" },
  "POST /api/v1/events/{id}/status": { access: "organisation", owner: "admin" },
  "POST /api/v1/events/{id}/registration": { access: "signed-in" },
  "DELETE /api/v1/events/{id}/registration": { access: "signed-in" },
  "GET /api/v1/events/{id}/participants": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}/ics": { access: "public" },
  "GET /api/v1/me/calendar-feed": { access: "signed-in" },
  "POST /api/v1/me/calendar-feed": { access: "signed-in" },
  "DELETE /api/v1/me/calendar-feed": { access: "signed-in" },
  "GET /api/v1/calendar/{token}": { access: "public" },
  "GET /api/v1/events/{id}/brokerage": { access: "organisation", owner: "admin" },
  "PUT /api/v1/events/{id}/brokerage": { access: "organisation", owner: "admin" },
  "PUT /api/v1/events/{id}/brokerage/unavailable-tables": {
    access: "organisation",
    owner: "admin",
  },
  "PUT /api/v1/events/{id}/brokerage/profile": { access: "organisation", owner: "founder" },
  "GET /api/v1/events/{id}/brokerage/profiles": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}/meeting-requests": { access: "organisation", owner: "admin" },
  "POST /api/v1/events/{id}/meeting-requests": { access: "organisation", owner: "founder" },
  "POST /api/v1/events/{id}/meeting-requests/{requestId}/answer": {
    access: "organisation",
    owner: "researcher",
  },
  "DELETE /api/v1/events/{id}/meeting-requests/{requestId}": {
    access: "organisation",
    owner: "founder",
  },
  "POST /api/v1/events/{id}/brokerage/schedule": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}/agenda": { access: "organisation", owner: "founder" },
  "GET /api/v1/events/{id}/agenda.ics": { access: "organisation", owner: "founder" },
  "GET /api/v1/events/outcomes": { access: "public" },
  "GET /api/v1/events/{id}/outcomes": { access: "public" },
  "PUT /api/v1/events/{id}/outcomes": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}/hackathon": { access: "public" },
  "PUT /api/v1/events/{id}/hackathon": { access: "organisation", owner: "admin" },
  "POST /api/v1/events/{id}/hackathon/close-submissions": {
    access: "organisation",
    owner: "admin",
  },
  "POST /api/v1/events/{id}/hackathon/judges": { access: "organisation", owner: "admin" },
  "DELETE /api/v1/events/{id}/hackathon/judges/{userId}": {
    access: "organisation",
    owner: "admin",
  },
  "POST /api/v1/events/{id}/hackathon/teams": { access: "organisation", owner: "researcher" },
  "GET /api/v1/events/{id}/hackathon/free-participants": {
    access: "organisation",
    owner: "founder",
  },
  "GET /api/v1/events/{id}/hackathon/judging": { access: "organisation", owner: "evaluator" },
  "GET /api/v1/events/{id}/hackathon/ranking": { access: "organisation", owner: "admin" },
  "POST /api/v1/events/{id}/hackathon/winners": { access: "organisation", owner: "admin" },
  "GET /api/v1/events/{id}/hackathon/gallery": { access: "public" },
  "GET /api/v1/hackathon-teams/{id}": { access: "public" },
  "PATCH /api/v1/hackathon-teams/{id}": { access: "organisation", owner: "founder" },
  "POST /api/v1/hackathon-teams/{id}/invitations": { access: "organisation", owner: "founder" },
  "POST /api/v1/hackathon-invitations/{id}/answer": { access: "organisation", owner: "member" },
  "DELETE /api/v1/hackathon-teams/{id}/membership": { access: "organisation", owner: "member" },
  "PUT /api/v1/hackathon-teams/{id}/submission": { access: "organisation", owner: "founder" },
  "GET /api/v1/hackathon-teams/{id}/files/{fileId}": {
    access: "organisation",
    owner: "admin",
    objects: { fileId: "hackathon-file" },
  },
  "DELETE /api/v1/hackathon-teams/{id}/files/{fileId}": {
    access: "organisation",
    owner: "founder",
    objects: { fileId: "hackathon-file" },
  },
  "PUT /api/v1/hackathon-teams/{id}/declaration": { access: "organisation", owner: "evaluator" },
  "PUT /api/v1/hackathon-teams/{id}/scores": { access: "organisation", owner: "evaluator" },
  // Only a winning team's members: Boda Volt is named winner before the owner column runs.
  "POST /api/v1/hackathon-teams/{id}/pilot": { access: "organisation", owner: "founder" },
  "POST /api/v1/hackathon-teams/{id}/files": { access: "organisation", owner: "founder" },
  "GET /api/v1/solutions/{id}/references": { access: "public" },
  "POST /api/v1/solutions/{id}/references": { access: "organisation", owner: "founder" },
  "GET /api/v1/references/{id}": { access: "public" },
  "PATCH /api/v1/references/{id}": { access: "organisation", owner: "founder" },
  "DELETE /api/v1/references/{id}": { access: "organisation", owner: "founder" },
  "POST /api/v1/references/{id}/verification": { access: "organisation", owner: "admin" },
  "GET /api/v1/organisations/{id}/references": { access: "public" },
  "GET /api/v1/references/{id}/evidence/{fileId}": {
    access: "organisation",
    owner: "founder",
    objects: { id: "evidence-reference" },
  },
  "DELETE /api/v1/references/{id}/evidence/{fileId}": {
    access: "organisation",
    owner: "founder",
    objects: { id: "evidence-reference" },
  },
  "POST /api/v1/references/{id}/evidence": {
    access: "organisation",
    owner: "founder",
    objects: { id: "evidence-reference" },
  },
  "GET /api/v1/insights/network": { access: "public" },
  "GET /api/v1/insights/network/data.csv": { access: "public" },
  "GET /api/v1/insights/cities/{id}": { access: "public" },
  "GET /api/v1/insights/cities/{id}/data.csv": { access: "public" },
  "GET /api/v1/insights/providers/{id}": { access: "public" },
  "GET /api/v1/insights/providers/{id}/data.csv": { access: "public" },
  "GET /api/v1/insights/sectors/{sector}": { access: "public" },
  "GET /api/v1/insights/sectors/{sector}/data.csv": { access: "public" },
  "GET /api/v1/dev/mail": { access: "public" },
  "GET /api/v1/demo/accounts": { access: "public" },
  "GET /api/v1/funding-sources": { access: "public" },
  "POST /api/v1/funding-sources": { access: "organisation", owner: "funder" },
  "GET /api/v1/funding-sources/{id}": { access: "public" },
  "PATCH /api/v1/funding-sources/{id}": { access: "organisation", owner: "funder" },
  "DELETE /api/v1/funding-sources/{id}": { access: "organisation", owner: "funder" },
  "PUT /api/v1/funding-sources/{id}/follow": { access: "signed-in" },
  "DELETE /api/v1/funding-sources/{id}/follow": { access: "signed-in" },
  "GET /api/v1/funding/finder": { access: "public" },
  "GET /api/v1/funding/deadlines": { access: "public" },
  "GET /api/v1/funding/deadlines.ics": { access: "signed-in" },
  "GET /api/v1/challenges/{id}/co-funding": { access: "public" },
  "PUT /api/v1/challenges/{id}/co-funding": { access: "organisation", owner: "city" },
  "DELETE /api/v1/challenges/{id}/co-funding/{sourceId}": {
    access: "organisation",
    owner: "city",
    objects: { sourceId: "co-funding-source" },
  },
};
