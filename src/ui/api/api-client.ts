import { ApiError, networkFailure } from "./api-error.ts";

/**
 * The typed fetch wrapper every page uses. It sends the session's anti-forgery token on writes
 * (the server refuses cookie writes without it) and turns problem+json answers into ApiError.
 */

let antiForgeryToken: string | null = null;

/** Kept from the latest session answer; echoed as X-CSRF-Token on every write. */
export function setAntiForgeryToken(token: string | null): void {
  antiForgeryToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (an uploaded file), with its own content type. */
  raw?: Blob;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function stringParams(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object") return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

async function problemOf(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterOf(response);
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<ConstructorParameters<typeof ApiError>[0]>;
      return new ApiError(
        {
          status: response.status,
          code: typeof body.code === "string" ? body.code : `http_${response.status}`,
          title: typeof body.title === "string" ? body.title : response.statusText,
          detail: typeof body.detail === "string" ? body.detail : undefined,
          errors: Array.isArray(body.errors) ? body.errors : undefined,
          params: stringParams(body.params),
        },
        retryAfter,
      );
    } catch {
      // Fall through to a problem made from the status alone.
    }
  }
  return new ApiError(
    { status: response.status, code: `http_${response.status}`, title: response.statusText },
    retryAfter,
  );
}

export async function apiRequest<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw;
    // A file the browser cannot type (type "") still goes out with a valid Content-Type.
    headers["content-type"] = options.raw.type || "application/octet-stream";
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] = "application/json";
  }
  if (method !== "GET" && antiForgeryToken) headers["x-csrf-token"] = antiForgeryToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: body ?? null,
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkFailure();
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204 || response.headers.get("content-length") === "0") {
    return undefined as T;
  }
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>("GET", path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, json?: unknown) => apiRequest<T>("POST", path, { json: json ?? {} }),
  patch: <T>(path: string, json: unknown) => apiRequest<T>("PATCH", path, { json }),
  put: <T>(path: string, raw: Blob) => apiRequest<T>("PUT", path, { raw }),
  delete: <T = void>(path: string, json?: unknown) =>
    apiRequest<T>("DELETE", path, json === undefined ? {} : { json }),
};
