import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { roleInOrganisation } from "../../organisations/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import type { EvaluationSetupInput } from "../contract-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { isCityMember, mayDefineEvaluation, type Reader } from "../policy.ts";
import { replaceSetup } from "../repository-evaluation.ts";

/**
 * The owning city's members define the criteria, the panel (members of the city, one chair) and
 * the options while the challenge takes proposals; after the deadline they are frozen. The
 * challenge row is locked, so the deadline cannot pass between the check and the change.
 */
export async function defineEvaluation(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  setup: EvaluationSetupInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    if (!isCityMember(reader, challenge)) {
      throw commonErrors.forbidden("Only the owning city's members define the evaluation.");
    }
    const now = ctx.clock.now();
    if (!mayDefineEvaluation(reader, challenge, now)) throw evaluationErrors.evaluationFrozen();
    const problems: Array<{ field: string; message: string }> = [];
    for (const [index, seat] of setup.panel.entries()) {
      if ((await roleInOrganisation(tx, challenge.organisationId, seat.userId)) === null) {
        problems.push({
          field: `body.panel.${index}.userId`,
          message: "is not a member of the city organisation",
        });
      }
    }
    if (problems.length > 0) throw evaluationErrors.panelInvalid(undefined, { errors: problems });
    await replaceSetup(
      tx,
      {
        challengeId: challenge.id,
        blind: setup.blind,
        standstillDays: setup.standstillDays,
        definedBy: actor.userId,
        definedAt: now,
      },
      setup.criteria.map((criterion, position) => ({ ...criterion, position })),
      setup.panel,
    );
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.defined",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        criteria: setup.criteria.map(({ name, weight, kind }) => ({ name, weight, kind })),
        panel: setup.panel,
        blind: setup.blind,
        standstillDays: setup.standstillDays,
      },
    });
  });
}
