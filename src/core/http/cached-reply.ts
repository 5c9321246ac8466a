import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReadCache } from "../cache/read-cache.ts";
import { COMPRESSION_THRESHOLD_BYTES } from "./compression.ts";
import type { KeptRead, KeptReadLookup } from "./kernel.ts";

type Encoding = "br" | "gzip";
const ENCODINGS: Encoding[] = ["br", "gzip"];

/**
 * A kept answer: its JSON, and what is sent for each encoding a client has asked for (made on
 * the first such request, then shared, so a kept list is compressed once per encoding and an
 * answer nobody reads compressed is never compressed).
 */
interface KeptAnswer {
  json: string;
  /** Worth compressing (over the kernel's threshold), worked out once. */
  compressible: boolean;
  sent: Partial<Record<Encoding | "identity", KeptRead>>;
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

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * What goes out for this answer to a client sending this Accept-Encoding: its headers and bytes,
 * the same whether a route sends it or the HTTP server does before routing (`KeptReadLookup`).
 */
function representationOf(answer: KeptAnswer, accepted: string | undefined): KeptRead {
  const encoding = answer.compressible && accepted ? encodingFor(accepted) : undefined;
  const name = encoding ?? "identity";
  let representation = answer.sent[name];
  if (!representation) {
    const body = encoding ? compressors[encoding](answer.json) : Buffer.from(answer.json);
    representation = {
      headers: {
        "content-type": JSON_TYPE,
        // The bytes differ by Accept-Encoding only when the answer is worth compressing.
        ...(answer.compressible ? { vary: "accept-encoding" } : {}),
        ...(encoding ? { "content-encoding": encoding } : {}),
        "content-length": body.length,
      },
      body,
    };
    answer.sent[name] = representation;
  }
  return representation;
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

/** A public read's key in the read cache: its method and address as sent. */
const publicReadKey = (method: string, url: string) => `${method} ${url}`;

// The JSON as UTF-16, plus room for its plain bytes and compressed copies.
const bytesOf = (answer: KeptAnswer) => answer.json.length * 4;

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
  reply.type(JSON_TYPE);
  if (!cache) {
    reply.send(await serialisedBy(reply, compute));
    return;
  }
  // The address as sent: the query the route parsed is a function of it, so equal addresses
  // share an answer. Spelling one query two ways keeps two copies, which is cheaper than
  // working out a canonical form of the parsed query on every request (a few µs each).
  const key = publicReadKey(request.method, request.url);
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
    reply.type(JSON_TYPE);
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
  return { json, compressible, sent: {} };
}

function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: KeptAnswer) {
  const { headers, body } = representationOf(answer, request.headers["accept-encoding"]);
  reply.headers(headers).send(body);
}

/**
 * The public reads kept in this cache, for the HTTP server to send before routing: an
 * anonymous GET gets exactly what `sendPublicRead` would send it for the same address.
 */
export function keptPublicReads(cache: ReadCache): KeptReadLookup {
  return (url, acceptEncoding) => {
    const answer = cache.kept<KeptAnswer>(publicReadKey("GET", url));
    return answer && representationOf(answer, acceptEncoding);
  };
}
