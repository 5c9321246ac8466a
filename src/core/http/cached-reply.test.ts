import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ReadCache } from "../cache/read-cache.ts";
import { sendPublicRead } from "./cached-reply.ts";
import { registerCompression } from "./compression.ts";

// A public list big enough to be compressed, its query parsed with defaults like the real ones.
const Query = z.strictObject({
  city: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const Answer = z.object({ challenges: z.array(z.object({ title: z.string(), city: z.string() })) });

describe("public reads answered from the read cache", () => {
  let app: FastifyInstance;
  const cache = new ReadCache();
  let computed = 0;
  const answerFor = (query: z.infer<typeof Query>) => ({
    challenges: Array.from({ length: query.limit }, (_, index) => ({
      title: `Cool roofs for district ${index + 1}`,
      city: query.city ?? "Copenhagen",
    })),
  });

  beforeAll(async () => {
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await registerCompression(app);
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        "/challenges",
        { schema: { querystring: Query, response: { 200: Answer } } },
        async (request, reply) => {
          await sendPublicRead(request, reply, cache, async () => {
            computed += 1;
            return answerFor(request.query);
          });
          return reply;
        },
      );
    await app.ready();
  });
  afterAll(() => app.close());

  it("computes an address once and sends every encoding from the kept answer", async () => {
    const before = computed;
    const plain = await app.inject({ url: "/challenges?city=Lagos&limit=30" });
    const expected = JSON.stringify(answerFor({ city: "Lagos", limit: 30 }));
    expect(plain.body).toBe(expected);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const [accepted, decode] of [
      ["gzip, deflate, br", brotliDecompressSync],
      ["gzip", gunzipSync],
      // The same header again: the remembered choice must be the same one.
      ["gzip, deflate, br", brotliDecompressSync],
    ] as const) {
      const response = await app.inject({
        url: "/challenges?city=Lagos&limit=30",
        headers: { "accept-encoding": accepted },
      });
      expect(response.headers["content-encoding"]).toBe(accepted === "gzip" ? "gzip" : "br");
      expect(response.headers.vary).toBe("accept-encoding");
      expect(decode(response.rawPayload).toString()).toBe(expected);
    }
    const identity = await app.inject({
      url: "/challenges?city=Lagos&limit=30",
      headers: { "accept-encoding": "identity" },
    });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body).toBe(expected);
    expect(computed - before).toBe(1);
  });

  it("keys on the address as sent: another spelling of a query gets its own, equal answer", async () => {
    const before = computed;
    const first = await app.inject({ url: "/challenges?limit=25&city=Paris" });
    const reordered = await app.inject({ url: "/challenges?city=Paris&limit=25" });
    expect(reordered.body).toBe(first.body);
    expect(JSON.parse(first.body).challenges).toHaveLength(25);
    expect(computed - before).toBe(2);
    // Different queries never share: another city is another answer.
    const other = await app.inject({ url: "/challenges?limit=25&city=Lima" });
    expect(JSON.parse(other.body).challenges[0].city).toBe("Lima");
  });

  it("computes again after content changed", async () => {
    await app.inject({ url: "/challenges" });
    const before = computed;
    await app.inject({ url: "/challenges" });
    expect(computed).toBe(before);
    cache.invalidate();
    await app.inject({ url: "/challenges" });
    expect(computed).toBe(before + 1);
  });
});
