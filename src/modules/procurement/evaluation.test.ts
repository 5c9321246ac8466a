import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
import { seedMembership } from "../organisations/index.ts";
import type { AwardNotice, EvaluationSetup, Ranking, WorkList } from "./contract-evaluation.ts";
import { declare, defineSetup, scoreAll, setupBody } from "./test/evaluation-factories.ts";
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
 * The evaluation's authorisation matrix: every evaluation route × actor × phase, the expected
 * answer written out per cell, and — wherever an actor may not know something — a check that it
 * is in no answer: not a proposal's text, price or file (unless they may open it), not who bid
 * (unless they may know: the panel after the blind phase, everyone for the winner once awarded).
 *
 * One challenge with a blind evaluation; two proposals: "org" from a company (a PDF whose name
 * says who bids) and "consortium" from a cluster-led consortium with a research institute. The
 * panel: a chair and an evaluator, who declare "no conflict" for both, and a recused evaluator,
 * a former member of the company (detected) who declares a conflict for the consortium.
 * Phases: before the deadline; blind (after it); evaluation (technical scores locked); awarded.
 */

type ActorKey =
  | "anonymous"
  | "otherCompany"
  | "bidder"
  | "consortiumMember"
  | "cityMember"
  | "evaluator"
  | "recusedEvaluator"
  | "chair"
  | "platformAdmin";
type PhaseKey = "beforeDeadline" | "blind" | "evaluation" | "awarded";
type Which = "org" | "consortium";
const both: Which[] = ["org", "consortium"];
/** Done by the journey itself (it changes the phase), not as a cell. */
type Transition = "transition";

interface Cell {
  /** GET /challenges/:id/evaluation: 200 with the panel, or with the panel left out. */
  setup: "panel" | "public";
  /** PUT /challenges/:id/evaluation (the same setup again). */
  define: 200 | 401 | 403 | 409;
  /** GET …/evaluation/proposals (the work list). */
  work: 200 | 401 | 403 | 409;
  /** GET /proposals/:id for each proposal (the seal). */
  get: Record<Which, 200 | 404>;
  /** GET /proposals/:id/files/:fileId of the org proposal's PDF. */
  file: 200 | 404;
  /** POST /proposals/:consortium/declaration "no conflict". */
  declare: 200 | 401 | 404 | 409;
  /** PUT /proposals/:org/scores on the price criterion (financial: never locked). */
  score: 200 | 401 | 403 | 404 | 409;
  /** POST …/evaluation/lock-technical. */
  lock: 401 | 403 | 409 | Transition;
  /** GET …/evaluation/ranking. */
  ranking: 200 | 401 | 403 | 409;
  /** POST …/award. */
  award: 401 | 403 | 409 | Transition;
  /** GET …/award-notice (public once awarded). */
  notice: 200 | 404;
  /** GET and POST …/contacts. */
  contacts: 200 | 401 | 403;
  record: 201 | 401 | 403;
}

// biome-ignore format: one line per cell reads as the table it is.
const matrix: Record<ActorKey, Record<PhaseKey, Cell>> = {
  anonymous: {
    beforeDeadline: { setup: "public", define: 401, work: 401, get: { org: 404, consortium: 404 }, file: 404, declare: 401, score: 401, lock: 401, ranking: 401, award: 401, notice: 404, contacts: 401, record: 401 },
    blind: { setup: "public", define: 401, work: 401, get: { org: 404, consortium: 404 }, file: 404, declare: 401, score: 401, lock: 401, ranking: 401, award: 401, notice: 404, contacts: 401, record: 401 },
    evaluation: { setup: "public", define: 401, work: 401, get: { org: 404, consortium: 404 }, file: 404, declare: 401, score: 401, lock: 401, ranking: 401, award: 401, notice: 404, contacts: 401, record: 401 },
    awarded: { setup: "public", define: 401, work: 401, get: { org: 404, consortium: 404 }, file: 404, declare: 401, score: 401, lock: 401, ranking: 401, award: 401, notice: 200, contacts: 401, record: 401 },
  },
  otherCompany: {
    beforeDeadline: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    blind: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    evaluation: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    awarded: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 403, record: 403 },
  },
  bidder: {
    beforeDeadline: { setup: "public", define: 403, work: 403, get: { org: 200, consortium: 404 }, file: 200, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    blind: { setup: "public", define: 403, work: 403, get: { org: 200, consortium: 404 }, file: 200, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    evaluation: { setup: "public", define: 403, work: 403, get: { org: 200, consortium: 404 }, file: 200, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    awarded: { setup: "public", define: 403, work: 403, get: { org: 200, consortium: 404 }, file: 200, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 403, record: 403 },
  },
  consortiumMember: {
    beforeDeadline: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 200 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    blind: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 200 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    evaluation: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 200 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    awarded: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 200 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 403, record: 403 },
  },
  cityMember: {
    beforeDeadline: { setup: "panel", define: 200, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    blind: { setup: "panel", define: 409, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    evaluation: { setup: "panel", define: 409, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    awarded: { setup: "panel", define: 409, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 200, record: 201 },
  },
  evaluator: {
    beforeDeadline: { setup: "panel", define: 200, work: 409, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    blind: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 200, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    evaluation: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 200, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    awarded: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 409, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 200, record: 201 },
  },
  recusedEvaluator: {
    beforeDeadline: { setup: "panel", define: 200, work: 409, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    blind: { setup: "panel", define: 409, work: 200, get: { org: 404, consortium: 404 }, file: 404, declare: 409, score: 403, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    evaluation: { setup: "panel", define: 409, work: 200, get: { org: 404, consortium: 404 }, file: 404, declare: 409, score: 403, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 200, record: 201 },
    awarded: { setup: "panel", define: 409, work: 200, get: { org: 404, consortium: 404 }, file: 404, declare: 409, score: 403, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 200, record: 201 },
  },
  chair: {
    beforeDeadline: { setup: "panel", define: 200, work: 409, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 409, ranking: 409, award: 409, notice: 404, contacts: 200, record: 201 },
    blind: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 200, lock: "transition", ranking: 200, award: 409, notice: 404, contacts: 200, record: 201 },
    evaluation: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 200, lock: 409, ranking: 200, award: "transition", notice: 404, contacts: 200, record: 201 },
    awarded: { setup: "panel", define: 409, work: 200, get: { org: 200, consortium: 200 }, file: 200, declare: 409, score: 409, lock: 409, ranking: 200, award: 409, notice: 200, contacts: 200, record: 201 },
  },
  platformAdmin: {
    beforeDeadline: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    blind: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    evaluation: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 404, contacts: 403, record: 403 },
    awarded: { setup: "public", define: 403, work: 403, get: { org: 404, consortium: 404 }, file: 404, declare: 404, score: 404, lock: 403, ranking: 403, award: 403, notice: 200, contacts: 403, record: 403 },
  },
};

const panelActors: ActorKey[] = ["evaluator", "recusedEvaluator", "chair"];

describe("evaluation: route × actor × phase", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let challenge: { id: string; deadline: Date };
  let bidder: Provider;
  let lead: Provider;
  let partner: Provider;
  let other: Provider;
  let chair: Person;
  let evaluator: Person;
  let recused: Person;
  let setup: EvaluationSetup;
  let fileId: string;
  const proposals = {} as Record<Which, { id: string; identity: string[]; content: string[] }>;
  let clients: Record<ActorKey, TestClient>;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    bidder = await provider(platform, "company", "DK", []);
    lead = await provider(platform, "cluster", "DK", []);
    partner = await provider(platform, "research", "DE", []);
    other = await provider(platform, "company", "FR", []);
    const admin = await platformAdmin(platform);
    chair = await memberOf(platform, city.organisationId, "member");
    evaluator = await memberOf(platform, city.organisationId, "member");
    recused = await memberOf(platform, city.organisationId, "member");
    // The recused evaluator worked for the bidding company until today: detected, not a party.
    await seedMembership(platform.ctx, bidder.organisation.id, recused.userId, "member");
    const left = await recused.client.delete(
      `/api/v1/organisations/${bidder.organisation.id}/members/${recused.userId}`,
    );
    if (left.status !== 204) throw new Error(`did not leave: ${left.status}`);
    challenge = await openChallenge(platform, city);
    const consortiumId = await consortiumOf(challenge.id, lead, partner, "Blind Sponge Alliance");

    const orgBidder = { kind: "organisation" as const, id: bidder.organisation.id };
    const file = await uploaded(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      pdfBytes("ORG-ANNEX"),
      "hydroblind-annex.pdf",
    );
    fileId = file.id;
    const org = await submit(
      bidder.admin.client,
      challenge.id,
      orgBidder,
      contentBody("ORG-EVAL-TEXT", {
        price: { amountMinor: 876_543_210, currency: "EUR" },
        attachments: [file.id],
      }),
    );
    const consortium = await submit(
      lead.admin.client,
      challenge.id,
      { kind: "consortium", id: consortiumId },
      contentBody("CONSORTIUM-EVAL-TEXT", { price: { amountMinor: 234_567_890, currency: "DKK" } }),
    );
    proposals.org = {
      id: org.proposal.id,
      identity: [bidder.organisation.id, bidder.organisation.name, "hydroblind-annex"],
      content: ["ORG-EVAL-TEXT", "876543210", org.receipt.sha256],
    };
    proposals.consortium = {
      id: consortium.proposal.id,
      identity: [
        consortiumId,
        "Blind Sponge Alliance",
        lead.organisation.id,
        lead.organisation.name,
        partner.organisation.id,
        partner.organisation.name,
      ],
      content: ["CONSORTIUM-EVAL-TEXT", "234567890", consortium.receipt.sha256],
    };

    setup = await defineSetup(
      city.admin.client,
      challenge.id,
      setupBody([
        { userId: chair.userId, role: "chair" },
        { userId: evaluator.userId, role: "evaluator" },
        { userId: recused.userId, role: "evaluator" },
      ]),
    );
    clients = {
      anonymous: platform.client(),
      otherCompany: other.admin.client,
      bidder: bidder.admin.client,
      consortiumMember: partner.admin.client,
      cityMember: city.member.client,
      evaluator: evaluator.client,
      recusedEvaluator: recused.client,
      chair: chair.client,
      platformAdmin: admin.client,
    };
  }, SLOW);
  afterAll(() => platform.close());

  async function checkPhase(phase: PhaseKey): Promise<string[]> {
    const problems: string[] = [];
    const base = `/api/v1/challenges/${challenge.id}`;
    for (const [actor, cells] of Object.entries(matrix) as Array<
      [ActorKey, Record<PhaseKey, Cell>]
    >) {
      const cell = cells[phase];
      const client = clients[actor];
      const onPanel = panelActors.includes(actor);
      const where = (path: string) => `${actor} ${phase} ${path}`;
      const expectCell = (path: string, actual: unknown, wanted: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
          problems.push(
            `${where(path)}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`,
          );
        }
      };
      /** What the actor may not know appears nowhere in the answer. */
      const sealedFrom = (path: string, response: TestResponse) => {
        const text =
          typeof response.body === "string" ? response.body : JSON.stringify(response.body);
        for (const which of both) {
          const readable = cell.get[which] === 200;
          // The winner's price is its award's value: public in the notice.
          const secrets = readable
            ? []
            : proposals[which].content.filter(
                (secret) =>
                  !(
                    (phase === "awarded" &&
                      which === "org" &&
                      secret === "876543210" &&
                      path === "notice") ||
                    // Receipt hashes join the public integrity record with the award (a hash
                    // tells nothing of the content; bidders find their receipts there).
                    (phase === "awarded" &&
                      path === "integrity" &&
                      secret === proposals[which].content[2])
                  ),
              );
          // Who bids: the bidder's own people; the panel after the blind phase; the winner's
          // name for everyone once awarded (the notice). Never to the panel while blind.
          const knowsIdentity =
            (readable && !(onPanel && phase === "blind")) ||
            (onPanel && (phase === "evaluation" || phase === "awarded"));
          if (!knowsIdentity) {
            const hidden = proposals[which].identity.filter(
              (secret) =>
                !(
                  (phase === "awarded" &&
                    which === "org" &&
                    secret === bidder.organisation.name &&
                    path === "notice") ||
                  // OCDS names the supplier (name and id) once awarded; never a losing bidder.
                  (phase === "awarded" &&
                    which === "org" &&
                    path === "ocds" &&
                    (secret === bidder.organisation.name || secret === bidder.organisation.id))
                ),
            );
            secrets.push(...hidden);
          }
          for (const secret of secrets) {
            if (text.includes(secret))
              problems.push(`${where(path)}: leaks ${which}'s "${secret}"`);
          }
        }
      };
      const statusOf = (response: TestResponse) => response.status;

      const read = await client.get<EvaluationSetup>(`${base}/evaluation`);
      expectCell(
        "setup",
        [read.status, read.body.panel === null ? "public" : "panel"],
        [200, cell.setup],
      );
      sealedFrom("setup", read);

      const define = await client.put(
        `${base}/evaluation`,
        setupBody([
          { userId: chair.userId, role: "chair" },
          { userId: evaluator.userId, role: "evaluator" },
          { userId: recused.userId, role: "evaluator" },
        ]),
      );
      expectCell("define", statusOf(define), cell.define);
      sealedFrom("define", define);
      if (define.status === 200) setup = define.body as EvaluationSetup;

      const work = await client.get<WorkList>(`${base}/evaluation/proposals`);
      expectCell("work", work.status, cell.work);
      sealedFrom("work", work);
      if (work.status === 200) {
        const listed = work.body.proposals.map((entry) => entry.proposalId).sort();
        expectCell("work proposals", listed, both.map((which) => proposals[which].id).sort());
        if (phase === "blind") {
          expectCell(
            "work blind",
            work.body.proposals.map((entry) => entry.bidder),
            [null, null],
          );
        }
      }

      for (const which of both) {
        const one = await client.get<{ bidder: unknown; pseudonym: string | null }>(
          `/api/v1/proposals/${proposals[which].id}`,
        );
        expectCell(`get ${which}`, one.status, cell.get[which]);
        sealedFrom(`get ${which}`, one);
        if (one.status === 200 && onPanel) {
          expectCell(`get ${which} pseudonym`, /^[A-Z]+$/.test(one.body.pseudonym ?? ""), true);
          expectCell(`get ${which} bidder`, one.body.bidder === null, phase === "blind");
        }
      }

      const file = await client.get(`/api/v1/proposals/${proposals.org.id}/files/${fileId}`);
      expectCell("file", file.status, cell.file);
      if (file.status === 200) {
        const disposition = String(file.raw.headers["content-disposition"] ?? "");
        expectCell(
          "file name",
          disposition.includes("hydroblind"),
          !(onPanel && phase === "blind"),
        );
      }
      sealedFrom("file", file);

      const declared = await client.post(
        `/api/v1/proposals/${proposals.consortium.id}/declaration`,
        {
          verdict: "no_conflict",
          reason: "",
        },
      );
      expectCell("declare", declared.status, cell.declare);
      sealedFrom("declare", declared);

      const price = setup.criteria.find((criterion) => criterion.kind === "financial")!;
      const scored = await client.put(`/api/v1/proposals/${proposals.org.id}/scores`, {
        scores: [{ criterionId: price.id, score: 7, justification: "Fair price for the scope." }],
      });
      expectCell("score", scored.status, cell.score);
      sealedFrom("score", scored);

      if (cell.lock !== "transition") {
        const lock = await client.post(`${base}/evaluation/lock-technical`);
        expectCell("lock", lock.status, cell.lock);
        sealedFrom("lock", lock);
      }

      const ranking = await client.get<Ranking>(`${base}/evaluation/ranking`);
      expectCell("ranking", ranking.status, cell.ranking);
      sealedFrom("ranking", ranking);

      if (cell.award !== "transition") {
        const award = await client.post(`${base}/award`, {
          proposalId: proposals.org.id,
          justification: "The best value for Østerbro's basements, by a clear margin.",
        });
        expectCell("award", award.status, cell.award);
        sealedFrom("award", award);
      }

      const notice = await client.get<AwardNotice>(`${base}/award-notice`);
      expectCell("notice", notice.status, cell.notice);
      sealedFrom("notice", notice);

      // Transparency is public in every phase; what it says is sealed like the rest.
      for (const path of ["ocds", "integrity"] as const) {
        const published = await client.get(`${base}/${path}`);
        expectCell(path, published.status, 200);
        sealedFrom(path, published);
      }

      const contacts = await client.get(`${base}/contacts`);
      expectCell("contacts", contacts.status, cell.contacts);
      sealedFrom("contacts", contacts);
      const record = await client.post(`${base}/contacts`, {
        organisationId: other.organisation.id,
        contactAt: platform.clock.now().toISOString(),
        channel: "email",
        subject: "Answered a question about the site visit.",
      });
      expectCell("record", record.status, cell.record);
      sealedFrom("record", record);
    }
    return problems;
  }

  it(
    "before the deadline: the city defines; nobody on the city side opens anything",
    async () => {
      expect(await checkPhase("beforeDeadline")).toEqual([]);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    "blind: cleared evaluators open proposals without who bids; the recused one opens nothing",
    async () => {
      passDeadline(platform, challenge.deadline);
      for (const which of both) {
        expect((await declare(chair.client, proposals[which].id, "no_conflict")).status).toBe(200);
        expect((await declare(evaluator.client, proposals[which].id, "no_conflict")).status).toBe(
          200,
        );
      }
      const detected = await declare(recused.client, proposals.org.id, "no_conflict");
      expect(detected.body).toEqual({ standing: "recused", recusal: "detected" });
      const declared = await declare(
        recused.client,
        proposals.consortium.id,
        "conflict",
        "My sister leads the research institute's team.",
      );
      expect(declared.body).toEqual({ standing: "recused", recusal: "declared" });
      expect(await checkPhase("blind")).toEqual([]);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    "evaluation: the chair locks technical scores, identities show to the panel",
    async () => {
      // Technical scores while blind: org 8, 7 / 9, 6 → quality 8.5, delivery 6.5.
      expect(
        (await scoreAll(evaluator.client, proposals.org.id, setup, [8, 7, 6], ["technical"]))
          .status,
      ).toBe(200);
      expect(
        (await scoreAll(chair.client, proposals.org.id, setup, [9, 6, 8], ["technical"])).status,
      ).toBe(200);
      expect(
        (await scoreAll(evaluator.client, proposals.consortium.id, setup, [5, 5, 5])).status,
      ).toBe(200);
      const lock = await chair.client.post(
        `/api/v1/challenges/${challenge.id}/evaluation/lock-technical`,
      );
      expect(lock.status).toBe(200);
      // Locked: technical scores no longer change.
      const late = await scoreAll(
        evaluator.client,
        proposals.org.id,
        setup,
        [1, 1, 1],
        ["technical"],
      );
      expect([late.status, (late.body as { code: string }).code]).toEqual([
        409,
        "technical_locked",
      ]);
      expect(await checkPhase("evaluation")).toEqual([]);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    "awarded: the chair awards; the notice is public, final once the standstill ends",
    async () => {
      const ranking = await chair.client.get<Ranking>(
        `/api/v1/challenges/${challenge.id}/evaluation/ranking`,
      );
      // org: quality (8 + 9) / 2 = 8.5, delivery (7 + 6) / 2 = 6.5, price 7 (both scored 7 in the
      // matrix) → 50 × 0.85 + 30 × 0.65 + 20 × 0.7 = 42.5 + 19.5 + 14 = 76.
      // consortium: 5, 5, 5 → 50.
      const totals = Object.fromEntries(
        ranking.body.proposals.map((row) => [row.proposalId, [row.total, row.rank]]),
      );
      expect(totals[proposals.org.id]).toEqual([76, 1]);
      expect(totals[proposals.consortium.id]).toEqual([50, 2]);
      const award = await chair.client.post<AwardNotice>(
        `/api/v1/challenges/${challenge.id}/award`,
        {
          proposalId: proposals.org.id,
          justification: "The best value for Østerbro's basements, by a clear margin.",
        },
      );
      expect(award.status).toBe(200);
      expect(award.body.final).toBe(false);
      const status = await platform
        .client()
        .get<{ status: string }>(`/api/v1/challenges/${challenge.id}`);
      expect(status.body.status).toBe("awarded");
      expect(await checkPhase("awarded")).toEqual([]);

      const notice = await platform
        .client()
        .get<AwardNotice>(`/api/v1/challenges/${challenge.id}/award-notice`);
      expect(notice.body).toMatchObject({
        winner: { kind: "organisation", name: bidder.organisation.name },
        value: { amountMinor: 876_543_210, currency: "EUR" },
        final: false,
        ranking: { evaluated: 2, winnerTotal: 76, winnerRank: 1 },
      });
      expect(notice.body.contacts.length).toBeGreaterThan(0);
      platform.clock.advance(10 * DAY);
      const later = await platform
        .client()
        .get<AwardNotice>(`/api/v1/challenges/${challenge.id}/award-notice`);
      expect(later.body.final).toBe(true);
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );
});
