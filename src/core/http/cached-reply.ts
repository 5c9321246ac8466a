import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";
import { canonicalJson } from "../audit/canonical.ts";
import type { ReadCache } from "../cache/read-cache.ts";
import { COMPRESSION_THRESHOLD_BYTES } from "./compression.ts";

/** A kept answer: its JSON, and that JSON already compressed for clients that accept it. */
interface KeptAnswer {
  json: string;
  encoded: { br: Buffer; gzip: Buffer } | null;
}

const ENCODINGS = ["br", "gzip"];

/**
 * Compressed once when kept, at a stronger setting than the per-answer compression can afford
 * (every later reader gets these bytes for free).
 */
function keep(json: string): KeptAnswer {
  if (Buffer.byteLength(json) < COMPRESSION_THRESHOLD_BYTES) return { json, encoded: null };
  return {
    json,
    encoded: {
      br: brotliCompressSync(json, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzip: gzipSync(json, { level: 9 }),
    },
  };
}

const bytesOf = (answer: KeptAnswer) =>
  answer.json.length * 2 + (answer.encoded?.br.length ?? 0) + (answer.encoded?.gzip.length ?? 0);

/**
 * Answers a public read (the same for every caller) from the read cache: the key is the route
 * and its parsed query, the body the route's own schema serialisation of what `compute` returns,
 * so a kept answer is byte for byte what a fresh one would be. A client that accepts brotli or
 * gzip gets the kept compressed bytes. Without a cache it computes (and the kernel compresses).
 */
export async function sendPublicRead(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ReadCache | undefined,
  compute: () => Promise<unknown>,
): Promise<FastifyReply> {
  // The route's schema serialiser (zod: checked, then JSON) always returns a string.
  const serialised = async () => String(reply.serialize(await compute()));
  reply.type("application/json; charset=utf-8");
  if (!cache) return reply.send(await serialised());
  const key = `${request.method} ${request.routeOptions.url}?${canonicalJson(request.query)}`;
  const answer = await cache.read(key, async () => keep(await serialised()), bytesOf);
  if (!answer.encoded) return reply.send(answer.json);
  reply.header("vary", "accept-encoding");
  const accepted = request.headers["accept-encoding"];
  const encoding = accepted ? negotiate(accepted, ENCODINGS) : undefined;
  if (encoding !== "br" && encoding !== "gzip") return reply.send(answer.json);
  return reply.header("content-encoding", encoding).send(answer.encoded[encoding]);
}
