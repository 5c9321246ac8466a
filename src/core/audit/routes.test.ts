import { createPublicKey, verify } from "node:crypto";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../app/testing.ts";
import { createAuditCheckpoint, verifyAuditChain } from "./checkpoints.ts";
import { auditEvents } from "./schema.ts";

interface PublishedCheckpoints {
  algorithm: string;
  keyId: string;
  publicKey: string;
  checkpoints: Array<{
    seq: number;
    hash: string;
    signedAt: string;
    keyId: string;
    signature: string;
  }>;
}

/** What an outsider does with the published document: node:crypto and the documented message. */
function outsiderVerifies(
  publicKeyPem: string,
  checkpoint: { seq: number; hash: string; signedAt: string },
  signature: string,
): boolean {
  // Keys sorted, no spaces: hash, seq, signedAt.
  const message = `{"hash":${JSON.stringify(checkpoint.hash)},"seq":${checkpoint.seq},"signedAt":${JSON.stringify(checkpoint.signedAt)}}`;
  return verify(
    null,
    Buffer.from(message, "utf8"),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, "base64"),
  );
}

describe("published audit proof", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  async function signUp(email: string) {
    const response = await platform.client().post("/api/v1/accounts", {
      email,
      name: "Audit Person",
      password: "a long and unusual passphrase 7",
    });
    expect(response.status).toBe(202);
  }

  it("publishes checkpoints an outsider can check with the public key alone", async () => {
    await signUp("first@example.org");
    platform.clock.advance(60_000);
    await createAuditCheckpoint(platform.database.db, platform.clock, platform.signer);
    await signUp("second@example.org");
    platform.clock.advance(60_000);
    await createAuditCheckpoint(platform.database.db, platform.clock, platform.signer);

    const response = await platform.client().get<PublishedCheckpoints>("/api/v1/audit/checkpoints");
    expect(response.status).toBe(200);
    const published = response.body;
    expect(published.algorithm).toBe("Ed25519");
    expect(published.checkpoints).toHaveLength(2);
    const [newer, older] = published.checkpoints;
    expect(newer!.seq).toBeGreaterThan(older!.seq);

    const rows = await platform.database.db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(asc(auditEvents.seq));
    for (const checkpoint of published.checkpoints) {
      expect(checkpoint.keyId).toBe(published.keyId);
      expect(outsiderVerifies(published.publicKey, checkpoint, checkpoint.signature)).toBe(true);
      // It signs the chain as it is.
      expect(rows.find((row) => row.seq === checkpoint.seq)?.hash).toBe(checkpoint.hash);
      // Any change to what was signed fails the check.
      expect(
        outsiderVerifies(
          published.publicKey,
          { ...checkpoint, seq: checkpoint.seq + 1 },
          checkpoint.signature,
        ),
      ).toBe(false);
      expect(
        outsiderVerifies(
          published.publicKey,
          { ...checkpoint, hash: "0".repeat(64) },
          checkpoint.signature,
        ),
      ).toBe(false);
    }
    expect(newer!.seq).toBe(rows[rows.length - 1]!.seq);

    // What an outsider kept can be handed back to the verifier.
    const kept = published.checkpoints.map((checkpoint) => ({
      ...checkpoint,
      signedAt: new Date(checkpoint.signedAt),
    }));
    expect(await verifyAuditChain(platform.database.db, platform.signer, kept)).toMatchObject({
      ok: true,
      checkpointsChecked: 4,
    });
  });

  it("reports the verification of the whole chain", async () => {
    const count = (await platform.database.db.select().from(auditEvents)).length;
    const response = await platform.client().get<{
      ok: boolean;
      count: number;
      checkpointsChecked: number;
      firstBreak: unknown;
    }>("/api/v1/audit/verification");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ok: true,
      count,
      checkpointsChecked: 2,
      firstBreak: null,
    });
  });
});
