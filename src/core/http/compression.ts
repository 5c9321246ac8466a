import { constants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import type { FastifyInstance, onSendHookHandler } from "fastify";

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
  // Added after the plugin's own, so each route's ETag step runs after it compressed.
  app.addHook("onRoute", (route) => {
    const earlier = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...earlier, etagPerEncoding];
  });
}

/**
 * A strong ETag names one representation: the brotli and the plain bytes of a file are two, so
 * a compressed answer's ETag gets the encoding added (`"abc"` → `"abc-br"`). Otherwise a cache
 * or a range request could mix the bytes of one with the other.
 */
const etagPerEncoding: onSendHookHandler = (_request, reply, payload, done) => {
  const encoding = reply.getHeader("content-encoding");
  const etag = reply.getHeader("etag");
  if (
    typeof encoding === "string" &&
    encoding !== "identity" &&
    typeof etag === "string" &&
    etag.endsWith('"') &&
    !etag.endsWith(`-${encoding}"`)
  ) {
    reply.header("etag", `${etag.slice(0, -1)}-${encoding}"`);
  }
  done(null, payload);
};

/**
 * Whether an If-None-Match header names this ETag, in any of the encodings it went out in:
 * the weak comparison RFC 9110 asks for here (a `W/` prefix does not matter either).
 */
export function ifNoneMatchHas(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) =>
    tag
      .trim()
      .replace(/^W\//, "")
      .replace(/-(?:br|gzip)"$/, '"');
  const wanted = opaque(etag);
  return header.split(",").some((tag) => opaque(tag) === wanted);
}
