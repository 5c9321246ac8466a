import { TEST_PASSWORD } from "../../../app/testing.ts";
import type { TestClient } from "../../../core/testing/http-client.ts";
import type { SubmissionResult } from "../contract.ts";
import type { EvaluationSetup, EvaluationSetupBody, WorkList } from "../contract-evaluation.ts";
import {
  type CityTeam,
  contentBody,
  openChallenge,
  type Person,
  type Provider,
  passDeadline,
  submit,
  type WatchedPlatform,
} from "./factories.ts";

/** Builders for the evaluation tests, through the API as the web app calls it. */

/** Three criteria (quality 50 and delivery 30 technical, price 20 financial) and the panel. */
export function setupBody(
  panel: Array<{ userId: string; role: "chair" | "evaluator" }>,
  overrides: Partial<EvaluationSetupBody> = {},
): EvaluationSetupBody {
  return {
    criteria: [
      {
        name: "Quality",
        description: "Does it keep basements dry?",
        weight: 50,
        kind: "technical",
      },
      { name: "Delivery", description: "Plan and team.", weight: 30, kind: "technical" },
      { name: "Price", description: "Value for money.", weight: 20, kind: "financial" },
    ],
    panel,
    blind: true,
    standstillDays: 10,
    ...overrides,
  };
}

export async function defineSetup(
  client: TestClient,
  challengeId: string,
  body: EvaluationSetupBody,
): Promise<EvaluationSetup> {
  const response = await client.put<EvaluationSetup>(
    `/api/v1/challenges/${challengeId}/evaluation`,
    body,
  );
  if (response.status !== 200) {
    throw new Error(`evaluation not defined: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function declare(
  client: TestClient,
  proposalId: string,
  verdict: "no_conflict" | "conflict",
  reason = "",
) {
  return client.post<{ standing: string; recusal: string | null }>(
    `/api/v1/proposals/${proposalId}/declaration`,
    { verdict, reason },
  );
}

export async function workList(client: TestClient, challengeId: string) {
  return client.get<WorkList>(`/api/v1/challenges/${challengeId}/evaluation/proposals`);
}

/** Scores every criterion of the setup with `values` (same order), justified. */
export async function scoreAll(
  client: TestClient,
  proposalId: string,
  setup: EvaluationSetup,
  values: number[],
  kinds: Array<"technical" | "financial"> = ["technical", "financial"],
) {
  const scores = setup.criteria.flatMap((criterion, index) =>
    kinds.includes(criterion.kind)
      ? [
          {
            criterionId: criterion.id,
            score: values[index]!,
            justification: `Scored ${values[index]} on ${criterion.name} after reading it.`,
          },
        ]
      : [],
  );
  return client.put(`/api/v1/proposals/${proposalId}/scores`, { scores });
}

/** A fresh session for a person (the clock may have moved past their first one). */
export async function signInAgain(
  platform: WatchedPlatform,
  person: Pick<Person, "email">,
): Promise<TestClient> {
  const client = platform.client();
  const response = await client.post("/api/v1/session", {
    email: person.email,
    password: TEST_PASSWORD,
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  await client.refreshSession();
  return client;
}

/** Who takes part in reaching an award: the city, its panel (chair first) and two bidders. */
export interface AwardCast {
  city: CityTeam;
  chair: Person;
  evaluators: Person[];
  winner: Provider;
  runnerUp: Provider;
}

/** A challenge with its evaluation defined and the two bidders' proposals, before its deadline. */
export interface Tendered {
  id: string;
  deadline: Date;
  setup: EvaluationSetup;
  won: SubmissionResult;
  lost: SubmissionResult;
}

/** The steps to an award, one by one, for tests that look between them; reachAward takes all. */
export async function tendered(
  platform: WatchedPlatform,
  cast: AwardCast,
  title: string,
): Promise<Tendered> {
  const challenge = await openChallenge(platform, cast.city, title);
  const setup = await defineSetup(
    cast.chair.client,
    challenge.id,
    setupBody(
      [
        { userId: cast.chair.userId, role: "chair" },
        ...cast.evaluators.map((person) => ({ userId: person.userId, role: "evaluator" as const })),
      ],
      { blind: false, standstillDays: 10 },
    ),
  );
  const won = await submit(
    cast.winner.admin.client,
    challenge.id,
    { kind: "organisation", id: cast.winner.organisation.id },
    contentBody("winner"),
  );
  const lost = await submit(
    cast.runnerUp.admin.client,
    challenge.id,
    { kind: "organisation", id: cast.runnerUp.organisation.id },
    contentBody("runner-up"),
  );
  return { ...challenge, setup, won, lost };
}

/** Past the deadline, the whole panel declares no conflict and scores: the winner's comes first. */
export async function scored(
  platform: WatchedPlatform,
  cast: AwardCast,
  challenge: Tendered,
): Promise<void> {
  passDeadline(platform, challenge.deadline);
  for (const person of [cast.chair, ...cast.evaluators]) {
    for (const [submission, values] of [
      [challenge.won, [9, 8, 7]],
      [challenge.lost, [6, 6, 6]],
    ] as const) {
      const declared = await declare(person.client, submission.proposal.id, "no_conflict");
      if (declared.status !== 200) throw new Error(`not declared: ${declared.status}`);
      const scoredNow = await scoreAll(person.client, submission.proposal.id, challenge.setup, [
        ...values,
      ]);
      if (scoredNow.status !== 200) throw new Error(`not scored: ${scoredNow.status}`);
    }
  }
}

/** The chair awards the challenge to the proposal (by default the winner's). */
export async function award(
  cast: AwardCast,
  challenge: Tendered,
  proposalId = challenge.won.proposal.id,
): Promise<void> {
  const response = await cast.chair.client.post(`/api/v1/challenges/${challenge.id}/award`, {
    proposalId,
    justification: "Best weighted score for the money.",
  });
  if (response.status !== 200) {
    throw new Error(`not awarded: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/**
 * A challenge with two proposals evaluated by the whole panel, past its deadline, awarded to the
 * winner's (in standstill) unless `awarded` is false.
 */
export async function reachAward(
  platform: WatchedPlatform,
  cast: AwardCast,
  title: string,
  { awarded = true } = {},
): Promise<Tendered> {
  const challenge = await tendered(platform, cast, title);
  await scored(platform, cast, challenge);
  if (awarded) await award(cast, challenge);
  return challenge;
}
