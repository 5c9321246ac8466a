import { constants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Text answers (JSON, problem+json, HTML, CSV, iCalendar, scripts, SVG) in brotli or gzip, as
 * the client's Accept-Encoding asks. Not live streams (server-sent events must not wait in a
 * compressor's buffer), not octet-streams (uploaded files are mostly compressed already).
 * Request bodies are never decompressed: upload limits count the bytes that arrive.
 *
 * Registered before the routes: the plugin attaches itself to each route as it is declared.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    globalCompression: true,
    globalDecompression: false,
    encodings: ["br", "gzip"],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|^application\/javascript/,
    // Quality 4, not brotli's default 11: per answer, speed matters more than the last bytes.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
