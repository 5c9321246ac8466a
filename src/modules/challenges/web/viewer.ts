import { useQuery } from "@tanstack/react-query";
import { api, setAntiForgeryToken } from "../../../ui/api/api-client.ts";
import type { SessionState } from "../../accounts/contract.ts";

/**
 * Who is looking, read from the same session answer the accounts pages use (same query key),
 * through the accounts contract only.
 */
export function useViewer() {
  const session = useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const state = await api.get<SessionState>("/api/v1/session");
      setAntiForgeryToken(state.csrfToken);
      return state;
    },
    staleTime: 60_000,
  });
  return { pending: session.isPending, user: session.data?.user ?? null };
}

export function signInAddressFor(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
