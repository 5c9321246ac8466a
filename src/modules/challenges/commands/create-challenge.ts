import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { requireKnownCapabilities } from "../../catalogue/index.ts";
import {
  cityOfOrganisation,
  organisationExists,
  roleInOrganisation,
} from "../../organisations/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import { challengeErrors } from "../errors.ts";
import { type ChallengeRow, insertChallenge } from "../repository.ts";
import { timelineOrderProblems } from "./access.ts";
import { type ChallengeFields, challengeValues } from "./update-challenge.ts";

/** A new draft, owned by a city organisation the author belongs to. */
export async function createChallenge(
  ctx: ServiceContext,
  actor: UserActor,
  input: { organisationId: string } & ChallengeFields,
): Promise<ChallengeRow> {
  const organisation = await organisationExists(ctx.db, input.organisationId);
  if (organisation?.kind !== "city") {
    throw challengeErrors.notCityMember("Challenges are posted by city organisations.", {
      errors: [{ field: "body.organisationId", message: "must be a city organisation" }],
    });
  }
  if (!(await roleInOrganisation(ctx.db, organisation.id, actor.userId))) {
    throw challengeErrors.notCityMember(undefined, {
      errors: [{ field: "body.organisationId", message: "you are not a member" }],
    });
  }
  const city = await cityOfOrganisation(ctx.db, organisation.id);
  if (!city) throw challengeErrors.notCityMember("This city organisation names no city.");
  await requireKnownCapabilities(ctx.db, input.capabilities ?? []);
  const values = challengeValues(input);
  const problems = timelineOrderProblems(values, "body.timeline");
  if (problems.length > 0) throw commonErrors.validationFailed(undefined, { errors: problems });
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const challenge = await insertChallenge(tx, {
      organisationId: organisation.id,
      cityId: city.id,
      region: city.region,
      title: input.title,
      summary: input.summary,
      description: input.description ?? "",
      sectors: input.sectors,
      capabilities: input.capabilities ?? [],
      kpis: input.kpis ?? [],
      contacts: values.contacts ?? [],
      budgetMinMinor: values.budgetMinMinor ?? null,
      budgetMaxMinor: values.budgetMaxMinor ?? null,
      budgetCurrency: values.budgetCurrency ?? null,
      minTrl: input.minTrl ?? null,
      procurementModel: input.procurementModel,
      status: "draft",
      questionDeadline: values.questionDeadline ?? null,
      proposalDeadline: values.proposalDeadline ?? null,
      awardDate: values.awardDate ?? null,
      statusChangedAt: now,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.created",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        title: challenge.title,
        organisationId: organisation.id,
        procurementModel: challenge.procurementModel,
      },
    });
    return challenge;
  });
}
