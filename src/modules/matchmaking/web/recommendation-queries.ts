import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../ui/api/api-client.ts";
import type { Recommendations } from "../contract.ts";

export interface RecommendationChoice {
  kind: "solutions" | "organisations";
  belowMinTrl: boolean;
}

export function useRecommendations(challengeId: string, choice: RecommendationChoice) {
  return useQuery({
    queryKey: ["recommendations", challengeId, choice.kind, choice.belowMinTrl],
    queryFn: ({ signal }) =>
      api.get<Recommendations>(
        `/api/v1/challenges/${challengeId}/recommendations`,
        {
          kind: choice.kind,
          limit: 10,
          belowMinTrl: choice.belowMinTrl ? "true" : undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
