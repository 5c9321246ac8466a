/** The one cookie the platform sets: an opaque session token, stored only as a hash. */
export const SESSION_COOKIE = "csp_session";

/** Header the web app echoes on every write made with the session cookie. */
export const CSRF_HEADER = "x-csrf-token";

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    maxAge: maxAgeSeconds,
  };
}

/** What the kernel reads from a request to say who is calling. */
export interface Credentials {
  sessionToken: string | undefined;
  bearerToken: string | undefined;
}
