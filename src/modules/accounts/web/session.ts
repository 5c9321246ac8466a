import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, setAntiForgeryToken } from "../../../ui/api/api-client.ts";
import { switchLocale } from "../../../ui/i18n/i18n.ts";
import type { CurrentUser, SessionState } from "../contract.ts";

/** Shared with every module that asks who is signed in (same key, same answer). */
export const sessionKey = ["session"] as const;

export async function fetchSession(): Promise<SessionState> {
  const session = await api.get<SessionState>("/api/v1/session");
  setAntiForgeryToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

export function useCurrentUser(): CurrentUser | null {
  return useSession().data?.user ?? null;
}

/** Admin powers need the role and, for admins, a second factor on this session. */
export function hasAdminPowers(user: CurrentUser | null): boolean {
  return Boolean(user?.platformRoles.includes("admin") && !user.twoFactorRequired);
}

/**
 * Takes a new session (after sign-in, second factor or sign-out): keeps its anti-forgery token,
 * and refetches everything else, since what a page may show depends on who is looking.
 */
export function useAdoptSession() {
  const queryClient = useQueryClient();
  return async (session: SessionState) => {
    setAntiForgeryToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
    if (session.user) await switchLocale(session.user.locale);
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "session" });
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete("/api/v1/session"),
    onSettled: async () => {
      setAntiForgeryToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** The profile changed (name, language, two-factor): update the session's copy of it. */
export function useUpdateCurrentUser() {
  const queryClient = useQueryClient();
  return (user: CurrentUser) =>
    queryClient.setQueryData<SessionState>(sessionKey, (session) =>
      session ? { ...session, user } : session,
    );
}

/** Saves the language a signed-in person picks in the header, so e-mails use it too. */
export function useSaveLocale() {
  const updateUser = useUpdateCurrentUser();
  const user = useCurrentUser();
  return (locale: CurrentUser["locale"]) => {
    if (!user || user.locale === locale) return;
    api.patch<CurrentUser>("/api/v1/me", { locale }).then(updateUser, () => {
      // The page already switched; the saved preference stays as it was until the next try.
    });
  };
}
