import { useState } from "react";

/**
 * The one-time token an e-mailed link carries in its fragment (#token=…). Fragments never reach
 * a server or its logs; once read, the token is also taken out of the address bar and history.
 */
let lastRead: { path: string; token: string } | null = null;

export function readFragmentToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  const token = params.get("token");
  const path = window.location.pathname;
  if (token) {
    lastRead = { path, token };
    window.history.replaceState(window.history.state, "", path + window.location.search);
    return token;
  }
  // A second render of the same page (React's strict mode) finds the fragment already gone.
  return lastRead?.path === path ? lastRead.token : null;
}

/** Reads the token once, when the page first renders. */
export function useFragmentToken(): string | null {
  const [token] = useState(readFragmentToken);
  return token;
}

/** Forget the token read from the fragment once it has been used. */
export function forgetFragmentToken(): void {
  lastRead = null;
}
