import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type {
  DeclarationBody,
  FreeParticipants,
  Gallery,
  Hackathon,
  HackathonSettingsBody,
  InvitationBody,
  Judging,
  PilotBody,
  Ranking,
  ScoresBody,
  SubmissionBody,
  SubmissionFile,
  Team,
  TeamBody,
} from "../contract.ts";

/** Every query of a hackathon starts with this key, so any change refreshes all of them. */
const hackathonKey = (eventId: string) => ["hackathon", eventId] as const;
const eventPath = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/hackathon`;
const teamPath = (teamId: string) => `/api/v1/hackathon-teams/${encodeURIComponent(teamId)}`;

export function useHackathon(eventId: string) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "overview"],
    queryFn: ({ signal }) => api.get<Hackathon>(eventPath(eventId), undefined, signal),
  });
}

export function useTeam(eventId: string, teamId: string | null) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "team", teamId],
    queryFn: ({ signal }) => api.get<Team>(teamPath(teamId!), undefined, signal),
    enabled: teamId !== null,
  });
}

export function useFreeParticipants(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "free-participants"],
    queryFn: ({ signal }) =>
      api.get<FreeParticipants>(`${eventPath(eventId)}/free-participants`, undefined, signal),
    enabled,
  });
}

export function useJudging(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "judging"],
    queryFn: ({ signal }) => api.get<Judging>(`${eventPath(eventId)}/judging`, undefined, signal),
    enabled,
  });
}

export function useRanking(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "ranking"],
    queryFn: ({ signal }) => api.get<Ranking>(`${eventPath(eventId)}/ranking`, undefined, signal),
    enabled,
  });
}

export function useGallery(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...hackathonKey(eventId), "gallery"],
    queryFn: ({ signal }) => api.get<Gallery>(`${eventPath(eventId)}/gallery`, undefined, signal),
    enabled,
  });
}

function useHackathonMutation<Input, Output>(
  eventId: string,
  run: (input: Input) => Promise<Output>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hackathonKey(eventId) }),
  });
}

export const useSaveSettings = (eventId: string) =>
  useHackathonMutation(eventId, (body: HackathonSettingsBody) =>
    apiRequest<Hackathon>("PUT", eventPath(eventId), { json: body }),
  );

export const useCloseSubmissions = (eventId: string) =>
  useHackathonMutation(eventId, () =>
    api.post<Hackathon>(`${eventPath(eventId)}/close-submissions`),
  );

export const useAddJudge = (eventId: string) =>
  useHackathonMutation(eventId, (email: string) =>
    api.post<Hackathon>(`${eventPath(eventId)}/judges`, { email }),
  );

export const useRemoveJudge = (eventId: string) =>
  useHackathonMutation(eventId, (userId: string) =>
    api.delete(`${eventPath(eventId)}/judges/${encodeURIComponent(userId)}`),
  );

export const useStartTeam = (eventId: string) =>
  useHackathonMutation(eventId, (body: TeamBody) =>
    api.post<Team>(`${eventPath(eventId)}/teams`, body),
  );

export const useUpdateTeam = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (body: { name?: string; challengeId?: string | null }) =>
    api.patch<Team>(teamPath(teamId), body),
  );

export const useInvite = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (body: InvitationBody) =>
    api.post<Team>(`${teamPath(teamId)}/invitations`, body),
  );

export const useAnswerInvitation = (eventId: string) =>
  useHackathonMutation(
    eventId,
    ({ invitationId, answer }: { invitationId: string; answer: "accept" | "decline" }) =>
      api.post<Hackathon>(
        `/api/v1/hackathon-invitations/${encodeURIComponent(invitationId)}/answer`,
        {
          answer,
        },
      ),
  );

export const useLeaveTeam = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, () => api.delete(`${teamPath(teamId)}/membership`));

export const useSubmit = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (body: SubmissionBody) =>
    apiRequest<Team>("PUT", `${teamPath(teamId)}/submission`, { json: body }),
  );

export const useAddFile = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (file: File) =>
    apiRequest<SubmissionFile>("POST", `${teamPath(teamId)}/files`, {
      query: { filename: file.name },
      raw: file,
    }),
  );

export const useRemoveFile = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (fileId: string) =>
    api.delete(`${teamPath(teamId)}/files/${encodeURIComponent(fileId)}`),
  );

export const useDeclare = (eventId: string) =>
  useHackathonMutation(eventId, ({ teamId, body }: { teamId: string; body: DeclarationBody }) =>
    apiRequest<Judging>("PUT", `${teamPath(teamId)}/declaration`, { json: body }),
  );

export const useScore = (eventId: string) =>
  useHackathonMutation(eventId, ({ teamId, body }: { teamId: string; body: ScoresBody }) =>
    apiRequest<Judging>("PUT", `${teamPath(teamId)}/scores`, { json: body }),
  );

export const useAnnounceWinners = (eventId: string) =>
  useHackathonMutation(eventId, (winnerTeamIds: string[]) =>
    api.post<Ranking>(`${eventPath(eventId)}/winners`, { winnerTeamIds }),
  );

export const useStartPilot = (eventId: string, teamId: string) =>
  useHackathonMutation(eventId, (body: PilotBody) =>
    api.post<Team>(`${teamPath(teamId)}/pilot`, body),
  );

/** Where a submission's file downloads. */
export const fileAddress = (teamId: string, fileId: string) =>
  `${teamPath(teamId)}/files/${encodeURIComponent(fileId)}`;
