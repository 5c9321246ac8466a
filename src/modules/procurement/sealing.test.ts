import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
import type { ProposalBox, ProposalList, Receipt } from "./contract.ts";
import { declare, defineSetup, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  consortiumOf,
  contentBody,
  memberOf,
  openChallenge,
  type Person,
  type Provider,
  passDeadline,
  pdfBytes,
  platformAdmin,
  provider,
  submit,
  uploaded,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/** The matrix makes hundreds of requests: generous limits on a shared, loaded machine. */
const SLOW = 240_000;
/**
 * The seal, cell by cell: every actor × phase × read path of proposals, with the expected
 * answer written out, and — wherever an actor may not read a proposal — a check that nothing of
 * it leaks: not its bidder's name or id, not its text, not its file, not even its id in a list,
 * and a refusal that looks exactly like the answer for a proposal that does not exist.
 *
 * Two proposals to one challenge: "org", from a company (with a PDF attached), and "consortium",
 * from a consortium led by a cluster with a research institute as member. The challenge has an
 * evaluator panel (evaluation.test.ts covers the evaluation's own routes).
 */

type ActorKey =
  | "anonymous"
  | "otherCompany"
  | "bidderAdmin"
  | "bidderMember"
  | "consortiumMemberAdmin"
  | "cityMember"
  | "cityAdmin"
  | "otherCityMember"
  | "evaluator"
  | "recusedEvaluator"
  | "chair"
  | "platformAdmin";
type PhaseKey = "beforeDeadline" | "afterDeadline";
type Which = "org" | "consortium";
const both: Which[] = ["org", "consortium"];

interface Cell {
  /** GET /challenges/:id/proposals: the proposals listed. */
  list: Which[];
  /** GET /me/proposals: the proposals listed (401 for anonymous callers). */
  mine: Which[] | 401;
  /** GET /proposals/:id. */
  get: Record<Which, 200 | 404>;
  /** GET /challenges/:id/proposals/count. */
  count: 200 | 401 | 403;
  /** GET /challenges/:id/proposal-box: its count field. */
  boxCount: 2 | null;
  /** GET /proposals/:id/files/:fileId, the org proposal's PDF. */
  file: 200 | 404;
  /** POST /proposals/receipts/verify with each proposal's receipt. */
  verify: Record<Which, 200 | 404>;
}

// biome-ignore format: one line per cell reads as the table it is.
const matrix: Record<ActorKey, Record<PhaseKey, Cell>> = {
  anonymous: {
    beforeDeadline: { list: [], mine: 401, get: { org: 404, consortium: 404 }, count: 401, boxCount: null, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: 401, get: { org: 404, consortium: 404 }, count: 401, boxCount: null, file: 404, verify: { org: 200, consortium: 200 } },
  },
  otherCompany: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 403, boxCount: null, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 403, boxCount: null, file: 404, verify: { org: 200, consortium: 200 } },
  },
  bidderAdmin: {
    beforeDeadline: { list: ["org"], mine: ["org"], get: { org: 200, consortium: 404 }, count: 403, boxCount: null, file: 200, verify: { org: 200, consortium: 404 } },
    afterDeadline: { list: ["org"], mine: ["org"], get: { org: 200, consortium: 404 }, count: 403, boxCount: null, file: 200, verify: { org: 200, consortium: 200 } },
  },
  bidderMember: {
    beforeDeadline: { list: ["org"], mine: ["org"], get: { org: 200, consortium: 404 }, count: 403, boxCount: null, file: 200, verify: { org: 200, consortium: 404 } },
    afterDeadline: { list: ["org"], mine: ["org"], get: { org: 200, consortium: 404 }, count: 403, boxCount: null, file: 200, verify: { org: 200, consortium: 200 } },
  },
  consortiumMemberAdmin: {
    beforeDeadline: { list: ["consortium"], mine: ["consortium"], get: { org: 404, consortium: 200 }, count: 403, boxCount: null, file: 404, verify: { org: 404, consortium: 200 } },
    afterDeadline: { list: ["consortium"], mine: ["consortium"], get: { org: 404, consortium: 200 }, count: 403, boxCount: null, file: 404, verify: { org: 200, consortium: 200 } },
  },
  cityMember: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 200, consortium: 200 } },
  },
  cityAdmin: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 200, consortium: 200 } },
  },
  otherCityMember: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 403, boxCount: null, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 403, boxCount: null, file: 404, verify: { org: 200, consortium: 200 } },
  },
  // On the panel: before the deadline city members like the others (the count, nothing else);
  // after it each opens what they declared "no conflict" for — the evaluator only "org", the
  // recused evaluator (a conflict declared for "org") nothing, the chair both.
  evaluator: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: ["org"], mine: [], get: { org: 200, consortium: 404 }, count: 200, boxCount: 2, file: 200, verify: { org: 200, consortium: 200 } },
  },
  recusedEvaluator: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 200, consortium: 200 } },
  },
  chair: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: ["org", "consortium"], mine: [], get: { org: 200, consortium: 200 }, count: 200, boxCount: 2, file: 200, verify: { org: 200, consortium: 200 } },
  },
  platformAdmin: {
    beforeDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 403, boxCount: null, file: 404, verify: { org: 404, consortium: 404 } },
    afterDeadline: { list: [], mine: [], get: { org: 404, consortium: 404 }, count: 200, boxCount: 2, file: 404, verify: { org: 200, consortium: 200 } },
  },
};

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("the seal: actor × phase × read path", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let challenge: { id: string; deadline: Date };
  let bidder: Provider;
  let bidderMember: Person;
  let lead: Provider;
  let partner: Provider;
  let consortiumId: string;
  const proposals = {} as Record<Which, { id: string; receipt: Receipt; secrets: string[] }>;
  let fileId: string;
  let clients: Record<ActorKey, TestClient>;
  let panel: Record<"evaluator" | "recusedEvaluator" | "chair", Person>;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    const otherCity = await cityTeam(platform, "Lisbon");
    bidder = await provider(platform, "company", "DK", []);
    bidderMember = await memberOf(platform, bidder.organisation.id, "member");
    lead = await provider(platform, "cluster", "DK", []);
    partner = await provider(platform, "research", "DE", []);
    const other = await provider(platform, "company", "FR", []);
    const admin = await platformAdmin(platform);
    challenge = await openChallenge(platform, city);
    consortiumId = await consortiumOf(challenge.id, lead, partner, "Sealed Sponge Alliance");

    const orgBidder = { kind: "organisation" as const, id: bidder.organisation.id };
    const file = await uploaded(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes("ORG-ANNEX-TEXT"),
      "org-secret-annex.pdf",
    );
    fileId = file.id;
    const orgProposal = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("ORG-SECRET-TEXT", {
        price: { amountMinor: 987_654_321, currency: "EUR" },
        attachments: [file.id],
      }),
    );
    const consortiumProposal = await submit(
      lead.admin.client,
      challenge.id,
      { kind: "consortium", id: consortiumId },
      contentBody("CONSORTIUM-SECRET-TEXT", {
        price: { amountMinor: 123_456_789, currency: "DKK" },
      }),
    );
    proposals.org = {
      id: orgProposal.proposal.id,
      receipt: orgProposal.receipt,
      secrets: [
        bidder.organisation.id,
        bidder.organisation.name,
        "ORG-SECRET-TEXT",
        "987654321",
        "org-secret-annex",
        file.sha256,
        orgProposal.receipt.sha256,
      ],
    };
    proposals.consortium = {
      id: consortiumProposal.proposal.id,
      receipt: consortiumProposal.receipt,
      secrets: [
        consortiumId,
        "Sealed Sponge Alliance",
        lead.organisation.id,
        lead.organisation.name,
        partner.organisation.id,
        partner.organisation.name,
        "CONSORTIUM-SECRET-TEXT",
        "123456789",
        consortiumProposal.receipt.sha256,
      ],
    };
    // The evaluator panel, defined before the deadline (not blind: the seal is what is tested).
    panel = {
      evaluator: await memberOf(platform, city.organisationId, "member"),
      recusedEvaluator: await memberOf(platform, city.organisationId, "member"),
      chair: await memberOf(platform, city.organisationId, "member"),
    };
    await defineSetup(
      city.admin.client,
      challenge.id,
      setupBody(
        [
          { userId: panel.chair.userId, role: "chair" },
          { userId: panel.evaluator.userId, role: "evaluator" },
          { userId: panel.recusedEvaluator.userId, role: "evaluator" },
        ],
        { blind: false },
      ),
    );
    clients = {
      anonymous: platform.client(),
      otherCompany: other.admin.client,
      bidderAdmin: bidder.admin.client,
      bidderMember: bidderMember.client,
      consortiumMemberAdmin: partner.admin.client,
      cityMember: city.member.client,
      cityAdmin: city.admin.client,
      otherCityMember: otherCity.member.client,
      evaluator: panel.evaluator.client,
      recusedEvaluator: panel.recusedEvaluator.client,
      chair: panel.chair.client,
      platformAdmin: admin.client,
    };
  }, SLOW);
  afterAll(() => platform.close());

  /** Problem documents compared without `instance`, which echoes the address asked for. */
  const problemOf = (response: TestResponse) => {
    const { instance: _instance, ...rest } = response.body as Record<string, unknown>;
    return { status: response.status, ...rest };
  };

  async function checkPhase(phase: PhaseKey): Promise<string[]> {
    const problems: string[] = [];
    const base = `/api/v1/challenges/${challenge.id}`;
    const notFound = problemOf(await platform.client().get(`/api/v1/proposals/${UNKNOWN}`));
    const unknownFile = problemOf(
      await platform.client().get(`/api/v1/proposals/${UNKNOWN}/files/${UNKNOWN}`),
    );
    const unknownReceipt = problemOf(
      await platform.client().post("/api/v1/proposals/receipts/verify", {
        proposalId: UNKNOWN,
        revision: 1,
        sha256: "0".repeat(64),
      }),
    );

    for (const [actor, cells] of Object.entries(matrix) as Array<
      [ActorKey, Record<PhaseKey, Cell>]
    >) {
      const cell = cells[phase];
      const client = clients[actor];
      const where = (path: string) => `${actor} ${phase} ${path}`;
      const expect = (path: string, actual: unknown, wanted: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
          problems.push(
            `${where(path)}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`,
          );
        }
      };
      /** What the actor may not read must not show anywhere in the answer. */
      const sealedFrom = (path: string, response: TestResponse, options: { ids: boolean }) => {
        const text =
          typeof response.body === "string" ? response.body : JSON.stringify(response.body);
        for (const which of both) {
          if (cell.get[which] === 200) continue;
          const secrets = [
            ...proposals[which].secrets,
            ...(options.ids ? [proposals[which].id] : []),
          ];
          for (const secret of secrets) {
            if (text.includes(secret))
              problems.push(`${where(path)}: leaks ${which}'s "${secret}"`);
          }
        }
      };
      const listed = (body: ProposalList) =>
        both.filter((which) => body.proposals.some((entry) => entry.id === proposals[which].id));

      const list = await client.get<ProposalList>(`${base}/proposals`);
      expect("list", [list.status, listed(list.body)], [200, cell.list]);
      sealedFrom("list", list, { ids: true });

      const mine = await client.get<ProposalList>("/api/v1/me/proposals");
      expect("mine", mine.status === 200 ? listed(mine.body) : mine.status, cell.mine);
      sealedFrom("mine", mine, { ids: true });

      for (const which of both) {
        const one = await client.get(`/api/v1/proposals/${proposals[which].id}`);
        expect(`get ${which}`, one.status, cell.get[which]);
        if (cell.get[which] === 404) expect(`get ${which} refusal`, problemOf(one), notFound);
        sealedFrom(`get ${which}`, one, { ids: false });
      }

      const count = await client.get<{ count: number }>(`${base}/proposals/count`);
      expect("count", count.status, cell.count);
      if (cell.count === 200) expect("count value", count.body.count, 2);
      sealedFrom("count", count, { ids: true });

      const box = await client.get<ProposalBox>(`${base}/proposal-box`);
      expect("box", [box.status, box.body.count], [200, cell.boxCount]);
      sealedFrom("box", box, { ids: true });

      const file = await client.get(`/api/v1/proposals/${proposals.org.id}/files/${fileId}`);
      expect("file", file.status, cell.file);
      if (cell.file === 200)
        expect("file bytes", file.raw.rawPayload.equals(pdfBytes("ORG-ANNEX-TEXT")), true);
      else expect("file refusal", problemOf(file), unknownFile);
      sealedFrom("file", file, { ids: false });

      for (const which of both) {
        const verified = await client.post<{ matches: boolean }>(
          "/api/v1/proposals/receipts/verify",
          proposals[which].receipt,
        );
        expect(`verify ${which}`, verified.status, cell.verify[which]);
        if (cell.verify[which] === 200)
          expect(`verify ${which} matches`, verified.body.matches, true);
        else expect(`verify ${which} refusal`, problemOf(verified), unknownReceipt);
        sealedFrom(`verify ${which}`, verified, { ids: cell.verify[which] === 404 });
      }
    }
    return problems;
  }

  it(
    "before the deadline: the bidder's people read their own; the city counts; nobody else learns anything",
    async () => {
      expect(await checkPhase("beforeDeadline")).toEqual([]);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    "after the deadline: sealed to the city side but for the panel's declared proposals; platform admins never; receipts verifiable by anyone",
    async () => {
      passDeadline(platform, challenge.deadline);
      const declared = [
        await declare(panel.evaluator.client, proposals.org.id, "no_conflict"),
        await declare(
          panel.recusedEvaluator.client,
          proposals.org.id,
          "conflict",
          "I advised them last year.",
        ),
        await declare(panel.chair.client, proposals.org.id, "no_conflict"),
        await declare(panel.chair.client, proposals.consortium.id, "no_conflict"),
      ];
      expect(declared.map((response) => response.body)).toEqual([
        { standing: "cleared", recusal: null },
        { standing: "recused", recusal: "declared" },
        { standing: "cleared", recusal: null },
        { standing: "cleared", recusal: null },
      ]);
      expect(await checkPhase("afterDeadline")).toEqual([]);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );
});
