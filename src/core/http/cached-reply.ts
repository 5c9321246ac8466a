import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReadCache } from "../cache/read-cache.ts";

/** The same JSON for the same value, whatever order its keys were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === "object" && !Array.isArray(field)
      ? Object.fromEntries(
          Object.entries(field as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : field,
  );
}

/**
 * Answers a public read (the same for every caller) from the read cache: the key is the route
 * and its parsed query, the body the route's own schema serialisation of what `compute` returns,
 * so a kept answer is byte for byte what a fresh one would be. Without a cache it computes.
 */
export async function sendPublicRead(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ReadCache | undefined,
  compute: () => Promise<unknown>,
): Promise<FastifyReply> {
  // The route's schema serialiser (zod: checked, then JSON) always returns a string.
  const serialised = async () => String(reply.serialize(await compute()));
  const key = `${request.method} ${request.routeOptions.url}?${canonicalJson(request.query)}`;
  const body = cache ? await cache.read(key, serialised) : await serialised();
  return reply.type("application/json; charset=utf-8").send(body);
}
