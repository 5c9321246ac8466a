import { z } from "zod";
import { IsoDateTime, Locale, Uuid } from "../../core/http/contract.ts";
import { Sector } from "../challenges/contract.ts";
import { CountryCode, OrganisationSummary } from "../organisations/contract.ts";

/**
 * The solution catalogue, the capability taxonomy and cluster portfolios. Shared by the server
 * and the web pages.
 */

export { Sector };

/**
 * Text without NUL characters: PostgreSQL cannot store them, so they are refused here with the
 * field's name instead of failing in the database.
 */
const plainString = () =>
  z.string().refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

export const ProviderKind = z.enum(["company", "research", "cluster"]);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** `water`, `water.leak-detection`, `adaptation.stormwater.rain-gardens`. */
export const CapabilityCode = plainString()
  .trim()
  .toLowerCase()
  .max(80, "is too long")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
    "must be a capability code like water.leak-detection",
  );

export const SolutionTrl = z
  .number({ error: "must be a TRL from 1 to 9" })
  .int("must be a whole number")
  .min(1, "must be a TRL from 1 to 9")
  .max(9, "must be a TRL from 1 to 9");

const WebAddress = z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(500);

/** Images uploaded to one solution: at most this many bytes each, this many per solution. */
export const SOLUTION_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
export const SOLUTION_MEDIA_MAX_COUNT = 12;
/** What an upload may be, recognised from its bytes (the `accept` of the web form's file input). */
export const SOLUTION_MEDIA_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

const uuidText = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const uploadedMediaPattern = new RegExp(`^/api/v1/solutions/(${uuidText})/media/(${uuidText})$`);

/** Where the platform serves an image uploaded to a solution: what its media entry's url is. */
export function solutionMediaPath(solutionId: string, fileId: string): string {
  return `/api/v1/solutions/${solutionId}/media/${fileId}`;
}

/** The solution and file an uploaded image's address names; null for any other address. */
export function uploadedMediaOf(url: string): { solutionId: string; fileId: string } | null {
  const match = uploadedMediaPattern.exec(url);
  return match ? { solutionId: match[1]!, fileId: match[2]! } : null;
}

/** Alternative text: what the image shows, for people who cannot see it (required). */
export const MediaAlt = plainString()
  .trim()
  .min(3, "must describe the image (at least 3 characters)")
  .max(300, "is too long");

export const MediaItem = z.strictObject({
  /**
   * An image uploaded to this solution (`/api/v1/solutions/{id}/media/{fileId}`, shown on the
   * solution's page), or an http(s) link to an image elsewhere (kept for imports and older
   * entries; shown as a link, since the platform does not display other sites' images).
   */
  url: z.union(
    [
      WebAddress,
      z.string().regex(uploadedMediaPattern, "must be the address of an uploaded image"),
    ],
    { error: "must be an http(s) address or the address of an image uploaded to the solution" },
  ),
  alt: MediaAlt,
});
export type MediaItem = z.infer<typeof MediaItem>;

export const LabelsByLocale = z.record(plainString(), plainString());
export const SynonymsByLocale = z.record(plainString(), z.array(plainString()));

/** A capability as solutions carry it: its code and its label in every language. */
export const CapabilityRef = z
  .object({ code: plainString(), labels: LabelsByLocale })
  .meta({ id: "CapabilityRef" });
export type CapabilityRef = z.infer<typeof CapabilityRef>;

export const SolutionAbilities = z.object({
  edit: z.boolean(),
  archive: z.boolean(),
  /** See earlier versions with who edited them. */
  viewVersions: z.boolean(),
});
export type SolutionAbilities = z.infer<typeof SolutionAbilities>;

export const SolutionSummary = z
  .object({
    id: Uuid,
    title: plainString(),
    summary: plainString(),
    sectors: z.array(Sector),
    capabilities: z.array(CapabilityRef),
    trl: z.number().int(),
    countriesDeployed: z.array(plainString()),
    provider: OrganisationSummary,
    status: z.enum(["active", "archived"]),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: "SolutionSummary" });
export type SolutionSummary = z.infer<typeof SolutionSummary>;

export const Solution = SolutionSummary.extend({
  /** Markdown as written. */
  description: plainString(),
  /** The description rendered to HTML without raw HTML and with only http(s)/mailto links. */
  descriptionHtml: plainString(),
  media: z.array(MediaItem),
  referenceLinks: z.array(plainString()),
  abilities: SolutionAbilities,
}).meta({ id: "Solution" });
export type Solution = z.infer<typeof Solution>;

const SolutionFields = {
  title: plainString().trim().min(3, "must have at least 3 characters").max(160, "is too long"),
  summary: plainString()
    .trim()
    .min(10, "must have at least 10 characters")
    .max(500, "must be at most 500 characters"),
  description: plainString().trim().max(20_000, "must be at most 20,000 characters"),
  sectors: z
    .array(Sector)
    .min(1, "must name at least one sector")
    .max(10)
    .refine((list) => new Set(list).size === list.length, "must not repeat a sector"),
  capabilities: z
    .array(CapabilityCode)
    .max(30, "must have at most 30 capabilities")
    .refine((list) => new Set(list).size === list.length, "must not repeat a capability"),
  trl: SolutionTrl,
  countriesDeployed: z.array(CountryCode).max(250),
  media: z
    .array(MediaItem)
    .max(SOLUTION_MEDIA_MAX_COUNT, "must have at most 12 images")
    .refine(
      (list) => new Set(list.map((item) => item.url)).size === list.length,
      "must not repeat an image",
    ),
  referenceLinks: z.array(WebAddress).max(20, "must have at most 20 links"),
};

export const CreateSolutionBody = z.strictObject({
  /** The provider organisation (a company, research institute or cluster you belong to). */
  providerId: Uuid,
  title: SolutionFields.title,
  summary: SolutionFields.summary,
  description: SolutionFields.description.default(""),
  sectors: SolutionFields.sectors,
  capabilities: SolutionFields.capabilities.default([]),
  trl: SolutionFields.trl,
  countriesDeployed: SolutionFields.countriesDeployed.default([]),
  media: SolutionFields.media.default([]),
  referenceLinks: SolutionFields.referenceLinks.default([]),
});
export type CreateSolutionBody = z.input<typeof CreateSolutionBody>;

/** Fields left out stay as they are; any change makes a new version. */
export const UpdateSolutionBody = z.strictObject({
  title: SolutionFields.title.optional(),
  summary: SolutionFields.summary.optional(),
  description: SolutionFields.description.optional(),
  sectors: SolutionFields.sectors.optional(),
  capabilities: SolutionFields.capabilities.optional(),
  trl: SolutionFields.trl.optional(),
  countriesDeployed: SolutionFields.countriesDeployed.optional(),
  media: SolutionFields.media.optional(),
  referenceLinks: SolutionFields.referenceLinks.optional(),
  /** The version the edit starts from: a newer one (someone else's edit) answers 409. */
  baseVersion: z.number().int().min(1).optional(),
});
export type UpdateSolutionBody = z.input<typeof UpdateSolutionBody>;

export const SolutionVersion = z.object({
  version: z.number().int(),
  editedAt: IsoDateTime,
  editedBy: plainString().nullable(),
  title: plainString(),
  summary: plainString(),
  description: plainString(),
  sectors: z.array(plainString()),
  capabilities: z.array(plainString()),
  trl: z.number().int(),
  countriesDeployed: z.array(plainString()),
  media: z.array(MediaItem),
  referenceLinks: z.array(plainString()),
});
export type SolutionVersion = z.infer<typeof SolutionVersion>;

export const SolutionVersionList = z.object({ versions: z.array(SolutionVersion) });

/** POST /api/v1/solutions/{id}/media: the raw image is the body; its description comes here. */
export const MediaUploadQuery = z.strictObject({ alt: MediaAlt });

export const SolutionMediaParams = z.strictObject({ id: Uuid, fileId: Uuid });

export const SolutionSort = z.enum(["relevance", "newest", "trl"]);
export type SolutionSort = z.infer<typeof SolutionSort>;

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" ? [value] : value), schema);

/** Query string of GET /api/v1/solutions; repeated keys (sector=a&sector=b) or one value. */
export const SolutionQuery = z
  .strictObject({
    q: plainString().trim().max(200, "is too long").optional(),
    sector: oneOrMany(z.array(Sector).max(10)).optional(),
    /** Taxonomy codes; a parent code includes its children. */
    capability: oneOrMany(z.array(CapabilityCode).max(20)).optional(),
    trlMin: z.coerce.number().int().min(1, "is 1 to 9").max(9, "is 1 to 9").optional(),
    trlMax: z.coerce.number().int().min(1, "is 1 to 9").max(9, "is 1 to 9").optional(),
    country: CountryCode.optional(),
    providerKind: ProviderKind.optional(),
    /** Solutions of this cluster and of its active member organisations. */
    clusterId: Uuid.optional(),
    /** Default: relevance when q is given, otherwise newest. */
    sort: SolutionSort.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** Opaque keyset cursor from the previous page's nextCursor: pages stay stable under inserts. */
    cursor: plainString().max(500).optional(),
  })
  .refine((query) => !query.trlMin || !query.trlMax || query.trlMin <= query.trlMax, {
    message: "must not be above trlMax",
    path: ["trlMin"],
  });
export type SolutionQuery = z.input<typeof SolutionQuery>;

export const SolutionFacetCount = z.object({ value: plainString(), count: z.number().int() });

export const SolutionCatalogue = z
  .object({
    solutions: z.array(SolutionSummary.extend({ rank: z.number().nullable() })),
    /** Every solution matching the filters (all pages). */
    total: z.number().int(),
    nextCursor: plainString().nullable(),
    /** For each facet, counts that apply every other active filter (the usual faceted search). */
    facets: z.object({
      sector: z.array(SolutionFacetCount),
      /** Per code, solutions with it or with one of its descendants. */
      capability: z.array(SolutionFacetCount),
      trl: z.array(SolutionFacetCount),
      country: z.array(SolutionFacetCount),
      providerKind: z.array(SolutionFacetCount),
    }),
  })
  .meta({ id: "SolutionCatalogue" });
export type SolutionCatalogue = z.infer<typeof SolutionCatalogue>;

export const ProviderSolutionList = z.object({ solutions: z.array(SolutionSummary) });

// Taxonomy

export const TaxonomyQuery = z.strictObject({ locale: Locale.default("en") });

export interface CapabilityNode {
  code: string;
  label: string;
  synonyms: string[];
  builtIn: boolean;
  children: CapabilityNode[];
}

export const CapabilityNode: z.ZodType<CapabilityNode> = z
  .object({
    code: plainString(),
    /** In the requested language (English when it has none). */
    label: plainString(),
    /** In the requested language. */
    synonyms: z.array(plainString()),
    builtIn: z.boolean(),
    get children() {
      return z.array(CapabilityNode);
    },
  })
  .meta({ id: "CapabilityNode" });

export const Taxonomy = z.object({ locale: Locale, capabilities: z.array(CapabilityNode) });
export type Taxonomy = z.infer<typeof Taxonomy>;

/** One capability in every language. */
export const Capability = z
  .object({
    code: plainString(),
    parent: plainString().nullable(),
    labels: LabelsByLocale,
    synonyms: SynonymsByLocale,
    builtIn: z.boolean(),
  })
  .meta({ id: "Capability" });
export type Capability = z.infer<typeof Capability>;

const Term = plainString().trim().min(2, "must have at least 2 characters").max(80, "is too long");

export const CreateCapabilityBody = z.strictObject({
  /** The parent's code followed by one more segment (`water.sewer-inspection`). */
  code: CapabilityCode,
  parent: CapabilityCode.nullable(),
  labels: z.strictObject({ en: Term, fr: Term.optional(), es: Term.optional() }),
  synonyms: z
    .strictObject({
      en: z.array(Term).max(30).optional(),
      fr: z.array(Term).max(30).optional(),
      es: z.array(Term).max(30).optional(),
    })
    .default({}),
});
export type CreateCapabilityBody = z.input<typeof CreateCapabilityBody>;

export const AddSynonymsBody = z.strictObject({
  locale: Locale,
  synonyms: z.array(Term).min(1, "must name at least one synonym").max(30),
});
export type AddSynonymsBody = z.input<typeof AddSynonymsBody>;

export const CapabilityParams = z.strictObject({ code: CapabilityCode });

export const MapTagsBody = z.strictObject({
  tags: z.array(plainString().trim().min(1).max(120)).min(1, "must name at least one tag").max(200),
});

export const TagMapping = z.object({
  mappings: z.array(z.object({ tag: plainString(), codes: z.array(plainString()) })),
});

// Portfolios

export const PortfolioAbilities = z.object({
  edit: z.boolean(),
  curate: z.boolean(),
  share: z.boolean(),
});
export type PortfolioAbilities = z.infer<typeof PortfolioAbilities>;

export const PortfolioSummary = z
  .object({
    id: Uuid,
    title: plainString(),
    theme: plainString().nullable(),
    challengeId: Uuid.nullable(),
    cluster: OrganisationSummary,
    itemCount: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: "PortfolioSummary" });
export type PortfolioSummary = z.infer<typeof PortfolioSummary>;

export const PortfolioItem = z.object({
  solution: SolutionSummary,
  note: plainString(),
  addedAt: IsoDateTime,
});

export const Portfolio = PortfolioSummary.extend({
  description: plainString(),
  items: z.array(PortfolioItem),
  /** City organisations it is shared with. */
  sharedWith: z.array(OrganisationSummary),
  createdAt: IsoDateTime,
  abilities: PortfolioAbilities,
}).meta({ id: "Portfolio" });
export type Portfolio = z.infer<typeof Portfolio>;

export const PortfolioList = z.object({ portfolios: z.array(PortfolioSummary) });

const PortfolioFields = {
  title: plainString().trim().min(3, "must have at least 3 characters").max(160, "is too long"),
  description: plainString().trim().max(5_000, "must be at most 5,000 characters"),
  theme: plainString().trim().min(3, "must have at least 3 characters").max(200).nullable(),
  challengeId: Uuid.nullable(),
};

export const CreatePortfolioBody = z
  .strictObject({
    clusterId: Uuid,
    title: PortfolioFields.title,
    description: PortfolioFields.description.default(""),
    theme: PortfolioFields.theme.optional(),
    challengeId: PortfolioFields.challengeId.optional(),
  })
  .refine((body) => Boolean(body.theme) || Boolean(body.challengeId), {
    message: "name a theme or a challenge",
    path: ["theme"],
  });
export type CreatePortfolioBody = z.input<typeof CreatePortfolioBody>;

export const UpdatePortfolioBody = z.strictObject({
  title: PortfolioFields.title.optional(),
  description: PortfolioFields.description.optional(),
  theme: PortfolioFields.theme.optional(),
  challengeId: PortfolioFields.challengeId.optional(),
});
export type UpdatePortfolioBody = z.input<typeof UpdatePortfolioBody>;

export const PortfolioQuery = z.strictObject({ clusterId: Uuid.optional() });

export const AddPortfolioItemBody = z.strictObject({
  solutionId: Uuid,
  note: plainString().trim().max(1_000, "must be at most 1,000 characters").default(""),
});

export const PortfolioItemParams = z.strictObject({ id: Uuid, solutionId: Uuid });

export const SharePortfolioBody = z.strictObject({ organisationId: Uuid });

export const PortfolioShareParams = z.strictObject({ id: Uuid, organisationId: Uuid });
