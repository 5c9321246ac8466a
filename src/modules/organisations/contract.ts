import { z } from "zod";
import { Email, IsoDateTime, Uuid } from "../../core/http/contract.ts";

export const OrganisationKind = z.enum([
  "city",
  "company",
  "research",
  "cluster",
  "network",
  "funder",
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const MembershipRole = z.enum(["member", "admin"]);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter ISO 3166 country code");

const WebAddress = z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(300);

/** The C40 network's regions, as c40-cities.json names them (a test keeps the two in step). */
export const C40Region = z
  .enum([
    "Africa",
    "Central East Asia",
    "East, Southeast Asia and Oceania",
    "Europe",
    "Latin America",
    "North America",
    "South and West Asia",
  ])
  .meta({ id: "C40Region" });

export const City = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    country: z.string(),
    region: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    c40Member: z.boolean(),
    organisationCount: z.number().int(),
  })
  .meta({ id: "City" });
export type City = z.infer<typeof City>;

export const CityList = z.object({ cities: z.array(City) });

export const OrganisationAbilities = z.object({
  edit: z.boolean(),
  manageMembers: z.boolean(),
  verify: z.boolean(),
  leave: z.boolean(),
  manageAffiliations: z.boolean(),
});
export type OrganisationAbilities = z.infer<typeof OrganisationAbilities>;

export const OrganisationSummary = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    country: z.string(),
    cityName: z.string().nullable(),
    locality: z.string().nullable(),
    verified: z.boolean(),
    hasLogo: z.boolean(),
  })
  .meta({ id: "OrganisationSummary" });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const Affiliation = z.object({
  id: Uuid,
  status: z.enum(["pending", "active", "ended"]),
  /** Which side must accept a pending affiliation. */
  awaiting: z.enum(["parent", "member"]).nullable(),
  parent: OrganisationSummary,
  member: OrganisationSummary,
  createdAt: IsoDateTime,
});
export type Affiliation = z.infer<typeof Affiliation>;

export const Organisation = OrganisationSummary.extend({
  cityId: Uuid.nullable(),
  website: z.string().nullable(),
  description: z.string(),
  memberCount: z.number().int(),
  createdAt: IsoDateTime,
  /** The caller's role here, if any. */
  myRole: MembershipRole.nullable(),
  abilities: OrganisationAbilities,
  /** Clusters or networks this organisation belongs to (active). */
  memberOf: z.array(OrganisationSummary),
  /** Members of this cluster or network (active). */
  members: z.array(OrganisationSummary),
}).meta({ id: "Organisation" });
export type Organisation = z.infer<typeof Organisation>;

const OrganisationFields = {
  name: z.string().trim().min(2, "must have at least 2 characters").max(160),
  country: CountryCode,
  locality: z.string().trim().max(120).nullable().optional(),
  website: WebAddress.nullable().optional(),
  description: z.string().trim().max(5_000).default(""),
};

export const CreateOrganisationBody = z.strictObject({
  ...OrganisationFields,
  kind: OrganisationKind,
  /** Required for a city organisation: the C40 city it governs. */
  cityId: Uuid.nullable().optional(),
});
export type CreateOrganisationBody = z.input<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = z.strictObject({
  name: OrganisationFields.name.optional(),
  country: CountryCode.optional(),
  locality: OrganisationFields.locality,
  website: OrganisationFields.website,
  description: z.string().trim().max(5_000).optional(),
});
export type UpdateOrganisationBody = z.input<typeof UpdateOrganisationBody>;

export const OrganisationQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: OrganisationKind.optional(),
  country: CountryCode.optional(),
  cityId: Uuid.optional(),
  verified: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OrganisationQuery = z.input<typeof OrganisationQuery>;

export const OrganisationList = z.object({
  organisations: z.array(OrganisationSummary),
  total: z.number().int(),
  /** How many organisations of each kind match the other filters. */
  kinds: z.record(z.string(), z.number().int()),
});
export type OrganisationList = z.infer<typeof OrganisationList>;

export const OrganisationRef = z.strictObject({
  ref: z.string().min(1).max(200, "is too long"),
});

export const Member = z.object({
  userId: Uuid,
  name: z.string(),
  email: z.string(),
  role: MembershipRole,
  since: IsoDateTime,
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });

export const MemberPatch = z.strictObject({ role: MembershipRole });

export const MemberParams = z.strictObject({ id: Uuid, userId: Uuid });

export const InviteBody = z.strictObject({ email: Email, role: MembershipRole.default("member") });
export type InviteBody = z.input<typeof InviteBody>;

export const Invitation = z.object({
  id: Uuid,
  email: z.string(),
  role: MembershipRole,
  status: z.enum(["pending", "accepted", "declined", "revoked", "expired"]),
  invitedBy: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ invitations: z.array(Invitation) });

export const InvitationParams = z.strictObject({ id: Uuid, invitationId: Uuid });

/** What the invitee sees before accepting. */
export const InvitationPreview = z.object({
  organisation: OrganisationSummary,
  role: MembershipRole,
  email: z.string(),
  invitedBy: z.string(),
  status: Invitation.shape.status,
  expiresAt: IsoDateTime,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationTokenBody = z.strictObject({ token: z.string().min(20).max(200) });

export const MyMembership = z.object({
  organisation: OrganisationSummary,
  role: MembershipRole,
  since: IsoDateTime,
});
export type MyMembership = z.infer<typeof MyMembership>;

export const MyMemberships = z.object({ memberships: z.array(MyMembership) });
export type MyMemberships = z.infer<typeof MyMemberships>;

export const ProposeAffiliationBody = z.strictObject({ parentId: Uuid, memberId: Uuid });

export const AffiliationList = z.object({ affiliations: z.array(Affiliation) });

export const VerificationBody = z.strictObject({ verified: z.boolean() });

export const NetworkOverview = z
  .object({
    cities: z.number().int(),
    regions: z.number().int(),
    organisationsByKind: z.record(z.string(), z.number().int()),
    verifiedOrganisations: z.number().int(),
    people: z.number().int(),
  })
  .meta({ id: "NetworkOverview" });
export type NetworkOverview = z.infer<typeof NetworkOverview>;
