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

/**
 * Every error leaves as problem+json: request validation names each field and why; body
 * parse and size errors say what is wrong with the body; anything unexpected is logged and
 * answered with a bare 500 that reveals nothing.
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
