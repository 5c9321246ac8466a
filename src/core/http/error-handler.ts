import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type FieldProblem, isAppError, type ProblemDocument, problemTypeFor } from "./problem.ts";

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<ProblemDocument, "type" | "instance">,
  headers?: Record<string, string>,
) {
  const document: ProblemDocument = {
    type: problemTypeFor(problem.code),
    ...problem,
    instance: request.url.split("?")[0] ?? request.url,
  };
  if (headers) reply.headers(headers);
  return reply.status(problem.status).type("application/problem+json").send(document);
}

interface ZodValidationIssue {
  instancePath: string;
  keyword: string;
  message: string;
  params: { keys?: string[] };
}

function fieldProblems(context: string, issues: ZodValidationIssue[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.instancePath.split("/").filter(Boolean);
    if (issue.keyword === "unrecognized_keys" && issue.params.keys?.length) {
      for (const key of issue.params.keys) {
        problems.push({
          field: [context, ...path, key].join("."),
          message: "is not a known field",
        });
      }
      continue;
    }
    problems.push({ field: [context, ...path].join("."), message: issue.message });
  }
  return problems;
}

/** How long a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Errors that say the database cannot be reached (not that a query was wrong): a refused or
 * dropped connection, a pool that timed out connecting, a server shutting down or starting
 * (SQLSTATE class 08 and 57P01–57P03). Drivers and the ORM wrap them, so causes are followed.
 */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
]);
const UNREACHABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    if (
      typeof message === "string" &&
      UNREACHABLE_MESSAGES.some((text) => message.includes(text))
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}

/**
 * Every error leaves as problem+json: request validation names each field and why; body
 * parse and size errors say what is wrong with the body; an unreachable database is a 503 with
 * Retry-After; anything unexpected is logged and answered with a bare 500 that reveals nothing.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Fastify calls the query string "querystring"; fields are named as documented ("query.limit").
    const context =
      error.validationContext === "querystring" ? "query" : (error.validationContext ?? "body");
    return sendProblem(reply, request, {
      status: 400,
      code: "validation_failed",
      title: "The request is not valid",
      detail: `Check the ${context === "params" ? "address" : context}: ${error.validation.length} problem(s).`,
      errors: fieldProblems(context, error.validation as unknown as ZodValidationIssue[]),
    });
  }
  if (isAppError(error)) {
    if (error.status >= 500) request.log.error({ err: error }, "service error");
    return sendProblem(
      reply,
      request,
      {
        status: error.status,
        code: error.code,
        title: error.title,
        ...(error.detail ? { detail: error.detail } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.params ? { params: error.params } : {}),
      },
      error.headers,
    );
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return sendProblem(reply, request, {
        status: 400,
        code: "malformed_body",
        title: "The request body is not valid JSON",
        detail: error.message,
        errors: [{ field: "body", message: "is not valid JSON" }],
      });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return sendProblem(reply, request, {
        status: 413,
        code: "payload_too_large",
        title: "The request body is too large",
        detail: error.message,
        errors: [{ field: "body", message: "is larger than the server accepts" }],
      });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return sendProblem(reply, request, {
        status: 415,
        code: "unsupported_media_type",
        title: "Unsupported content type",
        detail: "Send JSON with Content-Type: application/json.",
        errors: [{ field: "headers.content-type", message: "must be application/json" }],
      });
  }
  if (error instanceof SyntaxError) {
    return sendProblem(reply, request, {
      status: 400,
      code: "malformed_body",
      title: "The request body is not valid JSON",
      detail: error.message,
      errors: [{ field: "body", message: "is not valid JSON" }],
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, request, {
      status,
      code: (error.code ?? "bad_request").toLowerCase(),
      title: error.message || "Bad request",
    });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, "database unavailable");
    return sendProblem(
      reply,
      request,
      {
        status: 503,
        code: "database_unavailable",
        title: "The service is briefly unavailable",
        detail: "Its database cannot be reached. Try again in a few seconds.",
      },
      { "retry-after": String(RETRY_AFTER_SECONDS) },
    );
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, request, {
    status: 500,
    code: "internal_error",
    title: "Something went wrong on our side",
    detail: `Quote request id ${request.id} when reporting this.`,
  });
}

export function handleApiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, request, {
    status: 404,
    code: "not_found",
    title: "Not found",
    detail: `No route ${request.method} ${request.url.split("?")[0]}`,
  });
}
