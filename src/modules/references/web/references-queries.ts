import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type { OrganisationList } from "../../organisations/contract.ts";
import type {
  CreateReferenceBody,
  OrganisationReferences,
  Reference,
  ReferenceList,
  UpdateReferenceBody,
  VerificationBody,
} from "../contract.ts";

const referencesKey = ["references"] as const;

export function useSolutionReferences(solutionId: string) {
  return useQuery({
    queryKey: [...referencesKey, "of-solution", solutionId],
    queryFn: ({ signal }) =>
      api.get<ReferenceList>(`/api/v1/solutions/${solutionId}/references`, undefined, signal),
  });
}

export function useOrganisationReferences(organisationId: string) {
  return useQuery({
    queryKey: [...referencesKey, "of-organisation", organisationId],
    queryFn: ({ signal }) =>
      api.get<OrganisationReferences>(
        `/api/v1/organisations/${organisationId}/references`,
        undefined,
        signal,
      ),
  });
}

export function useReference(id: string) {
  return useQuery({
    queryKey: [...referencesKey, "one", id],
    queryFn: ({ signal }) => api.get<Reference>(`/api/v1/references/${id}`, undefined, signal),
  });
}

/** City organisations on the platform, to name where a solution was deployed. */
export function useCityOrganisations() {
  return useQuery({
    queryKey: ["organisations", "cities"],
    queryFn: ({ signal }) =>
      api.get<OrganisationList>("/api/v1/organisations", { kind: "city", limit: 100 }, signal),
    staleTime: 5 * 60_000,
  });
}

/** Every change refreshes every list of references (a decision shows on several pages). */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: referencesKey });
}

export function useAddReference(solutionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateReferenceBody) =>
      api.post<Reference>(`/api/v1/solutions/${solutionId}/references`, body),
    onSuccess: refresh,
  });
}

export function useUpdateReference(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateReferenceBody) =>
      api.patch<Reference>(`/api/v1/references/${id}`, body),
    onSuccess: refresh,
  });
}

export type ReferenceChange =
  | { kind: "decide"; body: VerificationBody }
  | { kind: "delete" }
  | { kind: "upload"; file: File }
  | { kind: "removeEvidence"; fileId: string };

export function useChangeReference(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (change: ReferenceChange): Promise<unknown> => {
      switch (change.kind) {
        case "decide":
          return api.post<Reference>(`/api/v1/references/${id}/verification`, change.body);
        case "delete":
          return apiRequest("DELETE", `/api/v1/references/${id}`);
        case "upload":
          return apiRequest<Reference>("POST", `/api/v1/references/${id}/evidence`, {
            query: { filename: change.file.name },
            raw: change.file,
          });
        case "removeEvidence":
          return apiRequest<Reference>(
            "DELETE",
            `/api/v1/references/${id}/evidence/${change.fileId}`,
          );
      }
    },
    onSuccess: refresh,
  });
}
