import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES, ifNoneMatchHas, registerCompression } from "./compression.ts";

// A text file served with its content hash as ETag, big enough to be compressed.
const csv = `city,tonnes\n${"Copenhagen,12\n".repeat(COMPRESSION_THRESHOLD_BYTES)}`;
const etag = '"5f2b9c"';

describe("compression and ETags", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await registerCompression(app);
    app.get("/report.csv", async (request, reply) => {
      reply.header("etag", etag).type("text/csv; charset=utf-8");
      if (ifNoneMatchHas(request.headers["if-none-match"], etag)) return reply.code(304).send();
      return csv;
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it("gives each encoding its own ETag, and the plain bytes the file's own", async () => {
    const plain = await app.inject({ url: "/report.csv" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.etag).toBe(etag);
    expect(plain.body).toBe(csv);

    const brotli = await app.inject({ url: "/report.csv", headers: { "accept-encoding": "br" } });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.etag).toBe('"5f2b9c-br"');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(csv);

    const gzip = await app.inject({ url: "/report.csv", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.etag).toBe('"5f2b9c-gzip"');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(csv);
  });

  it("revalidates a copy kept in any encoding (304), and not a copy of other bytes", async () => {
    for (const kept of ['"5f2b9c-br"', '"5f2b9c-gzip"', etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await app.inject({
        url: "/report.csv",
        headers: { "accept-encoding": "br", "if-none-match": kept },
      });
      expect(again.statusCode, kept).toBe(304);
      expect(again.body).toBe("");
    }
    for (const other of ['"5f2b9d"', '"5f2b9c-deflate"', '"5f2b9"']) {
      const fresh = await app.inject({
        url: "/report.csv",
        headers: { "accept-encoding": "br", "if-none-match": other },
      });
      expect(fresh.statusCode, other).toBe(200);
    }
  });
});
