import type { ChallengeStatus, ProcurementModel } from "./contract.ts";

/**
 * The lifecycle of a challenge as an explicit state machine, one per procurement model. Pure:
 * no database, no clock of its own (callers pass `now`), so it is tested exhaustively.
 * docs/challenges.md explains the table.
 */

type Edges = Partial<Record<ChallengeStatus, ChallengeStatus[]>>;

/** Cancelling is possible from every open, public state; drafts are simply never published. */
const open = ["published", "evaluation", "awarded", "piloting"] as const;

function withCancel(edges: Edges): Edges {
  const result: Edges = {};
  for (const [from, targets] of Object.entries(edges) as Array<
    [ChallengeStatus, ChallengeStatus[]]
  >) {
    result[from] = (open as readonly string[]).includes(from) ? [...targets, "cancelled"] : targets;
  }
  return result;
}

export const transitionsByModel: Record<ProcurementModel, Edges> = {
  // Hears the market (RFI) and ends there: nothing is bought, so nothing is awarded.
  market_consultation: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: [],
  }),
  // A prize is the reward itself: it is awarded and the winner implements, no pilot contract.
  innovation_prize: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: ["awarded"],
    awarded: ["implemented"],
  }),
  // The dialogue refines the solution before the award: a pilot is optional.
  competitive_dialogue: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: ["awarded"],
    awarded: ["piloting", "implemented"],
    piloting: ["implemented"],
  }),
  // Phased R&D (design → prototype → field test): the field test is the pilot.
  pre_commercial: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: ["awarded"],
    awarded: ["piloting"],
    piloting: ["implemented"],
  }),
  // Develops and then buys: the partnership pilots before the purchase phase.
  innovation_partnership: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: ["awarded"],
    awarded: ["piloting"],
    piloting: ["implemented"],
  }),
  // A testbed agreement is a pilot by definition.
  pilot_agreement: withCancel({
    draft: ["published"],
    published: ["evaluation"],
    evaluation: ["awarded"],
    awarded: ["piloting"],
    piloting: ["implemented"],
  }),
};

export const terminalStatuses: ChallengeStatus[] = ["implemented", "cancelled"];

/** Every status a challenge of this model can ever be in. */
export function statusesOf(model: ProcurementModel): ChallengeStatus[] {
  const edges = transitionsByModel[model];
  const all = new Set<ChallengeStatus>();
  for (const [from, targets] of Object.entries(edges) as Array<
    [ChallengeStatus, ChallengeStatus[]]
  >) {
    all.add(from);
    for (const target of targets) all.add(target);
  }
  return [...all];
}

/** Statuses reachable in one step, by the model alone (no deadlines). */
export function nextStatuses(model: ProcurementModel, from: ChallengeStatus): ChallengeStatus[] {
  return transitionsByModel[model][from] ?? [];
}

/** What the guards look at. */
export interface LifecycleFacts {
  procurementModel: ProcurementModel;
  status: ChallengeStatus;
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  contacts: unknown[];
  questionDeadline: Date | null;
  proposalDeadline: Date | null;
  awardDate: Date | null;
}

export interface TransitionRefusal {
  code:
    | "transition_not_allowed"
    | "challenge_incomplete"
    | "deadlines_invalid"
    | "proposal_deadline_not_passed"
    | "reason_required"
    | "standstill_running";
  detail: string;
  errors: Array<{ field: string; message: string }>;
  /** The refusal's specifics as plain strings, for pages to say it in the reader's language. */
  params?: Record<string, string>;
}

/** Why a complete, publishable timeline is not: empty when it is fine. */
export function timelineProblems(
  timeline: {
    questionDeadline: Date | null;
    proposalDeadline: Date | null;
    awardDate: Date | null;
  },
  now: Date,
  field: (name: string) => string = (name) => `body.timeline.${name}`,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const { questionDeadline: question, proposalDeadline: proposal, awardDate: award } = timeline;
  if (!question) problems.push({ field: field("questionDeadline"), message: "is required" });
  else if (question <= now)
    problems.push({ field: field("questionDeadline"), message: "must be in the future" });
  if (!proposal) problems.push({ field: field("proposalDeadline"), message: "is required" });
  else if (question && proposal <= question)
    problems.push({
      field: field("proposalDeadline"),
      message: "must be after the question deadline",
    });
  if (!award) problems.push({ field: field("awardDate"), message: "is required" });
  else if (proposal && award <= proposal)
    problems.push({ field: field("awardDate"), message: "must be after the proposal deadline" });
  return problems;
}

/**
 * Checks one step: allowed by the model, and by the guards at `now`. Returns null when the
 * step may be taken, otherwise why not (a coded refusal the command turns into a problem).
 */
export function refuseTransition(
  facts: LifecycleFacts,
  to: ChallengeStatus,
  now: Date,
  reason?: string,
): TransitionRefusal | null {
  if (!nextStatuses(facts.procurementModel, facts.status).includes(to)) {
    return {
      code: "transition_not_allowed",
      detail: `A ${facts.procurementModel.replaceAll("_", " ")} challenge cannot go from ${facts.status} to ${to}.`,
      errors: [{ field: "body.to", message: `is not a next step from ${facts.status}` }],
    };
  }
  if (to === "published") {
    const missing: Array<{ field: string; message: string }> = [];
    if (facts.description.trim().length < 20)
      missing.push({ field: "body.description", message: "must describe the challenge" });
    if (facts.sectors.length === 0)
      missing.push({ field: "body.sectors", message: "choose at least one sector" });
    if (facts.contacts.length === 0)
      missing.push({ field: "body.contacts", message: "name at least one contact person" });
    if (missing.length > 0)
      return {
        code: "challenge_incomplete",
        detail: "Complete the challenge first.",
        errors: missing,
      };
    const problems = timelineProblems(facts, now);
    if (problems.length > 0)
      return {
        code: "deadlines_invalid",
        detail: "The timeline must be complete, in the future and in order.",
        errors: problems,
      };
  }
  if (to === "evaluation" && (!facts.proposalDeadline || now < facts.proposalDeadline)) {
    // Proposals may still arrive: evaluating now would be unequal treatment.
    return {
      code: "proposal_deadline_not_passed",
      detail: "Evaluation starts after the proposal deadline.",
      errors: [{ field: "body.to", message: "the proposal deadline has not passed" }],
    };
  }
  if (to === "cancelled" && (reason ?? "").trim().length < 5) {
    return {
      code: "reason_required",
      detail: "Say why the challenge is cancelled; followers are told.",
      errors: [{ field: "body.reason", message: "is required to cancel (at least 5 characters)" }],
    };
  }
  return null;
}

/** Statuses the challenge may move to now (a cancellation's reason is asked for later). */
export function availableTransitions(facts: LifecycleFacts, now: Date): ChallengeStatus[] {
  return nextStatuses(facts.procurementModel, facts.status).filter(
    (to) => refuseTransition(facts, to, now, "reason given at the time") === null,
  );
}

/** The consultation phase, when questions are taken: published and before the question deadline. */
export function questionsOpen(
  facts: Pick<LifecycleFacts, "status" | "questionDeadline">,
  now: Date,
): boolean {
  return (
    facts.status === "published" && facts.questionDeadline !== null && now < facts.questionDeadline
  );
}

/**
 * The co-creation board is open during consultation: until the question deadline, or for a
 * market consultation (which is nothing but consultation) until the proposal deadline.
 */
export function coCreationOpen(
  facts: Pick<
    LifecycleFacts,
    "status" | "questionDeadline" | "proposalDeadline" | "procurementModel"
  >,
  now: Date,
): boolean {
  if (facts.status !== "published") return false;
  const closes =
    facts.procurementModel === "market_consultation"
      ? facts.proposalDeadline
      : facts.questionDeadline;
  return closes !== null && now < closes;
}
