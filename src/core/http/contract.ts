import { z } from "zod";

/** Schemas every module's contract uses; browser code may import this file. */
export const Uuid = z.uuid({ error: "must be a UUID" });

export const IdParams = z.strictObject({ id: Uuid });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** The problem's specifics (names, titles), for a translated message. */
    params: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "Problem" });

/** A downloaded file's bytes in an OpenAPI answer (sent as stored, never serialised as JSON). */
export const FileBytes = z.any().meta({ type: "string", format: "binary" });

/** A download's 200 answer for the OpenAPI document: the bytes, in one of these types. */
export function fileResponse(description: string, contentTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: FileBytes }])),
  };
}

export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
} as const;

export const Locale = z.enum(["en", "fr", "es"]);
export type Locale = z.infer<typeof Locale>;

export const Page = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const IsoDateTime = z.iso.datetime({ offset: true });

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: "must be an e-mail address" }))
  .transform((email) => email.toLowerCase());
