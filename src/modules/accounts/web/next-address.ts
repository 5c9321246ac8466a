/**
 * Where to go after signing in. Only addresses on this site, so a crafted link cannot send
 * someone elsewhere with their fresh session.
 */
export function safeNextAddress(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

export function signInAddress(next: string): string {
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
