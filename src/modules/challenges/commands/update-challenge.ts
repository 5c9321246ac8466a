import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { requireKnownCapabilities } from "../../catalogue/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import type {
  Budget,
  ContactPerson,
  Kpi,
  ProcurementModel,
  Sector,
  Timeline,
} from "../contract.ts";
import { challengeErrors } from "../errors.ts";
import type { NewChallenge } from "../repository.ts";
import { updateChallengeRow } from "../repository.ts";
import { requireCityMember, timelineOrderProblems, visibleChallenge } from "./access.ts";

/** The content fields of a challenge as the contract parses them. */
export interface ChallengeFields {
  title: string;
  summary: string;
  description?: string | undefined;
  sectors: Sector[];
  capabilities?: string[] | undefined;
  kpis?: Kpi[] | undefined;
  budget?: Budget | null | undefined;
  minTrl?: number | null | undefined;
  procurementModel: ProcurementModel;
  timeline?: Partial<Timeline> | undefined;
  contacts?: ContactPerson[] | undefined;
}

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/** Contract fields → columns, for the fields present (an update changes only those). */
export function challengeValues(input: Partial<ChallengeFields>): Partial<NewChallenge> {
  const values: Partial<NewChallenge> = {};
  for (const key of [
    "title",
    "summary",
    "description",
    "sectors",
    "capabilities",
    "kpis",
    "minTrl",
    "procurementModel",
  ] as const) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  if (input.budget !== undefined) {
    values.budgetMinMinor = input.budget?.minMinor ?? null;
    values.budgetMaxMinor = input.budget?.maxMinor ?? null;
    values.budgetCurrency = input.budget?.currency ?? null;
  }
  if (input.contacts !== undefined) {
    values.contacts = input.contacts.map((contact) => ({
      name: contact.name,
      role: contact.role ?? "",
      email: contact.email,
    }));
  }
  if (input.timeline !== undefined) {
    // A draft's timeline is replaced as a whole: a deadline left out is cleared.
    values.questionDeadline = date(input.timeline.questionDeadline) ?? null;
    values.proposalDeadline = date(input.timeline.proposalDeadline) ?? null;
    values.awardDate = date(input.timeline.awardDate) ?? null;
  }
  return values;
}

/** Edits a draft; after publication what bidders rely on is fixed (see extend-timeline.ts). */
export async function updateDraft(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  patch: Partial<ChallengeFields>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    requireCityMember(viewer);
    if (challenge.status !== "draft") throw challengeErrors.notADraft();
    const values = challengeValues(patch);
    const fields = Object.keys(patch).filter(
      (key) => (patch as Record<string, unknown>)[key] !== undefined,
    );
    if (fields.length === 0) return;
    if (patch.capabilities) await requireKnownCapabilities(tx, patch.capabilities);
    const problems = timelineOrderProblems({ ...challenge, ...values }, "body.timeline");
    if (problems.length > 0) throw commonErrors.validationFailed(undefined, { errors: problems });
    await updateChallengeRow(tx, challenge.id, { ...values, updatedAt: ctx.clock.now() });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.updated",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { fields },
    });
  });
}
