/**
 * A challenge as an Open Contracting Data Standard 1.1 release, and release packages of them.
 * Pure: the facts come in (ocds-facts.ts gathers them, deciding what is public yet), the release
 * goes out. docs/procurement.md, "Open contracting data", explains each mapping and why.
 */

export const OCDS_VERSION = "1.1" as const;
/** The enquiries extension adds `tender.enquiries` (the challenge's Q&A) to the core schema. */
export const ENQUIRY_EXTENSION =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json";

/** The pagination extension adds `links.next` to a package that is one page of several. */
export const PAGINATION_EXTENSION =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/v1.1.5/extension.json";

export interface OcdsParty {
  id: string;
  name: string;
  locality?: string | null;
  countryName?: string | null;
}

export interface OcdsMoney {
  amountMinor: number;
  currency: string;
}

export interface OcdsAward {
  id: string;
  /** Decided and in standstill ("pending"), final ("active"), or cancelled during the standstill. */
  status: "pending" | "active" | "cancelled";
  date: Date;
  /** When the chair cancelled it (the description then ends with the reason). */
  cancelledAt?: Date | null;
  justification: string;
  value: OcdsMoney | null;
  supplier: OcdsParty;
}

/** A phase of a phased procurement (pre-commercial): its own process, linked to the challenge's. */
export interface OcdsPhase {
  number: number;
  title: string;
  startDate: Date | null;
  endDate: Date | null;
  maxBidders: number | null;
  /** Bidders admitted to the phase, once the city decided; null before. */
  admitted: OcdsParty[] | null;
}

export interface OcdsEnquiry {
  id: string;
  question: string;
  answer: string | null;
  askedAt: Date;
  answeredAt: Date | null;
}

/** Everything one challenge's release says; null means "not public (yet)". */
export interface OcdsProcess {
  challenge: {
    id: string;
    title: string;
    summary: string;
    description: string;
    status: string;
    procurementModel: string;
    capabilities: string[];
    budget: { minMinor: number; maxMinor: number; currency: string } | null;
    questionDeadline: Date | null;
    proposalDeadline: Date | null;
    awardDate: Date | null;
    publishedAt: Date | null;
    changedAt: Date;
  };
  buyer: OcdsParty;
  enquiries: OcdsEnquiry[];
  /** Organisations whose people asked; public only when the procurement is decided. */
  enquirers: OcdsParty[] | null;
  /**
   * How many bidders had a live proposal; public only when decided. Who they were is not
   * published (the award notice names the winner only: losing bidders' identities are their
   * business); the supplier appears as a tenderer.
   */
  tendererCount: number | null;
  funders: OcdsParty[];
  /** What each funder co-funds (recorded by the city through the funding module). */
  coFunding?: Array<{ funderId: string; programme: string; amount: OcdsMoney }>;
  /** The award criteria with weights (summing to 100), when the city defined them. */
  criteria: Array<{ name: string; weight: number }> | null;
  rationale: string | null;
  award: OcdsAward | null;
  /** Awards cancelled before the current one, oldest first (their ids stay the same). */
  earlierAwards?: OcdsAward[];
  phases: OcdsPhase[];
}

export interface OcdsOptions {
  /** The publisher's registered ocid prefix (https://standard.open-contracting.org: "ocds-" + 6). */
  ocidPrefix: string;
  publicUrl: string;
}

/** The procedure names OCDS readers see in procurementMethodDetails. */
const MODEL_NAMES: Record<string, string> = {
  market_consultation: "Market consultation (request for information)",
  innovation_prize: "Innovation prize (design contest)",
  pre_commercial: "Pre-commercial procurement (PCP)",
  innovation_partnership: "Innovation partnership",
  competitive_dialogue: "Competitive dialogue",
  pilot_agreement: "Pilot (testbed) agreement",
};

/** Restricted procedures shortlist who may tender; the others are open to every provider. */
const SELECTIVE_MODELS = new Set(["competitive_dialogue", "innovation_partnership"]);

/** A minor-unit amount as OCDS's decimal number, using the currency's own minor digits. */
export function ocdsAmount(money: OcdsMoney): { amount: number; currency: string } {
  const digits = minorDigitsOf(money.currency);
  return { amount: money.amountMinor / 10 ** digits, currency: money.currency };
}

function minorDigitsOf(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

export function ocidOf(challengeId: string, options: Pick<OcdsOptions, "ocidPrefix">): string {
  return `${options.ocidPrefix}-${challengeId}`;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

function period(start: Date | null, end: Date | null) {
  if (!start && !end) return undefined;
  return { startDate: iso(start), endDate: iso(end) };
}

/** The tender's status from the challenge's lifecycle (closed tenderStatus codelist). */
export function tenderStatusOf(challengeStatus: string, model: string): string {
  if (challengeStatus === "cancelled") return "cancelled";
  // A market consultation hears the market and ends: it plans a procurement, it is not one.
  if (model === "market_consultation") return "planning";
  // Cancelling an award moves the challenge back to evaluation: the tender is open again.
  if (challengeStatus === "published" || challengeStatus === "evaluation") return "active";
  return "complete";
}

/** The newest date any published fact changed: the release's date. */
function releaseDate(process: OcdsProcess): Date {
  const dates = [
    process.challenge.changedAt,
    process.award?.date ?? null,
    ...[...(process.earlierAwards ?? []), ...(process.award ? [process.award] : [])].map(
      (award) => award.cancelledAt ?? null,
    ),
    ...process.enquiries.flatMap((enquiry) => [enquiry.askedAt, enquiry.answeredAt]),
  ].filter((date): date is Date => date !== null);
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

const compactStamp = (date: Date) => date.toISOString().replace(/[-:.]/g, "");

function partyEntry(party: OcdsParty, roles: string[]) {
  const address =
    party.locality || party.countryName
      ? {
          ...(party.locality ? { locality: party.locality } : {}),
          ...(party.countryName ? { countryName: party.countryName } : {}),
        }
      : undefined;
  return { id: party.id, name: party.name, roles, ...(address ? { address } : {}) };
}

/** Parties with all their roles merged: one party may ask, tender and be awarded. */
function partiesOf(process: OcdsProcess) {
  const roles = new Map<string, { party: OcdsParty; roles: Set<string> }>();
  const add = (party: OcdsParty, role: string) => {
    const entry = roles.get(party.id) ?? { party, roles: new Set<string>() };
    entry.roles.add(role);
    roles.set(party.id, entry);
  };
  add(process.buyer, "buyer");
  add(process.buyer, "procuringEntity");
  for (const funder of process.funders) add(funder, "funder");
  for (const enquirer of process.enquirers ?? []) add(enquirer, "enquirer");
  // A cancelled award's supplier was named in its notice: it stays a party, as a tenderer only.
  for (const award of [
    ...(process.earlierAwards ?? []),
    ...(process.award ? [process.award] : []),
  ]) {
    add(award.supplier, "tenderer");
    if (award.status !== "cancelled") add(award.supplier, "supplier");
  }
  for (const phase of process.phases)
    for (const bidder of phase.admitted ?? []) add(bidder, "tenderer");
  return [...roles.values()].map((entry) => partyEntry(entry.party, [...entry.roles]));
}

const reference = (party: OcdsParty) => ({ id: party.id, name: party.name });

/** The co-funders and their amounts, in words (OCDS budget has one amount: the city's). */
function coFundingNoteOf(process: OcdsProcess): string | null {
  if (!process.coFunding?.length) return null;
  const names = new Map(process.funders.map((funder) => [funder.id, funder.name]));
  return `Co-funded by ${process.coFunding
    .map((entry) => {
      const { amount, currency } = ocdsAmount(entry.amount);
      return `${names.get(entry.funderId) ?? entry.funderId} (${entry.programme}): ${amount} ${currency}`;
    })
    .join("; ")}.`;
}

/** The challenge's own release: planning, tender (with enquiries), awards, parties. */
export function challengeRelease(process: OcdsProcess, options: OcdsOptions) {
  const { challenge } = process;
  const ocid = ocidOf(challenge.id, options);
  const date = releaseDate(process);
  const awarded = process.award !== null;
  const tag =
    challenge.procurementModel === "market_consultation"
      ? ["planning"]
      : awarded
        ? ["tender", "award"]
        : ["tender"];
  const budget = challenge.budget;
  const coFundingNote = coFundingNoteOf(process);
  const tender = {
    id: `${challenge.id}-tender`,
    title: challenge.title,
    description: challenge.summary,
    status: tenderStatusOf(challenge.status, challenge.procurementModel),
    procuringEntity: reference(process.buyer),
    items: challenge.capabilities.map((code, index) => ({
      id: String(index + 1),
      description: `Capability ${code}`,
      classification: { scheme: "X-CSP-CAPABILITY", id: code },
    })),
    ...(budget
      ? {
          value: ocdsAmount({ amountMinor: budget.maxMinor, currency: budget.currency }),
          minValue: ocdsAmount({ amountMinor: budget.minMinor, currency: budget.currency }),
        }
      : {}),
    ...(challenge.procurementModel === "market_consultation"
      ? {}
      : {
          procurementMethod: SELECTIVE_MODELS.has(challenge.procurementModel)
            ? "selective"
            : "open",
          procurementMethodDetails: MODEL_NAMES[challenge.procurementModel],
          mainProcurementCategory: "services",
        }),
    ...(process.criteria?.length
      ? {
          awardCriteria: "ratedCriteria",
          awardCriteriaDetails: process.criteria
            .map((criterion) => `${criterion.name}: ${criterion.weight}%`)
            .join("; "),
        }
      : {}),
    submissionMethod: ["electronicSubmission"],
    submissionMethodDetails: `${options.publicUrl}/challenges/${challenge.id}`,
    tenderPeriod: period(challenge.publishedAt, challenge.proposalDeadline),
    enquiryPeriod: period(challenge.publishedAt, challenge.questionDeadline),
    awardPeriod: period(challenge.proposalDeadline, challenge.awardDate),
    hasEnquiries: process.enquiries.length > 0,
    enquiries: process.enquiries.map((enquiry) => ({
      id: enquiry.id,
      date: enquiry.askedAt.toISOString(),
      description: enquiry.question,
      ...(enquiry.answer !== null ? { answer: enquiry.answer } : {}),
      ...(enquiry.answeredAt ? { dateAnswered: enquiry.answeredAt.toISOString() } : {}),
    })),
    ...(process.tendererCount !== null ? { numberOfTenderers: process.tendererCount } : {}),
    milestones: process.phases
      .filter(() => challenge.procurementModel !== "pre_commercial")
      .map((phase) => ({
        id: `phase-${phase.number}`,
        title: phase.title,
        type: "engagement",
        ...(phase.endDate ? { dueDate: phase.endDate.toISOString() } : {}),
      })),
    documents: [
      {
        id: "challenge-page",
        documentType: "tenderNotice",
        title: challenge.title,
        url: `${options.publicUrl}/challenges/${challenge.id}`,
        format: "text/html",
        language: "en",
      },
    ],
  };
  const release = {
    ocid,
    id: `${ocid}-${compactStamp(date)}`,
    date: date.toISOString(),
    tag,
    initiationType: "tender",
    language: "en",
    parties: partiesOf(process),
    buyer: reference(process.buyer),
    planning: {
      ...(process.rationale ? { rationale: process.rationale } : {}),
      ...(budget || coFundingNote
        ? {
            budget: {
              description: [
                budget ? "The city's budget for the challenge (upper bound)." : null,
                coFundingNote,
              ]
                .filter(Boolean)
                .join(" "),
              ...(budget
                ? {
                    amount: ocdsAmount({ amountMinor: budget.maxMinor, currency: budget.currency }),
                  }
                : {}),
            },
          }
        : {}),
    },
    tender,
    ...(process.award
      ? {
          awards: [...(process.earlierAwards ?? []), process.award].map((award) => ({
            id: award.id,
            title: `Award: ${challenge.title}`,
            description: award.justification,
            status: award.status,
            date: award.date.toISOString(),
            ...(award.value ? { value: ocdsAmount(award.value) } : {}),
            suppliers: [reference(award.supplier)],
          })),
        }
      : {}),
  };
  return release;
}

/**
 * A pre-commercial phase as its own contracting process: each phase is a separate (selective,
 * after the first) call whose tenderers are the bidders admitted to it, linked to the challenge's
 * process ("parent") and to the phase before ("prior").
 */
export function phaseRelease(process: OcdsProcess, phase: OcdsPhase, options: OcdsOptions) {
  const parent = ocidOf(process.challenge.id, options);
  const ocid = `${parent}-phase-${phase.number}`;
  const date = releaseDate(process);
  const related = [
    {
      id: "parent",
      relationship: ["parent"],
      title: process.challenge.title,
      scheme: "ocid",
      identifier: parent,
    },
    ...(phase.number > 1
      ? [
          {
            id: "prior",
            relationship: ["prior"],
            title: process.phases.find((other) => other.number === phase.number - 1)?.title ?? "",
            scheme: "ocid",
            identifier: `${parent}-phase-${phase.number - 1}`,
          },
        ]
      : []),
  ];
  const admitted = phase.admitted;
  return {
    ocid,
    id: `${ocid}-${compactStamp(date)}`,
    date: date.toISOString(),
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    parties: [
      partyEntry(process.buyer, ["buyer", "procuringEntity"]),
      ...(admitted ?? []).map((bidder) => partyEntry(bidder, ["tenderer"])),
    ],
    buyer: reference(process.buyer),
    tender: {
      id: `${process.challenge.id}-phase-${phase.number}`,
      title: `${process.challenge.title} — ${phase.title}`,
      status: phaseStatus(process, phase),
      procuringEntity: reference(process.buyer),
      procurementMethod: phase.number === 1 ? "open" : "selective",
      procurementMethodDetails: `${MODEL_NAMES.pre_commercial}, phase ${phase.number}${
        phase.maxBidders ? ` (at most ${phase.maxBidders} contractors)` : ""
      }`,
      mainProcurementCategory: "services",
      contractPeriod: period(phase.startDate, phase.endDate),
      ...(admitted
        ? { numberOfTenderers: admitted.length, tenderers: admitted.map(reference) }
        : {}),
    },
    relatedProcesses: related,
  };
}

function phaseStatus(process: OcdsProcess, phase: OcdsPhase): string {
  if (process.challenge.status === "cancelled") return "cancelled";
  if (phase.admitted === null) return "planned";
  return "active";
}

/** Every release of a challenge: its own, then one per pre-commercial phase. */
export function releasesOf(process: OcdsProcess, options: OcdsOptions) {
  const phases =
    process.challenge.procurementModel === "pre_commercial"
      ? process.phases.map((phase) => phaseRelease(process, phase, options))
      : [];
  return [challengeRelease(process, options), ...phases];
}

export function releasePackage(
  releases: Array<ReturnType<typeof releasesOf>[number]>,
  options: OcdsOptions & { uri: string; publishedDate: Date; next?: string | undefined },
) {
  const hasEnquiries = releases.some(
    (release) => "enquiries" in release.tender && release.tender.enquiries.length > 0,
  );
  const extensions = [
    ...(hasEnquiries ? [ENQUIRY_EXTENSION] : []),
    ...(options.next ? [PAGINATION_EXTENSION] : []),
  ];
  return {
    uri: options.uri,
    version: OCDS_VERSION,
    ...(extensions.length > 0 ? { extensions } : {}),
    ...(options.next ? { links: { next: options.next } } : {}),
    publishedDate: options.publishedDate.toISOString(),
    publisher: { name: "City Solutions Platform", uri: options.publicUrl },
    license: "https://opendatacommons.org/licenses/pddl/1-0/",
    publicationPolicy: `${options.publicUrl}/docs/procurement#open-contracting-data`,
    releases,
  };
}
