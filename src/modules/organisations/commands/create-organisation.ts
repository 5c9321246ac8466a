import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { recordOrganisationEvent } from "../audit.ts";
import type { CreateOrganisationBody } from "../contract.ts";
import { organisationErrors } from "../errors.ts";
import {
  findCity,
  insertMembership,
  insertOrganisationIfSlugFree,
  type MembershipRow,
  type NewOrganisation,
  type OrganisationListing,
  type OrganisationRow,
} from "../repository.ts";
import { slugCandidates } from "../slug.ts";

/**
 * Inserts with the first free readable address. Two people submitting the same name at once
 * both get an organisation: the one that loses the race on "acme" takes "acme-2" instead of
 * failing on the unique index.
 */
async function insertWithFreeSlug(
  tx: Db,
  name: string,
  values: Omit<NewOrganisation, "slug">,
): Promise<OrganisationRow> {
  for (const slug of slugCandidates(name)) {
    const inserted = await insertOrganisationIfSlugFree(tx, { ...values, slug });
    if (inserted) return inserted;
  }
  throw new Error(`no free address for ${name}`);
}

/** A new organisation as listed (no logo yet), with its founder's admin membership. */
export interface CreatedOrganisation extends OrganisationListing {
  founder: MembershipRow;
}

/**
 * Creates an organisation with its creator as first admin. It starts unverified: a platform
 * admin checks it is who it says it is before the verified badge shows.
 */
export async function createOrganisation(
  ctx: ServiceContext,
  creatorId: string,
  input: Omit<CreateOrganisationBody, "description"> & { description: string },
  options: { verified?: boolean; via?: "creation" | "seed" } = {},
): Promise<CreatedOrganisation> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let country = input.country;
    let cityName: string | null = null;
    if (input.kind === "city") {
      if (!input.cityId) {
        throw organisationErrors.cityRequired(undefined, {
          errors: [{ field: "body.cityId", message: "is required for a city organisation" }],
        });
      }
      const city = await findCity(tx, input.cityId);
      if (!city)
        throw organisationErrors.cityNotFound(undefined, {
          errors: [{ field: "body.cityId", message: "is not a known city" }],
        });
      country = city.country;
      cityName = city.name;
    } else if (input.cityId) {
      throw organisationErrors.cityNotAllowed(undefined, {
        errors: [{ field: "body.cityId", message: "is only for city organisations" }],
      });
    }
    const organisation = await insertWithFreeSlug(tx, input.name, {
      name: input.name,
      kind: input.kind,
      country: country.toUpperCase(),
      cityId: input.kind === "city" ? (input.cityId ?? null) : null,
      locality: input.locality ?? null,
      website: input.website ?? null,
      description: input.description,
      verifiedAt: options.verified ? now : null,
      createdBy: creatorId,
      createdAt: now,
      updatedAt: now,
    });
    const founder = await insertMembership(tx, {
      organisationId: organisation.id,
      userId: creatorId,
      role: "admin",
      startedAt: now,
    });
    await recordOrganisationEvent.all(tx, ctx.clock, [
      {
        action: "organisation.created",
        actorId: creatorId,
        subjectId: organisation.id,
        payload: { name: organisation.name, kind: organisation.kind, cityId: organisation.cityId },
      },
      {
        action: "organisation.member_added",
        actorId: creatorId,
        subjectId: organisation.id,
        payload: { userId: creatorId, role: "admin", via: options.via ?? "creation" },
      },
    ]);
    return { ...organisation, cityName, hasLogo: false, founder };
  });
}
