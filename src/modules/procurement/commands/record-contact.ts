import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { FieldProblem } from "../../../core/http/problem.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { organisationSummaries, roleInOrganisation } from "../../organisations/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import type { ContactInput } from "../contract-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { BIDDING_KINDS, isCityMember, type Reader } from "../policy.ts";
import { quietPeriodRefusal } from "../quiet-period.ts";
import { type ContactRow, insertContact } from "../repository-evaluation.ts";

/**
 * The city's staff record a contact with a (potential) bidder: who (the city's person and the
 * organisation), when, by which channel, what about. A one-to-one meeting of a panel member with
 * a bidder in the quiet period is refused with the reason (409 `quiet_period`), and not recorded.
 */
export async function recordContact(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  body: ContactInput,
): Promise<ContactRow> {
  return ctx.db.transaction(async (tx) => {
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    if (!isCityMember(reader, challenge)) throw evaluationErrors.notCityMember();
    const cityUserId = body.cityUserId ?? actor.userId;
    const problems: FieldProblem[] = [];
    if ((await roleInOrganisation(tx, challenge.organisationId, cityUserId)) === null) {
      problems.push({ field: "body.cityUserId", message: "is not a member of the city" });
    }
    const organisation = (await organisationSummaries(tx, [body.organisationId])).get(
      body.organisationId,
    );
    if (!organisation || !BIDDING_KINDS.has(organisation.kind)) {
      problems.push({
        field: "body.organisationId",
        message: "is no company, research institute or cluster",
      });
    }
    if (problems.length > 0) throw evaluationErrors.contactInvalid(undefined, { errors: problems });
    const now = ctx.clock.now();
    if (body.oneToOne) {
      const refusal = await quietPeriodRefusal(tx, {
        userId: cityUserId,
        organisationIds: [body.organisationId],
        at: now,
      });
      if (refusal) {
        throw evaluationErrors.quietPeriod(refusal.reason, {
          errors: [
            {
              field: "body.oneToOne",
              message: "a panel member meets no bidder one-to-one in the quiet period",
            },
          ],
        });
      }
    }
    const row = await insertContact(tx, {
      challengeId: challenge.id,
      cityUserId,
      organisationId: body.organisationId,
      contactAt: new Date(body.contactAt),
      channel: body.channel,
      oneToOne: body.oneToOne,
      subject: body.subject,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.contact_recorded",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        contactId: row.id,
        organisationId: body.organisationId,
        cityUserId,
        channel: body.channel,
        oneToOne: body.oneToOne,
      },
    });
    return row;
  });
}
