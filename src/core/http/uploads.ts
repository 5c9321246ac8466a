import type { FastifyError, FastifyInstance } from "fastify";
import { handleError } from "./error-handler.ts";
import { type AppError, commonErrors } from "./problem.ts";

/**
 * Raw file uploads: the request body is the file itself, whatever type the caller declares
 * (the content decides: see core/files/images.ts), read into memory up to a limit.
 */

export interface RawUploadOptions {
  /** Larger bodies are refused while they stream in (and at once when Content-Length says so). */
  maxBytes: number;
  /** The error a too-large body gets instead of the kernel's generic 413. */
  tooLarge: () => AppError;
}

/**
 * Makes a Fastify scope take raw bodies of any content type as a Buffer, up to `maxBytes`.
 * Register the upload routes inside that scope only (`app.register(async (scope) => …)`), so
 * every other route keeps refusing what is not JSON.
 */
export function acceptRawUploads(scope: FastifyInstance, options: RawUploadOptions): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: options.maxBytes },
    (_request, body, done) => done(null, body),
  );
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: FastifyError | AppError = error;
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") problem = options.tooLarge();
    // An empty or malformed Content-Type: any valid one will do, the content decides.
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      problem = commonErrors.unsupportedMediaType(
        "Send the file as the request body with its type, or application/octet-stream.",
        { errors: [{ field: "headers.content-type", message: "is not a valid media type" }] },
      );
    }
    return handleError(problem as FastifyError, request, reply);
  });
}
