import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type {
  CoFundingList,
  DeadlineCalendar,
  FinderResult,
  FundingSource,
  SourceList,
} from "../contract.ts";

const fundingKey = ["funding"] as const;

export interface FinderFilters {
  instrument: string;
  openNow: boolean;
  sort: "fit" | "deadline";
}

/** The finder for a challenge or a consortium, with the chosen filters. */
export function useFinder(
  applicant: { challengeId: string } | { consortiumId: string } | { organisationId: string },
  filters: FinderFilters,
) {
  const query: Record<string, string> = { ...applicant, sort: filters.sort };
  if (filters.instrument) query.instrument = filters.instrument;
  if (filters.openNow) query.openNow = "true";
  return useQuery({
    queryKey: [...fundingKey, "finder", query],
    queryFn: ({ signal }) => api.get<FinderResult>("/api/v1/funding/finder", query, signal),
  });
}

export function useSources(filters: { instrument: string; openNow: boolean }) {
  const query: Record<string, string> = {};
  if (filters.instrument) query.instrument = filters.instrument;
  if (filters.openNow) query.openNow = "true";
  return useQuery({
    queryKey: [...fundingKey, "sources", query],
    queryFn: ({ signal }) => api.get<SourceList>("/api/v1/funding-sources", query, signal),
  });
}

export function useSource(id: string) {
  return useQuery({
    queryKey: [...fundingKey, "source", id],
    queryFn: ({ signal }) =>
      api.get<FundingSource>(`/api/v1/funding-sources/${id}`, undefined, signal),
  });
}

export function useDeadlines(followedOnly: boolean) {
  const query: Record<string, string> = followedOnly ? { followed: "true" } : {};
  return useQuery({
    queryKey: [...fundingKey, "deadlines", query],
    queryFn: ({ signal }) => api.get<DeadlineCalendar>("/api/v1/funding/deadlines", query, signal),
  });
}

/** Follows or stops following; every funding answer shows the new state. */
export function useFollow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, follow }: { id: string; follow: boolean }) =>
      apiRequest<FundingSource>(
        follow ? "PUT" : "DELETE",
        `/api/v1/funding-sources/${id}/follow`,
        {},
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: fundingKey }),
  });
}

/** Publishes a source, or changes the one with `id`. */
export function useSaveSource(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      id
        ? api.patch<FundingSource>(`/api/v1/funding-sources/${id}`, body)
        : api.post<FundingSource>("/api/v1/funding-sources", body),
    onSuccess: () => client.invalidateQueries({ queryKey: fundingKey }),
  });
}

export function useCoFunding(challengeId: string) {
  return useQuery({
    queryKey: [...fundingKey, "co-funding", challengeId],
    queryFn: ({ signal }) =>
      api.get<CoFundingList>(`/api/v1/challenges/${challengeId}/co-funding`, undefined, signal),
  });
}

/** Records (or changes) a co-funding of the challenge, or removes one. */
export function useSetCoFunding(challengeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { sourceId: string; amountMinor: number; currency: string } | { remove: string },
    ) =>
      "remove" in change
        ? api.delete<CoFundingList>(`/api/v1/challenges/${challengeId}/co-funding/${change.remove}`)
        : apiRequest<CoFundingList>("PUT", `/api/v1/challenges/${challengeId}/co-funding`, {
            json: change,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: fundingKey }),
  });
}
