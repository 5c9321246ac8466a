import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import type { Reference } from "./contract.ts";
import {
  addReference,
  type Cast,
  cast,
  referenceBody,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");
/** Words only the pending reference contains: a refused answer must not carry them. */
const SECRET = "Confidential pilot scale 7731";

type Role = "anonymous" | "outsider" | "provider" | "city" | "admin";
const roles: Role[] = ["anonymous", "outsider", "provider", "city", "admin"];

interface Route {
  name: string;
  call: (client: TestClient, reference: Reference) => Promise<{ status: number; body: unknown }>;
  expected: Record<Role, number>;
  /** For 200 answers that list references: whether the pending one is among them. */
  listsPending?: Partial<Record<Role, boolean>>;
}

const upload = (client: TestClient, reference: Reference) =>
  client.request("POST", `/api/v1/references/${reference.id}/evidence?filename=letter.pdf`, {
    rawBody: PDF,
    headers: { "content-type": "application/pdf" },
  });

describe("references: every route for every role, on a pending reference", () => {
  let platform: WatchedPlatform;
  let people: Cast;

  beforeAll(async () => {
    platform = await watchedPlatform();
    people = await cast(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const clientOf = (role: Role): TestClient =>
    ({
      anonymous: platform.client(),
      outsider: people.outsider.client,
      provider: people.provider.admin.client,
      city: people.city.member.client,
      admin: people.admin.client,
    })[role];

  const routes: Route[] = [
    {
      name: "GET /solutions/:id/references",
      call: (client) => client.get(`/api/v1/solutions/${people.provider.solutionId}/references`),
      expected: { anonymous: 200, outsider: 200, provider: 200, city: 200, admin: 200 },
      listsPending: { anonymous: false, outsider: false, provider: true, city: true, admin: true },
    },
    {
      name: "POST /solutions/:id/references",
      call: (client) =>
        client.post(
          `/api/v1/solutions/${people.provider.solutionId}/references`,
          referenceBody(people.city.organisationId),
        ),
      expected: { anonymous: 401, outsider: 403, provider: 201, city: 403, admin: 403 },
    },
    {
      name: "GET /references/:id",
      call: (client, reference) => client.get(`/api/v1/references/${reference.id}`),
      expected: { anonymous: 404, outsider: 404, provider: 200, city: 200, admin: 200 },
    },
    {
      name: "PATCH /references/:id",
      call: (client, reference) =>
        client.patch(`/api/v1/references/${reference.id}`, { scale: "Two districts" }),
      expected: { anonymous: 401, outsider: 404, provider: 200, city: 403, admin: 403 },
    },
    {
      name: "DELETE /references/:id",
      call: (client, reference) => client.delete(`/api/v1/references/${reference.id}`),
      expected: { anonymous: 401, outsider: 404, provider: 204, city: 403, admin: 403 },
    },
    {
      name: "POST /references/:id/verification",
      call: (client, reference) =>
        client.post(`/api/v1/references/${reference.id}/verification`, { decision: "verify" }),
      expected: { anonymous: 401, outsider: 404, provider: 403, city: 200, admin: 403 },
    },
    {
      name: "GET /organisations/:id/references (the city's)",
      call: (client) =>
        client.get(`/api/v1/organisations/${people.city.organisationId}/references`),
      expected: { anonymous: 200, outsider: 200, provider: 200, city: 200, admin: 200 },
      listsPending: { anonymous: false, outsider: false, provider: true, city: true, admin: true },
    },
    {
      name: "POST /references/:id/evidence",
      call: upload,
      expected: { anonymous: 401, outsider: 404, provider: 201, city: 403, admin: 403 },
    },
    {
      name: "GET /references/:id/evidence/:fileId",
      call: (client, reference) => client.get(reference.evidence[0]!.url),
      expected: { anonymous: 404, outsider: 404, provider: 200, city: 200, admin: 200 },
    },
    {
      name: "DELETE /references/:id/evidence/:fileId",
      call: (client, reference) => client.delete(reference.evidence[0]!.url),
      expected: { anonymous: 401, outsider: 404, provider: 200, city: 403, admin: 403 },
    },
  ];

  for (const route of routes) {
    for (const role of roles) {
      const expected = route.expected[role];
      it(`${route.name} as ${role}: ${expected}`, async () => {
        const added = await addReference(
          people.provider.admin.client,
          people.provider.solutionId,
          referenceBody(people.city.organisationId, { scale: SECRET }),
        );
        const withEvidence = (await upload(people.provider.admin.client, added)).body as Reference;
        const response = await route.call(clientOf(role), withEvidence);
        expect(response.status).toBe(expected);
        const text = JSON.stringify(response.body);
        if (expected >= 400) expect(text).not.toContain(SECRET);
        const pending = route.listsPending?.[role];
        if (pending !== undefined) expect(text.includes(withEvidence.id)).toBe(pending);
      });
    }
  }
});
