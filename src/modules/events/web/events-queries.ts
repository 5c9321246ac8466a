import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type { SolutionCatalogue } from "../../catalogue/contract.ts";
import type { ChallengeCatalogue } from "../../challenges/contract.ts";
import type {
  CalendarFeed,
  Event,
  EventBody,
  EventList,
  ParticipantList,
  RegistrationResult,
} from "../contract.ts";
import type { ChallengeOutcomes, OutcomesBody, OutcomesView } from "../contract-outcomes.ts";

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

export function useEvent(id: string, enabled = true) {
  return useQuery({
    queryKey: [...eventsKey, "one", id],
    queryFn: ({ signal }) => api.get<Event>(eventPath(id), undefined, signal),
    enabled,
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

export function useOutcomes(id: string) {
  return useQuery({
    queryKey: [...eventsKey, "outcomes", id],
    queryFn: ({ signal }) => api.get<OutcomesView>(`${eventPath(id)}/outcomes`, undefined, signal),
  });
}

export function useRecordOutcomes(id: string) {
  return useEventsMutation((body: OutcomesBody) =>
    apiRequest<OutcomesView>("PUT", `${eventPath(id)}/outcomes`, { json: body }),
  );
}

/** For the challenge page: outcomes of events that name the challenge. */
export function useChallengeOutcomes(challengeId: string) {
  return useQuery({
    queryKey: [...eventsKey, "outcomes-of-challenge", challengeId],
    queryFn: ({ signal }) =>
      api.get<ChallengeOutcomes>("/api/v1/events/outcomes", { challengeId }, signal),
  });
}

export type LinkSource = "challenges" | "solutions";
export interface LinkTarget {
  id: string;
  title: string;
  detail?: string;
}

/** Published challenges or catalogue solutions matching the words typed, for the link pickers. */
export function useLinkSearch(source: LinkSource, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["link-search", source, q],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<LinkTarget[]> => {
      const query = { ...(q ? { q } : {}), limit: 10 };
      if (source === "challenges") {
        const found = await api.get<ChallengeCatalogue>("/api/v1/challenges", query, signal);
        return found.challenges.map((challenge) => ({
          id: challenge.id,
          title: challenge.title,
          detail: challenge.city.name,
        }));
      }
      const found = await api.get<SolutionCatalogue>("/api/v1/solutions", query, signal);
      return found.solutions.map((solution) => ({
        id: solution.id,
        title: solution.title,
        detail: solution.provider.name,
      }));
    },
  });
}
