import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type {
  CalendarFeed,
  Event,
  EventBody,
  EventList,
  ParticipantList,
  RegistrationResult,
} from "../contract.ts";

/** Every query about events starts with this key, so one change refreshes them all. */
const eventsKey = ["events"] as const;
const eventPath = (id: string) => `/api/v1/events/${encodeURIComponent(id)}`;

export interface EventFilters {
  when: "upcoming" | "past";
  kind: string;
  mine: boolean;
}

export function useEventList(filters: EventFilters) {
  return useQuery({
    queryKey: [...eventsKey, "list", filters],
    queryFn: ({ signal }) =>
      api.get<EventList>(
        "/api/v1/events",
        {
          when: filters.when,
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.mine ? { mine: "true" } : {}),
        },
        signal,
      ),
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: [...eventsKey, "one", id],
    queryFn: ({ signal }) => api.get<Event>(eventPath(id), undefined, signal),
  });
}

export function useParticipants(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...eventsKey, "participants", id],
    queryFn: ({ signal }) =>
      api.get<ParticipantList>(`${eventPath(id)}/participants`, undefined, signal),
    enabled,
  });
}

function useEventsMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
}

export function useSaveEvent(id: string | null) {
  return useEventsMutation((body: EventBody) =>
    id
      ? apiRequest<Event>("PUT", eventPath(id), { json: body })
      : api.post<Event>("/api/v1/events", body),
  );
}

export function useEventStatus(id: string) {
  return useEventsMutation((to: "published" | "cancelled") =>
    api.post<Event>(`${eventPath(id)}/status`, { to }),
  );
}

export function useRegistration(id: string) {
  const register = useEventsMutation(() =>
    api.post<RegistrationResult>(`${eventPath(id)}/registration`),
  );
  const cancel = useEventsMutation(() => api.delete<null>(`${eventPath(id)}/registration`));
  return { register, cancel };
}

export function useCalendarFeed(enabled: boolean) {
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: [...eventsKey, "feed"],
    queryFn: ({ signal }) => api.get<CalendarFeed>("/api/v1/me/calendar-feed", undefined, signal),
    enabled,
  });
  const make = useMutation({
    mutationFn: () => api.post<CalendarFeed>("/api/v1/me/calendar-feed"),
    onSuccess: (made) => queryClient.setQueryData([...eventsKey, "feed"], made),
  });
  return { feed, make };
}
