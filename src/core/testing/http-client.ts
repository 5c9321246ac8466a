import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { CSRF_HEADER, SESSION_COOKIE } from "../auth/session-cookie.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface TestResponse<Body = unknown> {
  status: number;
  headers: LightMyRequestResponse["headers"];
  body: Body;
  raw: LightMyRequestResponse;
}

/**
 * A browser-like caller for app.inject: keeps the session cookie and sends the CSRF token on
 * writes, as the web app does. `as(…)`-style helpers live in the app's test harness.
 */
export class TestClient {
  sessionToken: string | undefined;
  csrfToken: string | null = null;
  bearerToken: string | undefined;
  ip = "198.51.100.7";

  constructor(private readonly app: FastifyInstance) {}

  async request<Body = unknown>(
    method: Method,
    url: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      csrf?: boolean;
      rawBody?: string | Buffer;
    } = {},
  ): Promise<TestResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.sessionToken) headers.cookie = `${SESSION_COOKIE}=${this.sessionToken}`;
    if (this.bearerToken) headers.authorization = `Bearer ${this.bearerToken}`;
    if (method !== "GET" && options.csrf !== false && this.csrfToken)
      headers[CSRF_HEADER] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (options.rawBody !== undefined) {
      payload = options.rawBody;
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload } : {}),
    });
    const setCookie = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    if (setCookie) this.sessionToken = setCookie.value || undefined;
    const type = String(response.headers["content-type"] ?? "");
    const body = type.includes("json") && response.body ? JSON.parse(response.body) : response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: body as Body,
      raw: response,
    };
  }

  get<Body = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<Body>("GET", url, headers ? { headers } : {});
  }
  post<Body = unknown>(url: string, body?: unknown) {
    return this.request<Body>("POST", url, { body: body ?? {} });
  }
  patch<Body = unknown>(url: string, body: unknown) {
    return this.request<Body>("PATCH", url, { body });
  }
  put<Body = unknown>(url: string, body: unknown) {
    return this.request<Body>("PUT", url, { body });
  }
  delete<Body = unknown>(url: string, body?: unknown) {
    return this.request<Body>("DELETE", url, body === undefined ? {} : { body });
  }

  /** Reads the session state and keeps its CSRF token, as the web app does on load. */
  async refreshSession() {
    const response = await this.get<{ csrfToken: string | null }>("/api/v1/session");
    this.csrfToken = response.body.csrfToken;
    return response;
  }
}
