import { readFragmentToken } from "../../../../ui/layout/fragment-token.ts";

const STORAGE_KEY = "csp.invitation-token";

/**
 * The invitation link's token. It comes in the address fragment; it is also kept in this tab's
 * session storage, so it survives a detour through signing in or creating an account.
 */
export function takeInvitationToken(): string | null {
  const fromLink = readFragmentToken();
  try {
    if (fromLink) {
      sessionStorage.setItem(STORAGE_KEY, fromLink);
      return fromLink;
    }
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return fromLink;
  }
}

export function forgetInvitationToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
