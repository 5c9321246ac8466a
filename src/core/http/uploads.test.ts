import { request as httpRequest } from "node:http";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffImageType } from "../files/images.ts";
import { handleError } from "./error-handler.ts";
import { AppError } from "./problem.ts";
import { acceptRawUploads } from "./uploads.ts";

const LIMIT = 64 * 1024;

describe("raw uploads", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler(handleError);
    app.register(async (scope) => {
      acceptRawUploads(scope, {
        maxBytes: LIMIT,
        tooLarge: () => new AppError({ status: 413, code: "file_too_large", title: "Too large" }),
      });
      scope.post("/upload", async (request) => ({
        bytes: Buffer.isBuffer(request.body) ? request.body.length : null,
      }));
    });
    app.post("/json", async (request) => ({ body: request.body }));
    await app.ready();
  });
  afterAll(() => app.close());

  it("takes a body of any declared type as bytes, in its own scope only", async () => {
    for (const type of ["image/png", "application/json", "application/octet-stream"]) {
      const response = await app.inject({
        method: "POST",
        url: "/upload",
        headers: { "content-type": type },
        payload: Buffer.alloc(100, 1),
      });
      expect(response.json()).toEqual({ bytes: 100 });
    }
    const elsewhere = await app.inject({
      method: "POST",
      url: "/json",
      headers: { "content-type": "image/png" },
      payload: Buffer.alloc(10),
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it("refuses a body over the limit, declared or streamed, with the scope's own error", async () => {
    const declared = await app.inject({
      method: "POST",
      url: "/upload",
      headers: { "content-type": "image/png" },
      payload: Buffer.alloc(LIMIT + 1),
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ code: "file_too_large" });

    // No Content-Length: the limit is counted as the chunks arrive, and the answer comes
    // while the caller is still sending (over a real connection, which stops being read).
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${address}/upload`, {
        method: "POST",
        headers: { "content-type": "image/png", "transfer-encoding": "chunked" },
      });
      request.on("error", reject);
      let answered = false;
      request.on("response", (response) => {
        answered = true;
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      const pump = () => {
        if (answered || request.destroyed) return;
        if (sent >= 100 * LIMIT) return request.end();
        sent += 16 * 1024;
        request.write(Buffer.alloc(16 * 1024), () => setImmediate(pump));
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "file_too_large" });
    expect(sent).toBeLessThan(100 * LIMIT);
  });

  it("names the header when the declared type is not a media type at all", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/upload",
      headers: { "content-type": "" },
      payload: Buffer.alloc(10),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().errors).toEqual([
      { field: "headers.content-type", message: "is not a valid media type" },
    ]);
  });
});

describe("sniffImageType", () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from("IHDR", "latin1"),
  ]);
  it.each([
    ["a PNG", png, "image/png"],
    ["a JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    ["a WebP", Buffer.from("RIFF\x10\0\0\0WEBPVP8L", "latin1"), "image/webp"],
    ["a GIF87a", Buffer.from("GIF87a\x01\0", "latin1"), "image/gif"],
    ["a GIF89a", Buffer.from("GIF89a\x01\0", "latin1"), "image/gif"],
    ["text", Buffer.from("a picture, honestly"), null],
    ["an SVG", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), null],
    ["a PNG signature without its header", png.subarray(0, 8), null],
    ["a RIFF that is not WebP", Buffer.from("RIFF\x10\0\0\0WAVEfmt ", "latin1"), null],
    ["nothing", Buffer.alloc(0), null],
  ])("%s", (_name, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected);
  });
});
