import { sql } from "drizzle-orm";
import { DAY } from "../../core/clock.ts";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
import { tinyPng } from "../../modules/organisations/test/factories.ts";
import { contentBody, pdfBytes } from "../../modules/procurement/test/factories.ts";
import type { DemoOwner } from "../authorisation-matrix.ts";
import { DEMO_PASSWORD, demoAccounts } from "../demo.ts";
import { type DemoStage, freshAddress } from "./demo-actors.ts";

/**
 * Objects the demo data does not have, made through the API by the demo accounts that own them,
 * so that the authorisation matrix's owner column can reach routes whose path names one: a sealed
 * proposal of HydroSense with an attached PDF, a consortium the Nordic cluster leads with an
 * invitation to the research institute, an organisation invitation, a challenge attachment, a
 * solution image, a reference's evidence, a hackathon submission file, a brokerage meeting
 * request between two registered participants, and the evaluation setup of the matrix challenge.
 * Each is put into `stage.ids` under the kind `pathObjects` or a route's `objects` names; one
 * that cannot be made is left out (the matrix then treats its routes as unseeded) and reported.
 */
export interface MatrixFixtures {
  made: string[];
  failed: string[];
}

export async function seedMatrixFixtures(stage: DemoStage): Promise<MatrixFixtures> {
  const made: string[] = [];
  const failed: string[] = [];
  const as = async (owner: DemoOwner) => {
    const client = await stage.demoClient(owner);
    freshAddress(client);
    return client;
  };
  const userOf = async (owner: DemoOwner) => {
    const client = await as(owner);
    return (await client.get<{ id: string }>("/api/v1/me")).body.id;
  };
  const ok = <Body>(response: TestResponse<Body>, what: string): Body => {
    if (response.status >= 300)
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    return response.body;
  };
  async function step(kind: string, make: () => Promise<string | undefined>) {
    try {
      const id = await make();
      if (id) {
        stage.ids.set(kind, id);
        made.push(kind);
      } else failed.push(`${kind}: nothing made`);
    } catch (error) {
      failed.push(`${kind}: ${(error as Error).message}`);
    }
  }
  async function signedIn(owner: DemoOwner): Promise<TestClient> {
    const account = demoAccounts.find((candidate) => candidate.key === owner)!;
    const client = stage.platform.client();
    freshAddress(client);
    ok(
      await client.post("/api/v1/session", { email: account.email, password: DEMO_PASSWORD }),
      `sign-in of ${owner}`,
    );
    await client.refreshSession();
    return client;
  }
  const raw = (client: TestClient, url: string, bytes: Buffer, type: string) =>
    client.request<{ id: string }>("POST", url, {
      rawBody: bytes,
      headers: { "content-type": type },
    });

  const challengeId = stage.ids.get("challenge")!;
  const hydrosense = await stage.organisationOf("founder");
  const cluster = await stage.organisationOf("cluster");
  const research = await stage.organisationOf("researcher");

  // A sealed proposal of HydroSense to the matrix challenge, with a PDF attached.
  await step("proposal-file", async () => {
    const founder = await as("founder");
    const query = new URLSearchParams({
      filename: "annex.pdf",
      bidderKind: "organisation",
      bidderId: hydrosense,
    });
    const file = ok(
      await raw(
        founder,
        `/api/v1/challenges/${challengeId}/proposal-files?${query}`,
        pdfBytes("Matrix annex"),
        "application/pdf",
      ),
      "proposal file",
    );
    return file.id;
  });
  await step("proposal", async () => {
    const founder = await as("founder");
    const fileId = stage.ids.get("proposal-file");
    const submitted = ok(
      await founder.post<{ proposal: { id: string } }>(
        `/api/v1/challenges/${challengeId}/proposals`,
        {
          bidder: { kind: "organisation", id: hydrosense },
          ...contentBody("matrix", { attachments: fileId ? [fileId] : [] }),
        },
      ),
      "proposal",
    );
    return submitted.proposal.id;
  });

  // The matrix challenge's evaluation: the city official chairs, the evaluator sits on the panel.
  await step("evaluation", async () => {
    const city = await as("city");
    ok(
      await city.put(`/api/v1/challenges/${challengeId}/evaluation`, {
        criteria: [
          { name: "Quality of the approach", weight: 60, kind: "technical" },
          { name: "Price", weight: 40, kind: "financial" },
        ],
        panel: [
          { userId: await userOf("city"), role: "chair" },
          { userId: await userOf("evaluator"), role: "evaluator" },
        ],
        blind: true,
        standstillDays: 10,
      }),
      "evaluation",
    );
    return challengeId;
  });

  // A consortium the Nordic cluster leads for the challenge, inviting the research institute.
  await step("consortium", async () => {
    const lead = await as("cluster");
    const consortium = ok(
      await lead.post<{ id: string }>("/api/v1/consortia", {
        challengeId,
        leadOrganisationId: cluster,
        name: "Matrix sponge-city partnership",
        description: "Made by the authorisation matrix.",
      }),
      "consortium",
    );
    return consortium.id;
  });
  await step("consortium-invitation", async () => {
    const lead = await as("cluster");
    const consortium = ok(
      await lead.post<{ invitations: Array<{ id: string; organisation?: { id: string } }> }>(
        `/api/v1/consortia/${stage.ids.get("consortium")}/invitations`,
        { organisationId: research, role: "partner" },
      ),
      "consortium invitation",
    );
    return consortium.invitations.at(-1)?.id;
  });
  stage.ids.set("consortium-member", research);

  // An invitation to join HydroSense.
  await step("organisation-invitation", async () => {
    const founder = await as("founder");
    const invitation = ok(
      await founder.post<{ id: string }>(`/api/v1/organisations/${hydrosense}/invitations`, {
        email: "matrix-invitee@example.org",
        role: "member",
      }),
      "organisation invitation",
    );
    return invitation.id;
  });

  // A PDF attached to the challenge by the city.
  await step("challenge-attachment", async () => {
    const city = await as("city");
    const attachment = ok(
      await raw(
        city,
        `/api/v1/challenges/${challengeId}/attachments?filename=brief.pdf`,
        pdfBytes("Challenge brief"),
        "application/pdf",
      ),
      "challenge attachment",
    );
    return attachment.id;
  });

  // An image of the HydroSense solution.
  await step("solution-media", async () => {
    const founder = await as("founder");
    const solution = ok(
      await raw(
        founder,
        `/api/v1/solutions/${stage.ids.get("solution")}/media?alt=${encodeURIComponent("Sensor on a pipe")}`,
        tinyPng(),
        "image/png",
      ),
      "solution media",
    ) as unknown as { media?: Array<{ url: string }> };
    return solution.media?.at(-1)?.url.match(/\/media\/([0-9a-f-]{36})$/)?.[1];
  });

  // Evidence, on a second HydroSense reference: evidence makes a reference pending again (hidden
  // from the public), which the demo's verified reference must not become.
  await step("evidence-reference", async () => {
    const founder = await as("founder");
    const made = ok(
      await founder.post<{ id: string }>(
        `/api/v1/solutions/${stage.ids.get("solution")}/references`,
        {
          sector: "water",
          city: { name: "Valencia", country: "ES" },
          startedOn: "2024-03-01",
          endedOn: null,
          scale: "42 km of mains",
          description: "Made by the authorisation matrix.",
        },
      ),
      "reference",
    );
    return made.id;
  });
  await step("evidence", async () => {
    const founder = await as("founder");
    const reference = ok(
      await raw(
        founder,
        `/api/v1/references/${stage.ids.get("evidence-reference")}/evidence?filename=report.pdf`,
        pdfBytes("Deployment report"),
        "application/pdf",
      ),
      "evidence",
    ) as unknown as { evidence?: Array<{ id: string }> };
    return reference.evidence?.at(-1)?.id;
  });

  // A file in the Boda Volt team's hackathon submission.
  await step("hackathon-file", async () => {
    const founder = await as("founder");
    const file = ok(
      await raw(
        founder,
        `/api/v1/hackathon-teams/${stage.ids.get("hackathon-team")}/files?filename=pitch.pdf`,
        pdfBytes("Pitch deck"),
        "application/pdf",
      ),
      "hackathon file",
    );
    return file.id;
  });

  // Two participants of the brokerage day with profiles; HydroSense asks the city for a meeting.
  await step("meeting-request", async () => {
    const eventId = stage.ids.get("brokerage-event")!;
    for (const owner of ["founder", "researcher"] as const) {
      const client = await as(owner);
      const registered = await client.post(`/api/v1/events/${eventId}/registration`, {});
      if (registered.status >= 300 && registered.status !== 409)
        ok(registered, `registration of ${owner}`);
      ok(
        await client.put(`/api/v1/events/${eventId}/brokerage/profile`, {
          offer: "Leak detection for water networks",
          lookingFor: "Cities with leaky pipes",
        }),
        `brokerage profile of ${owner}`,
      );
    }
    const founder = await as("founder");
    const request = ok(
      await founder.post<{ id: string }>(`/api/v1/events/${eventId}/meeting-requests`, {
        recipientId: await userOf("researcher"),
        message: "Shall we meet?",
      }),
      "meeting request",
    );
    return request.id;
  });

  // Spares for routes that end an object, so that the demo's own stays for the routes after them.
  const rows = async (query: string) => {
    const result = await stage.platform.database.db.execute(sql.raw(query));
    return ((result as unknown as { rows?: Array<{ id: string }> }).rows ??
      (result as unknown as Array<{ id: string }>)) as Array<{ id: string }>;
  };
  await step("spare-solution", async () => {
    const [other] = await rows(
      `select id from solutions where provider_id = '${hydrosense}' and id <> '${stage.ids.get("solution")}' limit 1`,
    );
    return other?.id;
  });
  await step("spare-portfolio", async () => {
    const lead = await as("cluster");
    const portfolio = ok(
      await lead.post<{ id: string }>("/api/v1/portfolios", {
        clusterId: cluster,
        title: "Matrix spare portfolio",
        theme: "Leak detection",
      }),
      "portfolio",
    );
    return portfolio.id;
  });
  // Another of the funder's sources co-funds the matrix challenge (the demo source the matrix
  // uses elsewhere is deleted by DELETE /funding-sources/{id} before the co-funding DELETE runs).
  await step("co-funding-source", async () => {
    const [other] = await rows(
      `select id from funding_sources where funder_id = '${await stage.organisationOf("funder")}' and id <> '${stage.ids.get("funding-source")}' limit 1`,
    );
    if (!other) return undefined;
    const city = await as("city");
    ok(
      await city.put(`/api/v1/challenges/${challengeId}/co-funding`, {
        sourceId: other.id,
        amountMinor: 50_000_000,
        currency: "EUR",
      }),
      "co-funding",
    );
    return other.id;
  });
  // An affiliation the cluster proposes to HydroSense, pending its answer.
  await step("pending-affiliation", async () => {
    const lead = await as("cluster");
    const affiliation = ok(
      await lead.post<{ id: string }>("/api/v1/affiliations", {
        parentId: cluster,
        memberId: hydrosense,
      }),
      "affiliation",
    );
    return affiliation.id;
  });
  // The judge declares no conflict with Boda Volt, as judging needs before any score.
  await step("hackathon-declaration", async () => {
    const judge = await as("evaluator");
    ok(
      await judge.put(`/api/v1/hackathon-teams/${stage.ids.get("hackathon-team")}/declaration`, {
        verdict: "no_conflict",
      }),
      "hackathon declaration",
    );
    return stage.ids.get("hackathon-team");
  });

  // A challenge whose proposal deadline has passed, with HydroSense's proposal and an evaluation
  // panel, so that the panel's routes meet a proposal they may open. Made 60 days back on the
  // platform's clock, by sessions of their own (the matrix's stay untouched), then the clock returns.
  await step("evaluated-proposal", async () => {
    const now = stage.platform.clock.now();
    stage.platform.clock.set(new Date(now.getTime() - 60 * DAY));
    try {
      const city = await signedIn("city");
      const founder = await signedIn("founder");
      const past = stage.platform.clock.now().getTime();
      const challenge = ok(
        await city.post<{ id: string }>("/api/v1/challenges", {
          organisationId: await stage.organisationOf("city"),
          title: "Matrix: leak detection in the old town",
          summary: "Find leaks in the old town's water mains before they flood cellars.",
          description: "A challenge the authorisation matrix evaluates.",
          sectors: ["water"],
          capabilities: [],
          kpis: [],
          budget: null,
          minTrl: 6,
          procurementModel: "pre_commercial",
          timeline: {
            questionDeadline: new Date(past + 10 * DAY).toISOString(),
            proposalDeadline: new Date(past + 30 * DAY).toISOString(),
            awardDate: new Date(past + 90 * DAY).toISOString(),
          },
          contacts: [
            { name: "Mette Hansen", role: "Water network lead", email: "mette@example.dk" },
          ],
        }),
        "evaluated challenge",
      );
      // Its procurement plan (pre-commercial: phases that take admissions), while a draft.
      const plan = await city.put(`/api/v1/challenges/${challenge.id}/procurement-plan`, {
        answers: {
          marketSolution: "no",
          trl: 4,
          estimatedValue: { amountMinor: 150_000_000, currency: "EUR" },
          rdNeeded: true,
          buyAfterPilot: false,
          needWellDefined: true,
        },
        chosenModel: "pre_commercial",
      });
      if (plan.status === 200) {
        stage.ids.set("planned-challenge", challenge.id);
        made.push("planned-challenge");
      } else failed.push(`planned-challenge: ${plan.status} ${JSON.stringify(plan.body)}`);
      ok(
        await city.post(`/api/v1/challenges/${challenge.id}/transitions`, { to: "published" }),
        "publication",
      );
      ok(
        await city.put(`/api/v1/challenges/${challenge.id}/evaluation`, {
          criteria: [
            { name: "Quality of the approach", weight: 60, kind: "technical" },
            { name: "Price", weight: 40, kind: "financial" },
          ],
          panel: [
            { userId: await userOf("city"), role: "chair" },
            { userId: await userOf("evaluator"), role: "evaluator" },
          ],
          blind: true,
          standstillDays: 10,
        }),
        "evaluation of the evaluated challenge",
      );
      const submitted = ok(
        await founder.post<{ proposal: { id: string } }>(
          `/api/v1/challenges/${challenge.id}/proposals`,
          { bidder: { kind: "organisation", id: hydrosense }, ...contentBody("evaluated") },
        ),
        "evaluated proposal",
      );
      stage.ids.set("evaluated-challenge", challenge.id);
      return submitted.proposal.id;
    } finally {
      stage.platform.clock.set(now);
    }
  });

  return { made, failed };
}

/** The demo account whose e-mail a user id has, for declarations that depend on the demo. */
export function demoOwnerByEmail(email: string): DemoOwner | undefined {
  return demoAccounts.find((account) => account.email === email)?.key as DemoOwner | undefined;
}

/**
 * Boda Volt wins the hackathon (the admin closes submissions early and names it), so that its
 * members may start a pilot. For the owner column only, run just before it: once the winners
 * are announced the ranking and the winners' files are public, which the refusal columns must
 * not see.
 */
export async function announceDemoWinner(stage: DemoStage): Promise<string | null> {
  const admin = await stage.demoClient("admin");
  const eventId = stage.ids.get("hackathon-event")!;
  for (const [path, body] of [
    [`/api/v1/events/${eventId}/hackathon/close-submissions`, {}],
    [
      `/api/v1/events/${eventId}/hackathon/winners`,
      { winnerTeamIds: [stage.ids.get("hackathon-team")] },
    ],
  ] as const) {
    freshAddress(admin);
    const response = await admin.post(path, body);
    if (response.status >= 300)
      return `${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
  }
  return null;
}
