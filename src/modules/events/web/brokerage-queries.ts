import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type {
  Agenda,
  Brokerage,
  BrokerageProfileBody,
  BrokerageSetupBody,
  MeetingRequest,
  MeetingRequestBody,
  MeetingRequestList,
  ProfileDirectory,
  ScheduleResult,
  UnavailableTablesBody,
} from "../contract-brokerage.ts";

/**
 * Every query about an event's 1:1 meetings starts with this key. Not under "events": a change
 * of registration refreshes the event, and a refetch of these for someone who just left would
 * be refused.
 */
const brokerageKey = (id: string) => ["brokerage", id] as const;
const path = (id: string) => `/api/v1/events/${encodeURIComponent(id)}`;

export function useBrokerage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...brokerageKey(id), "setup"],
    queryFn: ({ signal }) => api.get<Brokerage>(`${path(id)}/brokerage`, undefined, signal),
    enabled,
  });
}

export function useProfileDirectory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...brokerageKey(id), "profiles"],
    queryFn: ({ signal }) =>
      api.get<ProfileDirectory>(`${path(id)}/brokerage/profiles`, undefined, signal),
    enabled,
  });
}

export function useMeetingRequests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...brokerageKey(id), "requests"],
    queryFn: ({ signal }) =>
      api.get<MeetingRequestList>(`${path(id)}/meeting-requests`, undefined, signal),
    enabled,
  });
}

export function useAgenda(id: string) {
  return useQuery({
    queryKey: [...brokerageKey(id), "agenda"],
    queryFn: ({ signal }) => api.get<Agenda>(`${path(id)}/agenda`, undefined, signal),
  });
}

function useBrokerageMutation<Input, Output>(id: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: brokerageKey(id) }),
  });
}

export function useSaveSetup(id: string) {
  return useBrokerageMutation(id, (body: BrokerageSetupBody) =>
    apiRequest<Brokerage>("PUT", `${path(id)}/brokerage`, { json: body }),
  );
}

export function useSaveProfile(id: string) {
  return useBrokerageMutation(id, (body: BrokerageProfileBody) =>
    apiRequest<Brokerage>("PUT", `${path(id)}/brokerage/profile`, { json: body }),
  );
}

export function useRequestMeeting(id: string) {
  return useBrokerageMutation(id, (body: MeetingRequestBody) =>
    api.post<MeetingRequest>(`${path(id)}/meeting-requests`, body),
  );
}

export function useAnswerRequest(id: string) {
  return useBrokerageMutation(
    id,
    ({ requestId, answer }: { requestId: string; answer: "accepted" | "declined" }) =>
      api.post<null>(`${path(id)}/meeting-requests/${requestId}/answer`, { answer }),
  );
}

export function useScheduleMeetings(id: string) {
  return useBrokerageMutation(id, () => api.post<ScheduleResult>(`${path(id)}/brokerage/schedule`));
}

export function useCloseTables(id: string) {
  return useBrokerageMutation(id, (body: UnavailableTablesBody) =>
    apiRequest<Brokerage>("PUT", `${path(id)}/brokerage/unavailable-tables`, { json: body }),
  );
}
