/**
 * Errors as RFC 9457 problem details. Modules declare their coded errors with defineErrors;
 * the error handler turns any AppError into application/problem+json.
 */
export interface FieldProblem {
  /** Where the problem is: "body.email", "params.id", "query.limit", or "body" for the whole. */
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  /** The problem's specifics as plain strings, so pages can put them into their own language. */
  params?: Record<string, string>;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly params: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(options: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    errors?: FieldProblem[];
    params?: Record<string, string>;
    headers?: Record<string, string>;
  }) {
    super(options.detail ?? options.title);
    this.status = options.status;
    this.code = options.code;
    this.title = options.title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.params = options.params;
    this.headers = options.headers;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

interface ErrorSpec {
  status: number;
  title: string;
}

type ErrorFactory = (
  detail?: string,
  extra?: {
    errors?: FieldProblem[];
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
) => AppError;

/**
 * A module's error catalogue: stable codes, one HTTP status and title each.
 * `errors.emailTaken("…")` makes an AppError with code "email_taken".
 */
export function defineErrors<const Specs extends Record<string, ErrorSpec>>(
  specs: Specs,
): { [Name in keyof Specs]: ErrorFactory } & { codes: { [Name in keyof Specs]: string } } {
  const factories: Record<string, unknown> = {};
  const codes: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const code = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    codes[name] = code;
    factories[name] = ((detail, extra) =>
      new AppError({
        status: spec.status,
        code,
        title: spec.title,
        ...(detail ? { detail } : {}),
        ...(extra?.errors ? { errors: extra.errors } : {}),
        ...(extra?.params ? { params: extra.params } : {}),
        ...(extra?.headers ? { headers: extra.headers } : {}),
      })) satisfies ErrorFactory;
  }
  factories.codes = codes;
  return factories as never;
}

/** Errors every module uses. */
export const commonErrors = defineErrors({
  validationFailed: { status: 400, title: "The request is not valid" },
  unauthenticated: { status: 401, title: "Sign in first" },
  forbidden: { status: 403, title: "You may not do this" },
  notFound: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "The request conflicts with the current state" },
  payloadTooLarge: { status: 413, title: "The request body is too large" },
  unsupportedMediaType: { status: 415, title: "Unsupported content type" },
  tooManyRequests: { status: 429, title: "Too many requests" },
  serviceUnavailable: { status: 503, title: "The service is unavailable" },
});

export function problemTypeFor(code: string): string {
  return `/problems/${code.replaceAll("_", "-")}`;
}
