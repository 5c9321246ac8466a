import { invitationStatus } from "./commands/invitations.ts";
import type { Affiliation, City, Invitation, OrganisationSummary } from "./contract.ts";
import type { AffiliationRow, CityRow, InvitationRow, OrganisationListing } from "./repository.ts";

export function presentOrganisationSummary(organisation: OrganisationListing): OrganisationSummary {
  return {
    id: organisation.id,
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    country: organisation.country,
    cityName: organisation.cityName,
    locality: organisation.locality,
    verified: organisation.verifiedAt !== null,
    hasLogo: organisation.hasLogo,
  };
}

export function presentCity(city: CityRow & { organisationCount: number }): City {
  return {
    id: city.id,
    slug: city.slug,
    name: city.name,
    country: city.country,
    region: city.region,
    latitude: city.latitude,
    longitude: city.longitude,
    c40Member: city.c40Member === 1,
    organisationCount: city.organisationCount,
  };
}

export function presentInvitation(
  invitation: InvitationRow,
  inviterName: string,
  now: Date,
): Invitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    invitedBy: inviterName,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export function presentAffiliation(
  affiliation: AffiliationRow,
  organisations: Map<string, OrganisationListing>,
): Affiliation | null {
  const parent = organisations.get(affiliation.parentId);
  const member = organisations.get(affiliation.memberId);
  if (!parent || !member) return null;
  return {
    id: affiliation.id,
    status: affiliation.status,
    awaiting:
      affiliation.status === "pending"
        ? affiliation.proposedBySide === "parent"
          ? "member"
          : "parent"
        : null,
    parent: presentOrganisationSummary(parent),
    member: presentOrganisationSummary(member),
    createdAt: affiliation.createdAt.toISOString(),
  };
}
