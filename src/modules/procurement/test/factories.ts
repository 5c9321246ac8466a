import type { TestClient } from "../../../core/testing/http-client.ts";
import { publishedChallenge } from "../../challenges/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  memberOf,
  type Person,
  type Problem,
  type Provider,
  platformAdmin,
  provider,
  startConsortium,
  type WatchedPlatform,
  watchedPlatform,
} from "../../consortia/test/factories.ts";
import type {
  BidderRef,
  Proposal,
  ProposalContentBody,
  ProposalFile,
  SubmissionResult,
} from "../contract.ts";

/** Builders for the procurement tests, through the API as the web app calls it. */
export {
  type CityTeam,
  cityTeam,
  memberOf,
  type Person,
  type Problem,
  type Provider,
  platformAdmin,
  provider,
  startConsortium,
  type WatchedPlatform,
  watchedPlatform,
};

export const DEADLINE_DAYS = 30;

/** A published Copenhagen challenge whose proposal deadline is 30 days after the platform's now. */
export async function openChallenge(
  platform: WatchedPlatform,
  city: CityTeam,
  title = "Cloudburst-proof districts",
): Promise<{ id: string; deadline: Date }> {
  const challenge = await publishedChallenge(platform, city, { title });
  return { id: challenge.id, deadline: new Date(challenge.timeline.proposalDeadline!) };
}

/** Moves the platform's clock just past the deadline. */
export function passDeadline(platform: WatchedPlatform, deadline: Date): void {
  platform.clock.set(new Date(deadline.getTime() + 1));
}

/** Texts for the default form's sections, each carrying `marker` so leaks can be searched for. */
export function contentBody(
  marker: string,
  overrides: Partial<ProposalContentBody> = {},
): Required<ProposalContentBody> {
  return {
    sections: {
      approach: `Sponge streets and smart valves. ${marker}`,
      team: `Hydrologists and civil engineers. ${marker}`,
      work_plan: `Design in spring, pilot in autumn. ${marker}`,
      price_rationale: `Sensors, installation and two years of operation. ${marker}`,
    },
    price: { amountMinor: 125_000_000, currency: "EUR" },
    attachments: [],
    ...overrides,
  } as Required<ProposalContentBody>;
}

export async function submit(
  client: TestClient,
  challengeId: string,
  bidder: BidderRef,
  body: Required<ProposalContentBody>,
): Promise<SubmissionResult> {
  const response = await client.post<SubmissionResult>(
    `/api/v1/challenges/${challengeId}/proposals`,
    { bidder, ...body },
  );
  if (response.status !== 201) {
    throw new Error(`proposal not submitted: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export function uploadFile(
  client: TestClient,
  challengeId: string,
  bidder: BidderRef,
  bytes: Buffer,
  filename: string,
) {
  const query = new URLSearchParams({
    filename,
    bidderKind: bidder.kind,
    bidderId: bidder.id,
  });
  return client.request<ProposalFile & Problem>(
    "POST",
    `/api/v1/challenges/${challengeId}/proposal-files?${query}`,
    { rawBody: bytes, headers: { "content-type": "application/pdf" } },
  );
}

export async function uploaded(
  client: TestClient,
  challengeId: string,
  bidder: BidderRef,
  bytes: Buffer,
  filename: string,
): Promise<ProposalFile> {
  const response = await uploadFile(client, challengeId, bidder, bytes, filename);
  if (response.status !== 201) {
    throw new Error(`file not uploaded: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A small, well-formed PDF whose text is `text`. */
export function pdfBytes(text = "Proposal annex"): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    "latin1",
  );
}

export function getProposal(client: TestClient, id: string) {
  return client.get<Proposal & Problem>(`/api/v1/proposals/${id}`);
}

/** A consortium for the challenge, led by `lead`, with `member` invited and accepted. */
export async function consortiumOf(
  challengeId: string,
  lead: Provider,
  member: Provider,
  name: string,
): Promise<string> {
  const consortium = await startConsortium(lead.admin.client, {
    challengeId,
    leadOrganisationId: lead.organisation.id,
    name,
    description: "",
    fromSuggestion: false,
    invitations: [{ organisationId: member.organisation.id, role: "partner", capabilities: [] }],
  });
  const invitation = consortium.invitations[0]!;
  const accepted = await member.admin.client.post(
    `/api/v1/consortia/${consortium.id}/invitations/${invitation.id}/accept`,
  );
  if (accepted.status !== 200) throw new Error(`not accepted: ${accepted.status}`);
  return consortium.id;
}
