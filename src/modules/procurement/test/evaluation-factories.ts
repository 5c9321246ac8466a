import { TEST_PASSWORD } from "../../../app/testing.ts";
import type { TestClient } from "../../../core/testing/http-client.ts";
import type { EvaluationSetup, EvaluationSetupBody, WorkList } from "../contract-evaluation.ts";
import type { Person, WatchedPlatform } from "./factories.ts";

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
