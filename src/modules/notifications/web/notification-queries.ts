import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, apiRequest, setAntiForgeryToken } from "../../../ui/api/api-client.ts";
import type { SessionState } from "../../accounts/contract.ts";
import type {
  Delivery,
  DeliveryPreferences,
  NotificationKind,
  NotificationList,
} from "../contract.ts";

/** Every query about notifications starts with this key, so marking read refreshes them all. */
export const notificationsKey = ["notifications"] as const;

/** How often the header asks for the unread count while someone is signed in. */
export const UNREAD_POLL_MS = 30_000;

/** Whether someone is signed in, from the same session answer the accounts pages use. */
export function useSignedIn(): { pending: boolean; signedIn: boolean } {
  const session = useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const state = await api.get<SessionState>("/api/v1/session");
      setAntiForgeryToken(state.csrfToken);
      return state;
    },
    staleTime: 60_000,
  });
  return { pending: session.isPending, signedIn: Boolean(session.data?.user) };
}

const unreadCountKey = [...notificationsKey, "unread-count"] as const;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) =>
      api.get<{ unreadCount: number }>("/api/v1/me/notifications/unread-count", undefined, signal),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 0,
  });
}

/**
 * While signed in, the unread count arrives live (server-sent events) the moment a notification
 * is made or read, from whichever server; the 30-second poll stays as the fallback.
 */
export function useLiveUnreadCount(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/me/notifications/stream");
    source.addEventListener("unread", (event) => {
      const { unreadCount } = JSON.parse((event as MessageEvent<string>).data) as {
        unreadCount: number;
      };
      // A poll still on its way was answered before this event: it must not overwrite it.
      void queryClient.cancelQueries({ queryKey: unreadCountKey, exact: true });
      const known = queryClient.getQueryData<{ unreadCount: number }>(unreadCountKey);
      queryClient.setQueryData(unreadCountKey, { unreadCount });
      // New notifications, or some read in another tab: the list pages are out of date too.
      if (known && unreadCount !== known.unreadCount) {
        void queryClient.invalidateQueries({ queryKey: [...notificationsKey, "list"] });
      }
    });
    return () => source.close();
  }, [enabled, queryClient]);
}

export function useNotificationPages(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, "list"],
    queryFn: ({ pageParam, signal }) =>
      api.get<NotificationList>(
        "/api/v1/me/notifications",
        { limit: 30, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Marks some or all read; everything about notifications (the header's count too) refreshes. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      api.post<{ unreadCount: number }>("/api/v1/me/notifications/read", which),
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData(unreadCountKey, { unreadCount });
      return queryClient.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

const preferencesKey = [...notificationsKey, "preferences"] as const;

export function useDeliveryPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      api.get<DeliveryPreferences>("/api/v1/me/notification-preferences", undefined, signal),
  });
}

export function useSaveDeliveryPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Array<{ kind: NotificationKind; delivery: Delivery }>) =>
      apiRequest<DeliveryPreferences>("PUT", "/api/v1/me/notification-preferences", {
        json: { preferences },
      }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}
