import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { TestClient } from "../../core/testing/http-client.ts";
import {
  auditMark,
  auditSince,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
  expiresAt: string | null;
}

describe("personal API tokens", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  function bearer(token: string): TestClient {
    const client = platform.client();
    client.bearerToken = token;
    return client;
  }

  async function createToken(client: TestClient, body: Record<string, unknown> = {}) {
    const response = await client.post<CreatedToken>("/api/v1/me/tokens", {
      name: "reporting script",
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it("is shown once, starts with csp_pat_, and works as a Bearer token", async () => {
    const person = await platform.signedIn();
    const mark = await auditMark(platform);
    const created = await createToken(person.client);
    expect(created.token.startsWith("csp_pat_")).toBe(true);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length);

    const listed = await person.client.get<{ tokens: Array<Record<string, unknown>> }>(
      "/api/v1/me/tokens",
    );
    expect(listed.body.tokens.map((token) => token.id)).toEqual([created.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);

    const me = await bearer(created.token).get<{ id: string }>("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(person.userId);

    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["account.api_token_created"]);
    expect(events[0]?.payload).toEqual({ tokenId: created.id, name: "reporting script" });
  });

  it("is anonymous once revoked", async () => {
    const person = await platform.signedIn();
    const created = await createToken(person.client);
    const mark = await auditMark(platform);
    expect((await person.client.delete(`/api/v1/me/tokens/${created.id}`)).status).toBe(204);
    expect((await bearer(created.token).get("/api/v1/me")).status).toBe(401);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "account.api_token_revoked",
    ]);
    // Revoking twice finds nothing to revoke.
    expect((await person.client.delete(`/api/v1/me/tokens/${created.id}`)).status).toBe(404);
  });

  it("is anonymous once expired", async () => {
    const person = await platform.signedIn();
    const created = await createToken(person.client, { expiresInDays: 1 });
    expect((await bearer(created.token).get("/api/v1/me")).status).toBe(200);
    platform.clock.advance(DAY + 1000);
    expect((await bearer(created.token).get("/api/v1/me")).status).toBe(401);
  });

  it("is anonymous when forged from the prefix or mistyped", async () => {
    const person = await platform.signedIn();
    const created = await createToken(person.client);
    expect((await bearer(`${created.prefix}forged`).get("/api/v1/me")).status).toBe(401);
    expect((await bearer(`${created.token}x`).get("/api/v1/me")).status).toBe(401);
  });

  it("cannot create more tokens", async () => {
    const person = await platform.signedIn();
    const created = await createToken(person.client);
    const script = bearer(created.token);
    const refused = await script.post("/api/v1/me/tokens", { name: "child token" });
    expect(refused.status).toBe(403);
    const listed = await person.client.get<{ tokens: unknown[] }>("/api/v1/me/tokens");
    expect(listed.body.tokens).toHaveLength(1);
  });

  it("can be revoked only by its owner", async () => {
    const owner = await platform.signedIn();
    const other = await platform.signedIn();
    const created = await createToken(owner.client);
    const mark = await auditMark(platform);

    const refused = await other.client.delete(`/api/v1/me/tokens/${created.id}`);
    expect(refused.status).toBe(404);
    expect(await auditSince(platform, mark)).toEqual([]);
    expect((await bearer(created.token).get("/api/v1/me")).status).toBe(200);
    expect(
      (await other.client.get<{ tokens: unknown[] }>("/api/v1/me/tokens")).body.tokens,
    ).toEqual([]);

    expect((await owner.client.delete(`/api/v1/me/tokens/${created.id}`)).status).toBe(204);
  });

  it("is refused to anonymous callers", async () => {
    const anonymous = platform.client();
    expect((await anonymous.get("/api/v1/me/tokens")).status).toBe(401);
    expect((await anonymous.post("/api/v1/me/tokens", { name: "x" })).status).toBe(401);
  });

  it("tells an admin's token the admin powers are in force (no second factor owed)", async () => {
    const admin = await platformAdmin(platform);
    const created = await createToken(admin.client);
    const me = await bearer(created.token).get<{
      platformRoles: string[];
      twoFactorRequired: boolean;
    }>("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.platformRoles).toContain("admin");
    expect(me.body.twoFactorRequired).toBe(false);
    expect((await bearer(created.token).get("/api/v1/admin/users")).status).toBe(200);
  });

  it("stops working when its owner is disabled", async () => {
    const admin = await platformAdmin(platform);
    const person = await platform.signedIn();
    const created = await createToken(person.client);
    await admin.client.patch(`/api/v1/admin/users/${person.userId}`, { disabled: true });
    expect((await bearer(created.token).get("/api/v1/me")).status).toBe(401);
  });
});
