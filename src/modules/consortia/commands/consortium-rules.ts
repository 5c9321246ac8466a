import type { Db } from "../../../core/db/client.ts";
import { AppError, isAppError } from "../../../core/http/problem.ts";
import { requireKnownCapabilities } from "../../catalogue/index.ts";
import { challengeNeeds } from "../../challenges/index.ts";
import {
  currentMemberIds,
  organisationSummaries,
  roleInOrganisation,
} from "../../organisations/index.ts";
import { consortiaErrors } from "../errors.ts";
import { type ConsortiumRow, lockConsortium } from "../repository.ts";

type OrganisationSummary = NonNullable<
  Awaited<ReturnType<typeof organisationSummaries>> extends Map<string, infer Summary>
    ? Summary
    : never
>;

/** Who may be in a consortium: providers (companies, research institutes, clusters). */
export const JOINABLE_KINDS: ReadonlySet<string> = new Set(["company", "research", "cluster"]);

/** The organisation, when it may join a consortium; else 400 naming `field`. */
export async function joinableOrganisation(
  db: Db,
  organisationId: string,
  field: string,
): Promise<OrganisationSummary> {
  const organisation = (await organisationSummaries(db, [organisationId])).get(organisationId);
  if (!organisation) {
    throw consortiaErrors.organisationNotFound(undefined, {
      errors: [{ field, message: "is no organisation" }],
    });
  }
  if (!JOINABLE_KINDS.has(organisation.kind)) {
    throw consortiaErrors.organisationCannotJoin(undefined, {
      errors: [{ field, message: `is a ${organisation.kind} organisation` }],
    });
  }
  return organisation;
}

/** Refuses codes the taxonomy does not have, naming each under `field` (e.g. body.capabilities). */
export async function requireCapabilityCodes(db: Db, codes: string[], field: string) {
  try {
    await requireKnownCapabilities(db, codes);
  } catch (error) {
    if (!isAppError(error) || !error.errors) throw error;
    throw new AppError({
      status: error.status,
      code: error.code,
      title: error.title,
      errors: error.errors.map((problem) => ({
        field: problem.field.replace(/^body\.capabilities/, field),
        message: problem.message,
      })),
    });
  }
}

/** The consortium, locked for the change; 404 when unknown, 409 once dissolved. */
export async function openConsortium(tx: Db, id: string): Promise<ConsortiumRow> {
  const consortium = await lockConsortium(tx, id);
  if (!consortium) throw consortiaErrors.consortiumNotFound();
  if (consortium.status === "dissolved") throw consortiaErrors.consortiumDissolved();
  return consortium;
}

/** The admins of an organisation, whom notifications about it go to. */
export async function adminsOf(db: Db, organisationId: string, except?: string): Promise<string[]> {
  const people = await currentMemberIds(db, organisationId);
  const admins: string[] = [];
  for (const userId of people) {
    if (userId === except) continue;
    if ((await roleInOrganisation(db, organisationId, userId)) === "admin") admins.push(userId);
  }
  return admins;
}

/** What notifications say of a consortium: its name, its challenge and its lead. */
export async function noticeParams(
  db: Db,
  consortium: ConsortiumRow,
): Promise<{ consortium: string; challenge: string; lead: string }> {
  const [challenge] = await challengeNeeds(db, [consortium.challengeId]);
  const lead = (await organisationSummaries(db, [consortium.leadOrganisationId])).get(
    consortium.leadOrganisationId,
  );
  return {
    consortium: consortium.name,
    challenge: challenge?.title ?? "",
    lead: lead?.name ?? "",
  };
}

export const consortiumLink = (id: string) => `/consortia/${id}`;
