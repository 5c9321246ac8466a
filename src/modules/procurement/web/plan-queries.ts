import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type {
  AdmissionBody,
  Advice,
  AdvisorAnswersInput,
  ProcurementPlan,
  ProcurementPlanBody,
} from "../contract-advisor.ts";

const planKey = (challengeId: string) => ["procurement", "plan", challengeId] as const;
const planPath = (id: string) => `/api/v1/challenges/${encodeURIComponent(id)}/procurement-plan`;

/** The challenge's plan, or null when the city has set none. */
export function useProcurementPlan(challengeId: string) {
  return useQuery({
    queryKey: planKey(challengeId),
    queryFn: ({ signal }) =>
      api.get<ProcurementPlan | null>(planPath(challengeId), undefined, signal),
  });
}

export function useAdvice() {
  return useMutation({
    mutationFn: (answers: AdvisorAnswersInput) =>
      api.post<Advice>("/api/v1/procurement/advice", answers),
  });
}

/** Applying a plan also changes the challenge (model, deadlines): both are refreshed. */
export function useSavePlan(challengeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcurementPlanBody) =>
      apiRequest<ProcurementPlan>("PUT", planPath(challengeId), { json: body }),
    onSuccess: async (plan) => {
      queryClient.setQueryData(planKey(challengeId), plan);
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey.includes(challengeId) && query.queryKey[1] !== "plan",
      });
    },
  });
}

export function useAdmitBidders(challengeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phase, body }: { phase: number; body: AdmissionBody }) =>
      api.post<ProcurementPlan>(`${planPath(challengeId)}/phases/${phase}/admissions`, body),
    onSuccess: (plan) => queryClient.setQueryData(planKey(challengeId), plan),
  });
}
