import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import type { BidderRef } from "./contract.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  memberOf,
  openChallenge,
  type Person,
  type Provider,
  passDeadline,
  pdfBytes,
  provider,
  uploadFile,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Submitting a proposal and uploading a file for one check who asks before anything about the
 * bidder or the challenge's window: someone who does not belong to the organisation they name is
 * refused 403 `not_bidder_member` (not 400 `bidder_cannot_bid` for a city, not 409 after the
 * deadline), so the answer tells an outsider nothing. An id that is no organisation at all is a
 * 400 naming the field. The organisation's own people still learn why they cannot (400, 409).
 */

type Problem = {
  code: string;
  status: number;
  title: string;
  errors?: Array<{ field: string; message: string }>;
};

const submitAs = (client: TestClient, challengeId: string, bidder: BidderRef) =>
  client.post<Problem>(`/api/v1/challenges/${challengeId}/proposals`, {
    bidder,
    ...contentBody("permission first"),
  });
const uploadAs = (client: TestClient, challengeId: string, bidder: BidderRef) =>
  uploadFile(client, challengeId, bidder, pdfBytes(), "annex.pdf");

describe("proposal submission and upload check the caller before the bidder and the window", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let bidder: Provider;
  let bidderMember: Person;
  let outsider: Provider;
  let challenge: { id: string; deadline: Date };
  let company: BidderRef;
  let cityBidder: BidderRef;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform);
    bidder = await provider(platform, "company", "DK", []);
    bidderMember = await memberOf(platform, bidder.organisation.id, "member");
    outsider = await provider(platform, "company", "NO", []);
    challenge = await openChallenge(platform, city, "Permission first for bidders");
    company = { kind: "organisation", id: bidder.organisation.id };
    cityBidder = { kind: "organisation", id: city.organisationId };
  }, 120_000);
  afterAll(() => platform.close());

  it("refuses 403 to someone outside the organisation they name, saying they must belong to it", async () => {
    for (const [client, named] of [
      [outsider.admin.client, company],
      // A city cannot bid, but an outsider is not told what the organisation is.
      [outsider.admin.client, cityBidder],
      [city.admin.client, company],
    ] as const) {
      for (const response of [
        await submitAs(client, challenge.id, named),
        await uploadAs(client, challenge.id, named),
      ]) {
        expect([response.status, response.body.code]).toEqual([403, "not_bidder_member"]);
        expect(response.headers["content-type"]).toContain("application/problem+json");
        expect((response.body as Problem).title).toContain("belong to the bidding organisation");
      }
    }
  });

  it("tells the organisation's own people why they cannot, and names the field of an unknown id", async () => {
    const asCity = await submitAs(city.admin.client, challenge.id, cityBidder);
    expect([asCity.status, asCity.body.code]).toEqual([400, "bidder_cannot_bid"]);
    const uploadAsCity = await uploadAs(city.member.client, challenge.id, cityBidder);
    expect([uploadAsCity.status, uploadAsCity.body.code]).toEqual([400, "bidder_cannot_bid"]);
    // A plain member belongs, but does not act for the organisation.
    const byMember = await submitAs(bidderMember.client, challenge.id, company);
    expect([byMember.status, byMember.body.code]).toEqual([403, "not_bidder_admin"]);
    // No organisation has this id: nothing to belong to, the field is named.
    const nobody: BidderRef = { kind: "organisation", id: "00000000-0000-4000-8000-000000000000" };
    const unknown = await submitAs(outsider.admin.client, challenge.id, nobody);
    expect([unknown.status, unknown.body.code]).toEqual([400, "bidder_not_found"]);
    expect(unknown.body.errors?.map((error) => error.field)).toEqual(["body.bidder.id"]);
    const unknownUpload = await uploadAs(outsider.admin.client, challenge.id, nobody);
    expect([unknownUpload.status, unknownUpload.body.code]).toEqual([400, "bidder_not_found"]);
    expect(unknownUpload.body.errors?.map((error) => error.field)).toEqual(["query.bidderId"]);
  });

  it("after the deadline refuses an outsider 403 where the bidder's admin gets 409", async () => {
    passDeadline(platform, challenge.deadline);
    for (const response of [
      await submitAs(bidder.admin.client, challenge.id, company),
      await uploadAs(bidder.admin.client, challenge.id, company),
    ]) {
      expect([response.status, response.body.code]).toEqual([409, "proposal_deadline_passed"]);
    }
    for (const client of [outsider.admin.client, city.admin.client]) {
      for (const response of [
        await submitAs(client, challenge.id, company),
        await uploadAs(client, challenge.id, company),
      ]) {
        expect([response.status, response.body.code]).toEqual([403, "not_bidder_member"]);
      }
    }
    const byMember = await uploadAs(bidderMember.client, challenge.id, company);
    expect([byMember.status, byMember.body.code]).toEqual([403, "not_bidder_admin"]);
  });
});
