import { renderMarkdown } from "../../core/text/markdown.ts";
import type {
  Attachment,
  Challenge,
  ChallengeAbilities,
  ChallengeAnnouncement,
  ChallengeSummary,
  Clarification,
  SavedSearch,
} from "./contract.ts";
import type {
  AnnouncementRow,
  AttachmentListing,
  ChallengeCounts,
  ChallengeRow,
  ClarificationRow,
} from "./repository.ts";
import type { SavedSearchRow } from "./repository-saved-searches.ts";

export interface OwnerInfo {
  organisation: { id: string; slug: string; name: string } | undefined;
  city: { id: string; name: string; country: string; region: string } | undefined;
}

const iso = (date: Date | null) => date?.toISOString();

export function presentSummary(
  row: ChallengeRow,
  owner: OwnerInfo,
  counts: ChallengeCounts,
): ChallengeSummary {
  const timeline: ChallengeSummary["timeline"] = {};
  if (row.questionDeadline) timeline.questionDeadline = iso(row.questionDeadline)!;
  if (row.proposalDeadline) timeline.proposalDeadline = iso(row.proposalDeadline)!;
  if (row.awardDate) timeline.awardDate = iso(row.awardDate)!;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    procurementModel: row.procurementModel,
    sectors: row.sectors,
    city: {
      id: row.cityId,
      name: owner.city?.name ?? "",
      country: owner.city?.country ?? "",
      region: row.region,
    },
    organisation: owner.organisation ?? { id: row.organisationId, slug: "", name: "" },
    minTrl: row.minTrl,
    budget:
      row.budgetMinMinor !== null && row.budgetMaxMinor !== null && row.budgetCurrency
        ? {
            minMinor: row.budgetMinMinor,
            maxMinor: row.budgetMaxMinor,
            currency: row.budgetCurrency,
          }
        : null,
    timeline,
    publishedAt: iso(row.publishedAt) ?? null,
    ...counts,
  };
}

export function presentAttachment(row: AttachmentListing): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export function presentAnnouncement(row: AnnouncementRow): ChallengeAnnouncement {
  return {
    id: row.id,
    kind: row.kind,
    changes: row.changes,
    reason: row.reason,
    at: row.createdAt.toISOString(),
  };
}

export function presentChallenge(
  row: ChallengeRow,
  owner: OwnerInfo,
  counts: ChallengeCounts,
  extra: {
    attachments: AttachmentListing[];
    announcements: AnnouncementRow[];
    following: boolean;
    coCreationOpen: boolean;
    questionsOpen: boolean;
    abilities: ChallengeAbilities;
  },
): Challenge {
  return {
    ...presentSummary(row, owner, counts),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    capabilities: row.capabilities,
    kpis: row.kpis,
    contacts: row.contacts,
    attachments: extra.attachments.map(presentAttachment),
    announcements: extra.announcements.map(presentAnnouncement),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    coCreationOpen: extra.coCreationOpen,
    questionsOpen: extra.questionsOpen,
    following: extra.following,
    abilities: extra.abilities,
  };
}

/**
 * Who asked is filled only when `askers` is given — the routes pass it to platform admins
 * alone, so no other response can carry it.
 */
export function presentClarification(
  row: ClarificationRow,
  callerId: string | null,
  askers: Map<string, { name: string; organisation: string | null }> | null,
): Clarification {
  const asker = askers?.get(row.askedBy);
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    askedAt: row.askedAt.toISOString(),
    answeredAt: iso(row.answeredAt) ?? null,
    mine: callerId !== null && row.askedBy === callerId,
    askedBy: askers && asker ? { userId: row.askedBy, ...asker } : null,
  };
}

export function presentSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    createdAt: row.createdAt.toISOString(),
    matchCount: row.matchCount,
  };
}
