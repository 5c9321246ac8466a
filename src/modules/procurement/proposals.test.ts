import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import { auditMark, auditSince, createDraft } from "../challenges/test/factories.ts";
import type {
  BidderRef,
  Proposal,
  ProposalBox,
  ProposalForm,
  Receipt,
  ReceiptVerification,
  SubmissionResult,
} from "./contract.ts";
import { procurementModule } from "./index.ts";
import {
  type CityTeam,
  cityTeam,
  consortiumOf,
  contentBody,
  getProposal,
  memberOf,
  openChallenge,
  type Person,
  type Problem,
  type Provider,
  passDeadline,
  pdfBytes,
  provider,
  submit,
  uploaded,
  uploadFile,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The canonical form as docs/procurement.md describes it, written again here from the docs
 * (not imported), so the test proves a third party can recompute a receipt's hash.
 */
function recompute(
  receipt: Receipt,
  content: {
    sections: Record<string, string>;
    price: { amountMinor: number; currency: string };
    files: Array<{ name: string; bytes: Buffer }>;
  },
): string {
  const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
  const sortedKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortedKeys)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
          )
        : value;
  const canonical = JSON.stringify(
    sortedKeys({
      format: "csp-proposal/1",
      proposalId: receipt.proposalId,
      challengeId: receipt.challengeId,
      revision: receipt.revision,
      submittedAt: receipt.submittedAt,
      sections: Object.entries(content.sections)
        .filter(([, text]) => text.trim() !== "")
        .map(([key, text]) => ({ key, text: text.trim() }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
      price: content.price,
      attachments: content.files
        .map((file) => ({ name: file.name, sha256: sha(file.bytes), sizeBytes: file.bytes.length }))
        .sort((a, b) =>
          a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : a.name < b.name ? -1 : 1,
        ),
    }),
  );
  return sha(Buffer.from(canonical, "utf8"));
}

describe("proposals", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let bidder: Provider;
  let bidderMember: Person;
  let other: Provider;
  let challenge: { id: string; deadline: Date };
  let orgBidder: BidderRef;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    bidder = await provider(platform, "company", "DK", []);
    bidderMember = await memberOf(platform, bidder.organisation.id, "member");
    other = await provider(platform, "company", "FR", []);
    orgBidder = { kind: "organisation", id: bidder.organisation.id };
  });
  beforeEach(async () => {
    platform.clock.set("2026-01-15T09:00:00.000Z");
    challenge = await openChallenge(platform, city);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const verify = (
    receipt: Pick<Receipt, "proposalId" | "revision" | "sha256">,
    client = platform.client(),
  ) => client.post<ReceiptVerification & Problem>("/api/v1/proposals/receipts/verify", receipt);
  const revise = (client: Person["client"], id: string, body: ReturnType<typeof contentBody>) =>
    client.post<SubmissionResult & Problem>(`/api/v1/proposals/${id}/revisions`, body);
  const submitRaw = (client: Person["client"], body: object, challengeId = challenge.id) =>
    client.post<SubmissionResult & Problem>(`/api/v1/challenges/${challengeId}/proposals`, body);

  it("gives a receipt anyone can recompute, and a new one for each revision", async () => {
    const annex = pdfBytes("annex one");
    const file = await uploaded(bidder.admin.client, challenge.id, orgBidder, annex, "annex.pdf");
    expect(file).toMatchObject({ filename: "annex.pdf", contentType: "application/pdf" });
    const body = contentBody("first", { attachments: [file.id] });
    const mark = await auditMark(platform);
    const first = await submit(bidder.admin.client, challenge.id, orgBidder, body);
    expect(first.receipt).toMatchObject({
      format: "csp-proposal-receipt/1",
      proposalId: first.proposal.id,
      challengeId: challenge.id,
      revision: 1,
      submittedAt: "2026-01-15T09:00:00.000Z",
      algorithm: "SHA-256",
    });
    expect(first.receipt.sha256).toBe(
      recompute(first.receipt, {
        ...body,
        files: [{ name: "annex.pdf", bytes: annex }],
      }),
    );
    expect(first.proposal).toMatchObject({
      status: "submitted",
      revision: 1,
      bidder: { kind: "organisation", id: bidder.organisation.id, name: bidder.organisation.name },
      content: { price: body.price, attachments: [{ id: file.id, sha256: file.sha256 }] },
      abilities: { revise: true, withdraw: true },
    });
    expect(first.proposal.content.sections.map((section) => section.key)).toEqual([
      "approach",
      "team",
      "work_plan",
      "price_rationale",
    ]);

    // A revision: new receipt, new hash; the first stays verifiable against what was stored.
    platform.clock.advance(DAY);
    const changed = contentBody("second", { price: { amountMinor: 99_000_000, currency: "eur" } });
    const second = await revise(bidder.admin.client, first.proposal.id, changed);
    expect(second.status).toBe(201);
    expect(second.body.receipt.revision).toBe(2);
    expect(second.body.receipt.sha256).not.toBe(first.receipt.sha256);
    expect(second.body.receipt.sha256).toBe(
      recompute(second.body.receipt, {
        ...changed,
        price: { amountMinor: 99_000_000, currency: "EUR" },
        files: [],
      }),
    );
    expect(second.body.proposal.receipts.map((receipt) => receipt.sha256)).toEqual([
      first.receipt.sha256,
      second.body.receipt.sha256,
    ]);

    // The bidder verifies before the deadline; anyone after it.
    expect((await verify(first.receipt, bidderMember.client)).body).toMatchObject({
      matches: true,
      revision: 1,
      latest: false,
    });
    expect((await verify(first.receipt)).status).toBe(404);
    passDeadline(platform, challenge.deadline);
    for (const receipt of [first.receipt, second.body.receipt]) {
      expect((await verify(receipt)).body).toMatchObject({ matches: true, status: "submitted" });
    }
    const forged = await verify({ ...first.receipt, sha256: "a".repeat(64) });
    expect(forged.body.matches).toBe(false);
    expect((await verify({ ...first.receipt, revision: 3 })).status).toBe(404);

    // The audit trail has the hashes, and neither who acted nor who bids.
    const events = await auditSince(platform, mark);
    const proposalEvents = events.filter((event) => event.action.startsWith("proposal."));
    expect(proposalEvents).toEqual([
      {
        action: "proposal.submitted",
        actorId: null,
        subjectId: first.proposal.id,
        payload: { challengeId: challenge.id, revision: 1, sha256: first.receipt.sha256 },
      },
      {
        action: "proposal.revised",
        actorId: null,
        subjectId: first.proposal.id,
        payload: { challengeId: challenge.id, revision: 2, sha256: second.body.receipt.sha256 },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(bidder.organisation.id);
  });

  it("recomputes rather than trusting the stored hash, and the database refuses to change a revision", async () => {
    const { proposal, receipt } = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("immutable"),
    );
    const db = platform.database.db;
    await expect(
      db.execute(
        sql`update proposal_revisions set price_amount_minor = 1 where proposal_id = ${proposal.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from proposal_revisions where proposal_id = ${proposal.id}`),
    ).rejects.toThrow();
    // Even with the trigger out of the way, a changed revision no longer matches its receipt.
    await db.execute(
      sql`alter table proposal_revisions disable trigger proposal_revisions_immutable`,
    );
    await db.execute(
      sql`update proposal_revisions set price_amount_minor = 1 where proposal_id = ${proposal.id}`,
    );
    await db.execute(
      sql`alter table proposal_revisions enable trigger proposal_revisions_immutable`,
    );
    expect((await verify(receipt, bidder.admin.client)).body.matches).toBe(false);
  });

  it("refuses late submissions, revisions and withdrawals with a clear error", async () => {
    const { proposal } = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("on time"),
    );
    passDeadline(platform, challenge.deadline);
    const late = await submitRaw(other.admin.client, {
      bidder: { kind: "organisation", id: other.organisation.id },
      ...contentBody("late"),
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("proposal_deadline_passed");
    const revised = await revise(bidder.admin.client, proposal.id, contentBody("late change"));
    expect([revised.status, revised.body.code]).toEqual([409, "proposal_deadline_passed"]);
    const withdrawn = await bidder.admin.client.post<Problem>(
      `/api/v1/proposals/${proposal.id}/withdraw`,
    );
    expect([withdrawn.status, withdrawn.body.code]).toEqual([409, "withdrawal_closed"]);
    const upload = await uploadFile(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes(),
      "late.pdf",
    );
    expect([upload.status, upload.body.code]).toEqual([409, "proposal_deadline_passed"]);
    const read = await getProposal(bidder.admin.client, proposal.id);
    expect(read.body.abilities).toEqual({ revise: false, withdraw: false });
  });

  it("withdraws before the deadline: the count drops, and the bidder may submit anew", async () => {
    const { proposal } = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("one"),
    );
    const again = await submitRaw(bidder.admin.client, {
      bidder: orgBidder,
      ...contentBody("two"),
    });
    expect([again.status, again.body.code]).toEqual([409, "proposal_exists"]);
    const count = async () =>
      (
        await city.member.client.get<{ count: number }>(
          `/api/v1/challenges/${challenge.id}/proposals/count`,
        )
      ).body.count;
    expect(await count()).toBe(1);
    // A plain member reads but does not act for the organisation.
    const byMember = await bidderMember.client.post<Problem>(
      `/api/v1/proposals/${proposal.id}/withdraw`,
    );
    expect([byMember.status, byMember.body.code]).toEqual([403, "not_bidder_admin"]);
    // To those who may not read it, the proposal is not there to change either.
    for (const outsider of [other.admin.client, city.admin.client]) {
      const withdrawal = await outsider.post<Problem>(`/api/v1/proposals/${proposal.id}/withdraw`);
      expect([withdrawal.status, withdrawal.body.code]).toEqual([404, "proposal_not_found"]);
      const revision = await revise(outsider, proposal.id, contentBody("not theirs"));
      expect([revision.status, revision.body.code]).toEqual([404, "proposal_not_found"]);
    }
    const mark = await auditMark(platform);
    const withdrawn = await bidder.admin.client.post<Proposal>(
      `/api/v1/proposals/${proposal.id}/withdraw`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: "withdrawn",
      abilities: { revise: false, withdraw: false },
    });
    expect(await auditSince(platform, mark)).toEqual([
      {
        action: "proposal.withdrawn",
        actorId: null,
        subjectId: proposal.id,
        payload: { challengeId: challenge.id, revision: 1 },
      },
    ]);
    expect(await count()).toBe(0);
    const twice = await bidder.admin.client.post<Problem>(
      `/api/v1/proposals/${proposal.id}/withdraw`,
    );
    expect([twice.status, twice.body.code]).toEqual([409, "proposal_withdrawn"]);
    const fresh = await submit(bidder.admin.client, challenge.id, orgBidder, contentBody("three"));
    expect(fresh.proposal.id).not.toBe(proposal.id);
    expect(await count()).toBe(1);
  });

  it("answers 400 naming each field that is wrong", async () => {
    const problems = async (body: object) => {
      const response = await submitRaw(bidder.admin.client, { bidder: orgBidder, ...body });
      expect(response.status).toBe(400);
      return response.body.errors?.map((error) => error.field).sort();
    };
    const valid = contentBody("valid");
    const { approach: _approach, ...withoutApproach } = valid.sections;
    expect(await problems({ ...valid, sections: withoutApproach })).toEqual([
      "body.sections.approach",
    ]);
    expect(await problems({ ...valid, sections: { ...valid.sections, team: "   " } })).toEqual([
      "body.sections.team",
    ]);
    expect(
      await problems({
        ...valid,
        sections: { ...valid.sections, price_rationale: "x".repeat(3001) },
      }),
    ).toEqual(["body.sections.price_rationale"]);
    expect(
      await problems({ ...valid, sections: { ...valid.sections, extra: "Not asked for" } }),
    ).toEqual(["body.sections.extra"]);
    expect(await problems({ ...valid, price: { amountMinor: 100, currency: "EURO" } })).toEqual([
      "body.price.currency",
    ]);
    expect(await problems({ ...valid, price: { amountMinor: 100, currency: "XXX" } })).toEqual([
      "body.price.currency",
    ]);
    expect(await problems({ ...valid, price: { amountMinor: -1, currency: "EUR" } })).toEqual([
      "body.price.amountMinor",
    ]);
    expect(await problems({ ...valid, price: { amountMinor: 10.5, currency: "EUR" } })).toEqual([
      "body.price.amountMinor",
    ]);
    expect(await problems({ ...valid, price: undefined })).toEqual(["body.price"]);
    // Another bidder's file cannot be attached, nor one file twice.
    const theirs = await uploaded(
      other.admin.client,
      challenge.id,
      { kind: "organisation", id: other.organisation.id },
      pdfBytes(),
      "theirs.pdf",
    );
    const mine = await uploaded(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes(),
      "mine.pdf",
    );
    expect(await problems({ ...valid, attachments: [theirs.id] })).toEqual(["body.attachments.0"]);
    expect(await problems({ ...valid, attachments: [mine.id, mine.id] })).toEqual([
      "body.attachments.1",
    ]);
    // Two problems at once, both named.
    expect(
      await problems({
        ...valid,
        sections: withoutApproach,
        price: { amountMinor: 5, currency: "ABC" },
      }),
    ).toEqual(["body.price.currency"]);
    expect(await problems({ ...valid, sections: { ...withoutApproach, team: "" } })).toEqual([
      "body.sections.approach",
      "body.sections.team",
    ]);
  });

  it("checks who submits for whom", async () => {
    const body = contentBody("who");
    const asMember = await submitRaw(bidderMember.client, { bidder: orgBidder, ...body });
    expect([asMember.status, asMember.body.code]).toEqual([403, "not_bidder_admin"]);
    const forOthers = await submitRaw(other.admin.client, { bidder: orgBidder, ...body });
    expect([forOthers.status, forOthers.body.code]).toEqual([403, "not_bidder_member"]);
    const asCity = await submitRaw(city.admin.client, {
      bidder: { kind: "organisation", id: city.organisationId },
      ...body,
    });
    expect([asCity.status, asCity.body.code]).toEqual([400, "bidder_cannot_bid"]);
    expect(asCity.body.errors).toEqual([
      { field: "body.bidder.id", message: "is a city organisation" },
    ]);
    const unknown = await submitRaw(bidder.admin.client, {
      bidder: { kind: "consortium", id: bidder.organisation.id },
      ...body,
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, "bidder_not_found"]);
    expect((await submitRaw(platform.client(), { bidder: orgBidder, ...body })).status).toBe(401);
    // A draft is not there for bidders.
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    const toDraft = await submitRaw(bidder.admin.client, { bidder: orgBidder, ...body }, draft.id);
    expect([toDraft.status, toDraft.body.code]).toEqual([404, "challenge_not_found"]);
  });

  it("takes a consortium's proposal from its lead's admins, read by every member organisation", async () => {
    const lead = await provider(platform, "cluster", "DK", []);
    const partner = await provider(platform, "research", "DE", []);
    const consortiumId = await consortiumOf(challenge.id, lead, partner, "Wet Feet Alliance");
    const asConsortium = { kind: "consortium" as const, id: consortiumId };
    const byPartner = await submitRaw(partner.admin.client, {
      bidder: asConsortium,
      ...contentBody("c"),
    });
    expect([byPartner.status, byPartner.body.code]).toEqual([403, "not_bidder_admin"]);
    const box = await lead.admin.client.get<ProposalBox>(
      `/api/v1/challenges/${challenge.id}/proposal-box`,
    );
    expect(box.body.bidders.map((entry) => [entry.kind, entry.name, entry.proposalId])).toEqual([
      ["consortium", "Wet Feet Alliance", null],
      ["organisation", lead.organisation.name, null],
    ]);
    const { proposal } = await submit(
      lead.admin.client,
      challenge.id,
      asConsortium,
      contentBody("c"),
    );
    expect(proposal.bidder).toEqual({
      kind: "consortium",
      id: consortiumId,
      name: "Wet Feet Alliance",
    });
    expect((await getProposal(partner.admin.client, proposal.id)).body.abilities).toEqual({
      revise: false,
      withdraw: false,
    });
    const after = await lead.admin.client.get<ProposalBox>(
      `/api/v1/challenges/${challenge.id}/proposal-box`,
    );
    expect(after.body.bidders[0]?.proposalId).toBe(proposal.id);
    // Dissolved, it can no longer revise, but can still withdraw.
    expect(
      (await lead.admin.client.post(`/api/v1/consortia/${consortiumId}/dissolve`)).status,
    ).toBe(200);
    const revised = await revise(lead.admin.client, proposal.id, contentBody("d"));
    expect([revised.status, revised.body.code]).toEqual([409, "consortium_dissolved"]);
    expect((await lead.admin.client.post(`/api/v1/proposals/${proposal.id}/withdraw`)).status).toBe(
      200,
    );
    // A consortium of another challenge bids for that one only.
    const elsewhere = await openChallenge(platform, city, "Heat pumps for the harbour");
    const stray = await submitRaw(
      lead.admin.client,
      {
        bidder: asConsortium,
        ...contentBody("e"),
      },
      elsewhere.id,
    );
    expect([stray.status, stray.body.code]).toEqual([400, "bidder_not_found"]);
  });

  it("takes PDF, PNG, JPEG and WebP attachments by their content, up to 10 MB, from the bidder's admins", async () => {
    const text = await uploadFile(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      Buffer.from("just text"),
      "a.pdf",
    );
    expect([text.status, text.body.code]).toEqual([415, "file_not_accepted"]);
    const html = await uploadFile(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      Buffer.from("<html><script>alert(1)</script></html>"),
      "page.pdf",
    );
    expect(html.status).toBe(415);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await uploadFile(bidder.admin.client, challenge.id, orgBidder, big, "big.pdf");
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, "file_too_large"]);
    const empty = await uploadFile(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      Buffer.alloc(0),
      "e.pdf",
    );
    expect(empty.status).toBe(415);
    const byMember = await uploadFile(
      bidderMember.client,
      challenge.id,
      orgBidder,
      pdfBytes(),
      "m.pdf",
    );
    expect([byMember.status, byMember.body.code]).toEqual([403, "not_bidder_admin"]);
    const anonymous = await uploadFile(
      platform.client(),
      challenge.id,
      orgBidder,
      pdfBytes(),
      "a.pdf",
    );
    expect(anonymous.status).toBe(401);
    const named = await uploaded(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes(),
      'plan "final"/v2.pdf',
    );
    expect(named.filename).toBe("plan final_v2.pdf");
    // Unattached files are cleared after a day; attached ones stay.
    const kept = await uploaded(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes("kept"),
      "kept.pdf",
    );
    const { proposal } = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("files", { attachments: [kept.id] }),
    );
    platform.clock.advance(2 * DAY);
    await procurementModule(platform.ctx).housekeeping?.();
    const download = await bidder.admin.client.get(
      `/api/v1/proposals/${proposal.id}/files/${kept.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    const gone = await submitRaw(bidder.admin.client, {
      bidder: orgBidder,
      ...contentBody("gone", { attachments: [named.id] }),
    });
    expect(gone.body.errors?.[0]?.field).toBe("body.attachments.0");
  });

  it("lets the city define the form before any proposal arrives, and checks proposals against it", async () => {
    const formPath = `/api/v1/challenges/${challenge.id}/proposal-form`;
    const initial = await platform.client().get<ProposalForm>(formPath);
    expect(initial.body).toMatchObject({ custom: false, editable: false });
    expect((await city.member.client.get<ProposalForm>(formPath)).body.editable).toBe(true);
    const sections = [
      {
        key: "solution",
        title: "Your solution",
        guidance: "What and how.",
        required: true,
        maxLength: 200,
      },
      { key: "extras", title: "Anything else", required: false },
    ];
    expect((await bidder.admin.client.put(formPath, { sections })).status).toBe(403);
    const duplicate = await city.member.client.put<Problem>(formPath, {
      sections: [sections[0], sections[0]],
    });
    expect(duplicate.body.errors?.map((error) => error.field)).toEqual(["body.sections.1.key"]);
    const defined = await city.member.client.put<ProposalForm>(formPath, { sections });
    expect(defined.status).toBe(200);
    expect(defined.body).toMatchObject({
      custom: true,
      editable: true,
      sections: [
        { key: "solution", required: true, maxLength: 200 },
        { key: "extras", required: false, maxLength: 5000, guidance: "" },
      ],
    });
    const wrong = await submitRaw(bidder.admin.client, {
      bidder: orgBidder,
      ...contentBody("old form"),
    });
    expect(wrong.body.errors?.map((error) => error.field).sort()).toEqual([
      "body.sections.approach",
      "body.sections.price_rationale",
      "body.sections.solution",
      "body.sections.team",
      "body.sections.work_plan",
    ]);
    await submit(bidder.admin.client, challenge.id, orgBidder, {
      ...contentBody("new form"),
      sections: { solution: "Sponge streets." },
    });
    const locked = await city.member.client.put<Problem>(formPath, { sections });
    expect([locked.status, locked.body.code]).toEqual([409, "form_locked"]);
    expect((await city.member.client.get<ProposalForm>(formPath)).body.editable).toBe(false);
  });

  it("keeps proposals out of the public export", async () => {
    await submit(bidder.admin.client, challenge.id, orgBidder, contentBody("EXPORT-SECRET"));
    const exported = await platform.client().get<string>("/api/v1/export?format=bundle");
    expect(exported.status).toBe(200);
    const text = typeof exported.body === "string" ? exported.body : JSON.stringify(exported.body);
    expect(text).not.toContain("EXPORT-SECRET");
  });
});
