import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReadCache } from "../cache/read-cache.ts";
import { COMPRESSION_THRESHOLD_BYTES } from "./compression.ts";

type Encoding = "br" | "gzip";
const ENCODINGS: Encoding[] = ["br", "gzip"];

/**
 * A kept answer: its JSON, and that JSON compressed for each encoding a client has asked for
 * (made on the first such request, then shared, so a kept list is compressed once per encoding
 * and an answer nobody reads compressed is never compressed).
 */
interface KeptAnswer {
  json: string;
  /** Worth compressing (over the kernel's threshold), worked out once. */
  compressible: boolean;
  encoded: Partial<Record<Encoding, Buffer>>;
}

const compressors: Record<Encoding, (json: string) => Buffer> = {
  // Quality 5: a kept answer is read many times, a computed one maybe once; both must be quick.
  br: (json) =>
    brotliCompressSync(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (json) => gzipSync(json, { level: 6 }),
};

function encodedAs(answer: KeptAnswer, encoding: Encoding): Buffer {
  let bytes = answer.encoded[encoding];
  if (!bytes) {
    bytes = compressors[encoding](answer.json);
    answer.encoded[encoding] = bytes;
  }
  return bytes;
}

/**
 * The encoding an Accept-Encoding header picks, remembered per header value: clients send a
 * handful of distinct values (each browser its own), and parsing one costs more than the rest
 * of a kept answer's lookup. Bounded, so odd headers cannot grow it.
 */
const encodingsChosen = new Map<string, Encoding | undefined>();
function encodingFor(accepted: string): Encoding | undefined {
  if (encodingsChosen.has(accepted)) return encodingsChosen.get(accepted);
  const chosen = negotiate(accepted, ENCODINGS);
  const encoding = chosen === "br" || chosen === "gzip" ? chosen : undefined;
  if (encodingsChosen.size < 64) encodingsChosen.set(accepted, encoding);
  return encoding;
}

// The JSON as UTF-16, plus room for its compressed copies (a fraction of it).
const bytesOf = (answer: KeptAnswer) => answer.json.length * 3;

/**
 * Answers a public read (the same for every caller) from the read cache: the key is the
 * request's method and address, the body the route's own schema serialisation of what `compute`
 * returns, so a kept answer is byte for byte what a fresh one would be. A client that accepts
 * brotli or gzip gets the kept compressed bytes. Without a cache it computes (and the kernel
 * compresses). Resolves once it is sent, to nothing, as `KeptAnswers.send` does: the route then
 * returns `reply`. (Resolving to the reply, which is thenable, made the route's promise wait for
 * the answer to finish streaming, with a stream-end listener per request.)
 */
export async function sendPublicRead(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ReadCache | undefined,
  compute: () => Promise<unknown>,
): Promise<void> {
  reply.type("application/json; charset=utf-8");
  if (!cache) {
    reply.send(await serialisedBy(reply, compute));
    return;
  }
  // The address as sent: the query the route parsed is a function of it, so equal addresses
  // share an answer. Spelling one query two ways keeps two copies, which is cheaper than
  // working out a canonical form of the parsed query on every request (a few µs each).
  const key = `${request.method} ${request.url}`;
  const answer =
    cache.kept<KeptAnswer>(key) ??
    (await cache.read(key, async () => keptAnswerOf(await serialisedBy(reply, compute)), bytesOf));
  sendAnswer(request, reply, answer);
}

/**
 * Answers kept beside something a module keeps in the read cache, made from exactly it (a
 * published challenge's facts and its anonymous page, say): they go when it goes, so no answer
 * outlives what it was made from. Few per holder, as its variants are few.
 */
export class KeptAnswers {
  private readonly answers = new Map<string, KeptAnswer>();

  constructor(private readonly maxVariants = 8) {}

  /**
   * Sends the answer kept under `variant` (serialised by the route's schema on first use, then
   * compressed as clients ask), or computes it now and keeps it. Resolves once it is sent, to
   * nothing: a route then returns `reply` (resolving to the reply itself would wait for Fastify's
   * thenable reply to finish and hand the route `undefined`).
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    variant: string,
    compute: () => Promise<unknown>,
  ): Promise<void> {
    reply.type("application/json; charset=utf-8");
    let answer = this.answers.get(variant);
    if (!answer) {
      answer = keptAnswerOf(await serialisedBy(reply, compute));
      if (this.answers.size < this.maxVariants) this.answers.set(variant, answer);
    }
    sendAnswer(request, reply, answer);
  }
}

// The route's schema serialiser (zod: checked, then JSON) always returns a string.
const serialisedBy = async (reply: FastifyReply, compute: () => Promise<unknown>) =>
  String(reply.serialize(await compute()));

function keptAnswerOf(json: string): KeptAnswer {
  const compressible = Buffer.byteLength(json) >= COMPRESSION_THRESHOLD_BYTES;
  return { json, compressible, encoded: {} };
}

function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: KeptAnswer) {
  if (!answer.compressible) return reply.send(answer.json);
  reply.header("vary", "accept-encoding");
  const accepted = request.headers["accept-encoding"];
  const encoding = accepted ? encodingFor(accepted) : undefined;
  if (encoding !== "br" && encoding !== "gzip") return reply.send(answer.json);
  return reply.header("content-encoding", encoding).send(encodedAs(answer, encoding));
}
