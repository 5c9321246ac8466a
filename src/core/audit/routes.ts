import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { type AuditVerification, listAuditCheckpoints, verifyAuditChain } from "./checkpoints.ts";
import type { AuditSigner } from "./signing-key.ts";

const Checkpoint = z.object({
  seq: z.number().int(),
  hash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

const Verification = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  checkpointsChecked: z.number().int(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  verifiedAt: z.string(),
});

const VERIFICATION_CACHE_MS = 60_000;

/**
 * Public proof of the audit chain: signed checkpoints (with the key to check them) that
 * outsiders can keep, and the result of verifying the whole chain (cached for a minute, since
 * it reads every row).
 */
export const auditRoutes: FastifyPluginAsyncZod<{
  db: Db;
  signer: AuditSigner;
  now: () => Date;
}> = async (app, { db, signer, now }) => {
  let cached: { at: number; result: AuditVerification & { verifiedAt: string } } | null = null;

  app.get(
    "/api/v1/audit/checkpoints",
    {
      schema: {
        tags: ["audit"],
        summary:
          "Signed checkpoints of the audit chain, newest first, and the public key that signs them",
        response: {
          200: z.object({
            algorithm: z.literal("Ed25519"),
            keyId: z.string(),
            publicKey: z.string(),
            signedMessage: z.string(),
            checkpoints: z.array(Checkpoint),
          }),
        },
      },
    },
    async () => ({
      algorithm: "Ed25519" as const,
      keyId: signer.keyId,
      publicKey: signer.publicKeyPem,
      signedMessage:
        'UTF-8 bytes of {"hash":…,"seq":…,"signedAt":…} with keys sorted and no spaces',
      checkpoints: (await listAuditCheckpoints(db)).map((checkpoint) => ({
        ...checkpoint,
        signedAt: checkpoint.signedAt.toISOString(),
      })),
    }),
  );

  app.get(
    "/api/v1/audit/verification",
    {
      schema: {
        tags: ["audit"],
        summary: "Verifies the audit chain and every checkpoint (result cached for a minute)",
        response: { 200: Verification },
      },
    },
    async () => {
      const at = now().getTime();
      if (!cached || at - cached.at > VERIFICATION_CACHE_MS) {
        const result = await verifyAuditChain(db, signer);
        cached = { at, result: { ...result, verifiedAt: new Date(at).toISOString() } };
      }
      return cached.result;
    },
  );
};
