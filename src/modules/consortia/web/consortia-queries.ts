import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../ui/api/api-client.ts";
import type { OrganisationList } from "../../organisations/contract.ts";
import type {
  Consortium,
  ConsortiumList,
  CreateConsortiumBody,
  InvitationBody,
  TeamSuggestions,
} from "../contract.ts";

const consortiaKey = ["consortia"] as const;

// Who is looking, and their organisations: the same queries (same keys) the catalogue pages use.
export { useMyOrganisations, useViewer } from "../../catalogue/web/viewer.ts";

export function useTeamSuggestions(challengeId: string, k: number) {
  return useQuery({
    queryKey: [...consortiaKey, "suggestions", challengeId, k],
    queryFn: ({ signal }) =>
      api.get<TeamSuggestions>(`/api/v1/challenges/${challengeId}/team-suggestions`, { k }, signal),
  });
}

export function useChallengeConsortia(challengeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...consortiaKey, "of-challenge", challengeId],
    queryFn: ({ signal }) =>
      api.get<ConsortiumList>(`/api/v1/challenges/${challengeId}/consortia`, undefined, signal),
    enabled,
  });
}

export function useMyConsortia(enabled: boolean) {
  return useQuery({
    queryKey: [...consortiaKey, "mine"],
    queryFn: ({ signal }) => api.get<ConsortiumList>("/api/v1/me/consortia", undefined, signal),
    enabled,
  });
}

export function useConsortium(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...consortiaKey, "one", id],
    queryFn: ({ signal }) => api.get<Consortium>(`/api/v1/consortia/${id}`, undefined, signal),
    enabled,
  });
}

/** Providers to invite: companies, research institutes and clusters matching a name. */
export function useOrganisationSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ["organisations", "search", q],
    queryFn: ({ signal }) =>
      api.get<OrganisationList>("/api/v1/organisations", { q, limit: 12 }, signal),
    enabled: q.length >= 2,
    select: (list) =>
      list.organisations.filter((organisation) =>
        ["company", "research", "cluster"].includes(organisation.kind),
      ),
  });
}

export function useCreateConsortium() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsortiumBody) => api.post<Consortium>("/api/v1/consortia", body),
    onSuccess: async (made) => {
      queryClient.setQueryData([...consortiaKey, "one", made.id], made);
      await queryClient.invalidateQueries({ queryKey: [...consortiaKey, "mine"] });
      await queryClient.invalidateQueries({ queryKey: [...consortiaKey, "of-challenge"] });
    },
  });
}

export type ConsortiumChange =
  | { kind: "invite"; body: InvitationBody }
  | { kind: "accept" | "decline" | "withdraw"; invitationId: string }
  | { kind: "leave"; organisationId: string }
  | { kind: "handOver"; organisationId: string }
  | { kind: "dissolve" };

/** Every change to a consortium; answers the consortium as it is now (or nothing once gone). */
export function useChangeConsortium(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/v1/consortia/${id}`;
  return useMutation({
    mutationFn: (change: ConsortiumChange): Promise<Consortium | undefined> => {
      switch (change.kind) {
        case "invite":
          return api.post<Consortium>(`${base}/invitations`, change.body);
        case "accept":
        case "decline":
        case "withdraw":
          return api.post<Consortium | undefined>(
            `${base}/invitations/${change.invitationId}/${change.kind}`,
          );
        case "leave":
          return api.post<undefined>(`${base}/members/${change.organisationId}/leave`);
        case "handOver":
          return api.post<Consortium>(`${base}/lead`, { organisationId: change.organisationId });
        case "dissolve":
          return api.post<Consortium>(`${base}/dissolve`);
      }
    },
    onSuccess: async (consortium) => {
      if (consortium) queryClient.setQueryData([...consortiaKey, "one", id], consortium);
      await queryClient.invalidateQueries({
        queryKey: consortiaKey,
        predicate: (query) => query.queryKey[1] !== "one" || !consortium,
      });
    },
  });
}
