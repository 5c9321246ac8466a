import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * Consortia: the builder's suggested teams for a challenge, and consortia organisations form
 * to answer it (members with roles and the capabilities each brings, invitations). Shared by
 * the server and the web pages.
 */

export const CoverLevel = z.enum(["declared", "named", "broader", "none"]);
export type CoverLevel = z.infer<typeof CoverLevel>;
export const Place = z.enum(["country", "region", "none"]);
export const MemberRole = z.enum(["lead", "partner", "subcontractor", "advisor"]);
export type MemberRole = z.infer<typeof MemberRole>;
/** What an invitation may offer: every role but the lead's. */
export const InvitedRole = z.enum(["partner", "subcontractor", "advisor"]);
export const InvitationStatus = z.enum(["pending", "accepted", "declined", "withdrawn"]);
export const ConsortiumStatus = z.enum(["forming", "dissolved"]);

export const ConsortiumOrganisation = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    country: z.string(),
    verified: z.boolean(),
  })
  .meta({ id: "ConsortiumOrganisation" });
export type ConsortiumOrganisation = z.infer<typeof ConsortiumOrganisation>;

export const TeamSuggestionsQuery = z.strictObject({
  k: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10, "must be at most 10")
    .default(3),
});

const ScoreParts = z.object({
  /** Mean of the members' fit. */
  fit: z.number(),
  /** Mean over requirements of the team's strongest cover (declared 1, named 0.75, broader 0.5). */
  coverage: z.number(),
  /** Share of members the platform verified. */
  verified: z.number(),
  /** 1 with a member in the city's country, 0.5 in its region only, else 0. */
  local: z.number(),
});

export const TeamMember = z.object({
  organisation: ConsortiumOrganisation,
  /** Its best solution's score for the challenge. */
  fit: z.number(),
  place: Place,
  /** Per requirement, in the requirements' order: how it covers it, through which solution. */
  covers: z.array(
    z.object({
      code: z.string(),
      cover: CoverLevel,
      solution: z.object({ id: Uuid, title: z.string() }).nullable(),
    }),
  ),
  /** Requirements only this member covers in the team. */
  brings: z.array(z.string()),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const SuggestedTeam = z
  .object({
    score: z.number().min(0).max(1),
    parts: ScoreParts,
    members: z.array(TeamMember),
    /** Per requirement: the team's strongest cover. */
    coverage: z.array(z.object({ code: z.string(), cover: CoverLevel })),
  })
  .meta({ id: "SuggestedTeam" });
export type SuggestedTeam = z.infer<typeof SuggestedTeam>;

export const PartialTeam = SuggestedTeam.extend({
  covered: z.array(z.string()),
  missing: z.array(z.string()),
}).meta({ id: "PartialTeam" });
export type PartialTeam = z.infer<typeof PartialTeam>;

export const TeamGap = z.object({
  /** Requirements no provider covers, each with who covers it only below the minimum TRL. */
  uncovered: z.array(
    z.object({
      code: z.string(),
      belowMinTrl: z.array(
        z.object({
          organisation: ConsortiumOrganisation,
          solution: z.object({ id: Uuid, title: z.string(), trl: z.number().int() }),
        }),
      ),
    }),
  ),
  /** Who comes closest: most requirements covered, then score. */
  closest: z.array(PartialTeam),
});

export const TeamSuggestions = z
  .object({
    challengeId: Uuid,
    /** What the challenge requires, as matched: named by the city or read from its text. */
    requirements: z.array(z.object({ code: z.string(), inferred: z.boolean() })),
    minTrl: z.number().int().nullable(),
    country: z.string(),
    /** score = the weighted sum of the parts (weights sum to 1). */
    weights: ScoreParts,
    /** Provider organisations considered (with a solution that fits). */
    candidates: z.number().int(),
    /** Whether any of them covering a requirement is based in the city's country or region. */
    localCandidates: z.boolean(),
    teams: z.array(SuggestedTeam),
    /** Organisations that cover every requirement alone (no consortium needed). */
    singles: z.array(SuggestedTeam),
    /** When neither a team nor a single organisation covers every requirement. */
    gap: TeamGap.nullable(),
    /** More than the builder combines: the requirements were not all considered. */
    tooManyRequirements: z.boolean(),
  })
  .meta({ id: "TeamSuggestions" });
export type TeamSuggestions = z.infer<typeof TeamSuggestions>;

const CapabilityCodes = z
  .array(z.string().trim().min(2, "must have at least 2 characters").max(80))
  .max(12, "must list at most 12 capabilities")
  .refine((codes) => new Set(codes).size === codes.length, "must not repeat a capability");

export const InvitationBody = z.strictObject({
  organisationId: Uuid,
  role: InvitedRole.default("partner"),
  /** Capability codes the organisation is to bring. */
  capabilities: CapabilityCodes.default([]),
  message: z.string().trim().max(1_000, "must be at most 1,000 characters").default(""),
});
export type InvitationBody = z.input<typeof InvitationBody>;

export const CreateConsortiumBody = z.strictObject({
  challengeId: Uuid,
  /** An organisation the caller administers. */
  leadOrganisationId: Uuid,
  name: z
    .string()
    .trim()
    .min(3, "must have at least 3 characters")
    .max(160, "must be at most 160 characters"),
  description: z.string().trim().max(2_000, "must be at most 2,000 characters").default(""),
  /** What the lead brings. */
  leadCapabilities: CapabilityCodes.default([]),
  invitations: z.array(InvitationBody).max(10, "must list at most 10 invitations").default([]),
  /** Started from a team the builder suggested. */
  fromSuggestion: z.boolean().default(false),
});
export type CreateConsortiumBody = z.input<typeof CreateConsortiumBody>;

export const InvitationParams = z.strictObject({ id: Uuid, invitationId: Uuid });
export const MemberParams = z.strictObject({ id: Uuid, organisationId: Uuid });
export const HandOverBody = z.strictObject({ organisationId: Uuid });

export const ConsortiumAbilities = z.object({
  /** Invite, withdraw invitations, hand over the lead, dissolve: the lead's admins. */
  manage: z.boolean(),
  /** Invitations the caller may accept or decline (their organisation's). */
  answer: z.array(Uuid),
  /** Member organisations the caller may take out (admins of members other than the lead). */
  leave: z.array(Uuid),
});

export const ConsortiumMember = z.object({
  organisation: ConsortiumOrganisation,
  role: MemberRole,
  capabilities: z.array(z.string()),
  joinedAt: IsoDateTime,
});

export const ConsortiumInvitation = z.object({
  id: Uuid,
  organisation: ConsortiumOrganisation,
  role: MemberRole,
  capabilities: z.array(z.string()),
  message: z.string(),
  status: InvitationStatus,
  invitedAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
});

const ChallengeRef = z.object({
  id: Uuid,
  title: z.string(),
  city: z.string(),
  /** The capabilities it requires (as named by the city). */
  capabilities: z.array(z.string()),
});

export const Consortium = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string(),
    status: ConsortiumStatus,
    origin: z.enum(["suggestion", "manual"]),
    challenge: ChallengeRef,
    lead: ConsortiumOrganisation,
    members: z.array(ConsortiumMember),
    invitations: z.array(ConsortiumInvitation),
    createdAt: IsoDateTime,
    abilities: ConsortiumAbilities,
  })
  .meta({ id: "Consortium" });
export type Consortium = z.infer<typeof Consortium>;

export const ConsortiumSummary = z
  .object({
    id: Uuid,
    name: z.string(),
    status: ConsortiumStatus,
    challenge: z.object({ id: Uuid, title: z.string() }),
    lead: ConsortiumOrganisation,
    memberCount: z.number().int(),
    pendingInvitations: z.number().int(),
    /** The caller's organisations in it: member, or invited and not yet answered. */
    mine: z.array(z.object({ organisationId: Uuid, standing: z.enum(["member", "invited"]) })),
    createdAt: IsoDateTime,
  })
  .meta({ id: "ConsortiumSummary" });
export type ConsortiumSummary = z.infer<typeof ConsortiumSummary>;

export const ConsortiumList = z.object({ consortia: z.array(ConsortiumSummary) });
export type ConsortiumList = z.infer<typeof ConsortiumList>;
