import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses, Uuid } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { isPublicChallenge, readableProcurementFacts } from "../challenges/index.ts";
import { procurementErrors } from "./errors.ts";
import { integrityRecord } from "./integrity.ts";
import { type OcdsOptions, releasePackage, releasesOf } from "./ocds.ts";
import { ocdsProcesses } from "./ocds-facts.ts";

/**
 * The publisher's ocid prefix. "ocds-csp000" is this platform's placeholder: a deployment that
 * publishes for real registers its own prefix with the Open Contracting Partnership.
 */
export const OCID_PREFIX = "ocds-csp000";

// The package is the standard's document, validated against its JSON Schema in the tests; the
// response schema names its top level and lets the releases through untouched.
const ReleasePackage = z
  .looseObject({
    uri: z.string(),
    version: z.literal("1.1"),
    publishedDate: z.string(),
    publisher: z.looseObject({ name: z.string() }),
    releases: z.array(z.looseObject({ ocid: z.string(), id: z.string(), date: z.string() })),
  })
  .meta({ id: "OcdsReleasePackage" });

const IntegrityRecord = z
  .object({
    challenge: z.object({ id: z.string(), title: z.string(), status: z.string() }),
    decided: z.boolean(),
    steps: z.array(
      z.object({
        seq: z.number().int(),
        occurredAt: z.string(),
        action: z.string(),
        details: z.record(z.string(), z.string()),
        hash: z.string(),
        prevHash: z.string(),
        intact: z.boolean(),
      }),
    ),
    sealedStepsHidden: z.boolean(),
    receiptsIssued: z.number().int().nullable(),
    conflicts: z
      .object({
        declarations: z.number().int(),
        noConflict: z.number().int(),
        declaredConflicts: z.number().int(),
        detectedConflicts: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "IntegrityRecord" });

const OcdsPageQuery = z.strictObject({
  after: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const tags = ["procurement"];

export const transparencyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const options: OcdsOptions = { ocidPrefix: OCID_PREFIX, publicUrl: ctx.publicUrl };

  const packageOf = (
    processes: Awaited<ReturnType<typeof ocdsProcesses>>,
    uri: string,
    next?: string,
  ) => {
    const releases = processes.flatMap((process) => releasesOf(process, options));
    // Generated on demand: dated by the newest change it contains.
    const newest = Math.max(0, ...releases.map((release) => Date.parse(release.date)));
    return releasePackage(releases, {
      ...options,
      uri,
      publishedDate: newest ? new Date(newest) : ctx.clock.now(),
      next,
    });
  };

  app.get(
    "/api/v1/challenges/:id/ocds",
    {
      schema: {
        tags,
        summary: "The challenge's procurement as an OCDS 1.1 release package",
        description:
          "Open Contracting Data Standard 1.1 (with the enquiries extension for the Q&A): planning, tender, " +
          "enquiries, parties (buyer, funder, enquirer, tenderer, supplier), awards, and for a pre-commercial " +
          "procurement one release per phase linked through relatedProcesses. Who asked and who tendered are " +
          "published once the procurement is decided. Drafts answer 404. See docs/procurement.md.",
        params: IdParams,
        response: { 200: ReleasePackage, ...problemResponses },
      },
    },
    async (request) => {
      const facts = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      if (facts.status === "draft") throw procurementErrors.notPublished();
      const processes = await ocdsProcesses(ctx.db, ctx.clock.now(), { ids: [facts.id] });
      return packageOf(processes, `${ctx.publicUrl}/api/v1/challenges/${facts.id}/ocds`);
    },
  );

  app.get(
    "/api/v1/ocds",
    {
      schema: {
        tags,
        summary: "Every published procurement as OCDS 1.1 release packages, a page at a time",
        description:
          "The same releases as /api/v1/challenges/{id}/ocds, for every challenge that is not a draft, in the " +
          "order they were created, `limit` challenges a page. A page that has more after it says where in " +
          "`links.next` (the OCDS pagination extension). `after` is the id of the last challenge you have: a " +
          "harvester keeps it and asks again later for what was published since. 204 when there is nothing " +
          "(yet) after it: a release package must hold at least one release.",
        querystring: OcdsPageQuery,
        response: { 200: ReleasePackage, 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { after, limit } = request.query;
      if (after && !(await isPublicChallenge(ctx.db, after))) {
        throw commonErrors.validationFailed(undefined, {
          errors: [{ field: "after", message: "no published challenge has this id" }],
        });
      }
      // One more than asked tells whether another page follows.
      const processes = await ocdsProcesses(ctx.db, ctx.clock.now(), {
        after: after ?? null,
        limit: limit + 1,
      });
      if (processes.length === 0) return reply.code(204).send();
      const page = processes.slice(0, limit);
      const addressAfter = (position: string | undefined) => {
        const address = new URL(`${ctx.publicUrl}/api/v1/ocds`);
        if (position) address.searchParams.set("after", position);
        address.searchParams.set("limit", String(limit));
        return address.toString();
      };
      const more = processes.length > limit;
      return packageOf(
        page,
        addressAfter(after),
        more ? addressAfter(page.at(-1)!.challenge.id) : undefined,
      );
    },
  );

  app.get(
    "/api/v1/challenges/:id/integrity",
    {
      schema: {
        tags,
        summary: "The public integrity record of a challenge's procurement",
        description:
          "Every audited step about the challenge, each re-hashed (`intact`); receipts issued and the " +
          "conflict-of-interest declarations in numbers. Steps that name proposals or bidders (submissions, " +
          "declarations, scores, contacts) and the numbers are published once the award is decided. The whole " +
          "chain's verification is at /api/v1/audit/verification. Drafts answer 404.",
        params: IdParams,
        response: { 200: IntegrityRecord, ...problemResponses },
      },
    },
    async (request) => {
      const facts = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      if (facts.status === "draft") throw procurementErrors.notPublished();
      return {
        challenge: { id: facts.id, title: facts.title, status: facts.status },
        ...(await integrityRecord(ctx.db, facts)),
      };
    },
  );
};
