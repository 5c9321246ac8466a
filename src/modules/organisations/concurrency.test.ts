import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Invitation, Organisation } from "./contract.ts";
import {
  memberOf,
  organisationWithAdmin,
  type Person,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Rules that read and then write across rows: two requests at the same time must not both pass
 * on what each read before the other wrote. On PostgreSQL they really run at once.
 */
describe("organisations under concurrent changes", () => {
  let platform: WatchedPlatform;
  let organisation: Organisation;
  let admin: Person;
  let secondAdmin: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    ({ organisation, admin } = await organisationWithAdmin(platform, { kind: "cluster" }));
    secondAdmin = await memberOf(platform, organisation.id, "admin");
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("keeps one open invitation per address when two admins invite it at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const email = uniqueEmail(`race${round}`);
      const answers = await Promise.all([
        admin.client.post<Invitation>(`/api/v1/organisations/${organisation.id}/invitations`, {
          email,
          role: "member",
        }),
        secondAdmin.client.post<Invitation>(
          `/api/v1/organisations/${organisation.id}/invitations`,
          { email, role: "admin" },
        ),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      const listed = await admin.client.get<{ invitations: Invitation[] }>(
        `/api/v1/organisations/${organisation.id}/invitations`,
      );
      const pending = listed.body.invitations.filter(
        (invitation) => invitation.email === email && invitation.status === "pending",
      );
      expect(pending).toHaveLength(1);
    }
  });

  it("refuses the second of two proposals of the same affiliation made at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const company = await organisationWithAdmin(platform, { kind: "company" });
      const answers = await Promise.all([
        company.admin.client.post("/api/v1/affiliations", {
          parentId: organisation.id,
          memberId: company.organisation.id,
        }),
        admin.client.post("/api/v1/affiliations", {
          parentId: organisation.id,
          memberId: company.organisation.id,
        }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    }
  });
});
