import type { ServiceContext } from "../../../core/context.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordSolutionEvent } from "../audit.ts";
import type { CreateSolutionBody } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { contentOf } from "../presenters.ts";
import {
  insertSolution,
  insertSolutionVersion,
  replaceSolutionCapabilities,
  type SolutionRow,
} from "../repository.ts";
import { refreshCapabilityTerms } from "../repository-taxonomy.ts";
import { providerKinds } from "../schema.ts";
import { afterSolutionChange } from "./solution-changes.ts";
import { requireKnownCapabilities, requireOwnMedia } from "./solution-rules.ts";

type Input = Omit<
  Required<CreateSolutionBody>,
  "description" | "capabilities" | "countriesDeployed" | "media" | "referenceLinks"
> & {
  description: string;
  capabilities: string[];
  countriesDeployed: string[];
  media: Array<{ url: string; alt: string }>;
  referenceLinks: string[];
};

/** Adds a solution to the catalogue as version 1 of its content. */
export async function createSolution(
  ctx: ServiceContext,
  actorId: string | null,
  input: Input,
): Promise<SolutionRow> {
  return ctx.db.transaction(async (tx) => {
    const provider = (await organisationSummaries(tx, [input.providerId])).get(input.providerId);
    if (!provider) {
      throw catalogueErrors.providerNotFound(undefined, {
        errors: [{ field: "body.providerId", message: "is not a known organisation" }],
      });
    }
    const kind = providerKinds.find((candidate) => candidate === provider.kind);
    if (!kind) {
      throw catalogueErrors.providerNotAllowed(undefined, {
        errors: [
          {
            field: "body.providerId",
            message: `is a ${provider.kind} organisation; solutions belong to a company, research institute or cluster`,
          },
        ],
      });
    }
    await requireKnownCapabilities(tx, input.capabilities);
    // Images are uploaded to a solution once it exists; a new one can only link to others.
    await requireOwnMedia(tx, null, input.media);
    const now = ctx.clock.now();
    const solution = await insertSolution(tx, {
      providerId: provider.id,
      providerKind: kind,
      title: input.title,
      summary: input.summary,
      description: input.description,
      sectors: input.sectors,
      trl: input.trl,
      countries: [...new Set(input.countriesDeployed)],
      media: input.media,
      referenceLinks: input.referenceLinks,
      version: 1,
      status: "active",
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceSolutionCapabilities(tx, solution.id, input.capabilities);
    await refreshCapabilityTerms(tx, { solutionIds: [solution.id] });
    await insertSolutionVersion(tx, {
      solutionId: solution.id,
      version: 1,
      content: { ...contentOf(solution, input.capabilities) },
      editedBy: actorId,
      editedAt: now,
    });
    await recordSolutionEvent(tx, ctx.clock, {
      action: "solution.created",
      actorId,
      subjectId: solution.id,
      payload: { providerId: provider.id, title: solution.title, version: 1 },
    });
    await afterSolutionChange(tx, ctx.clock, [solution.id]);
    return solution;
  });
}
