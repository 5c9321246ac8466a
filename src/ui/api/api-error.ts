/** A field the server found wrong, as RFC 9457 `errors[]` names it ("body.email"). */
export interface FieldProblem {
  field: string;
  message: string;
}

interface ProblemShape {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  errors?: FieldProblem[] | undefined;
  params?: Record<string, string> | undefined;
}

/**
 * What an API call that failed tells the page: the problem document's code (stable, to pick a
 * translation), its title and detail (English, a fallback), the fields it names, and how long
 * to wait when the server asks for a pause (Retry-After).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldProblems: FieldProblem[];
  /** The problem's specifics, put into its translated message. */
  readonly params: Record<string, string>;
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: ProblemShape, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldProblems = problem.errors ?? [];
    this.params = problem.params ?? {};
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The server's message about one field, matched on its last path segment ("body.email" → "email"). */
  messageFor(field: string): string | undefined {
    return this.fieldProblems.find(
      (problem) => problem.field === field || problem.field.split(".").slice(1).join(".") === field,
    )?.message;
  }

  /** Field problems that no form field shows, so they still reach the person. */
  problemsOutside(fields: readonly string[]): FieldProblem[] {
    return this.fieldProblems.filter((problem) => {
      const name = problem.field.split(".").slice(1).join(".");
      return !fields.includes(name) && !fields.includes(problem.field);
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const networkFailure = (): ApiError =>
  new ApiError({ status: 0, code: "network_error", title: "The server could not be reached" });
