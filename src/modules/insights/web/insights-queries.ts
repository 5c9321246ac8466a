import { useQuery } from "@tanstack/react-query";
import { api } from "../../../ui/api/api-client.ts";
import type { City } from "../../organisations/contract.ts";
import { type Dashboard, type DashboardScope, dashboardPath } from "../contract.ts";

export function useDashboard(scope: DashboardScope, id: string | null) {
  return useQuery({
    queryKey: ["insights", scope, id],
    queryFn: ({ signal }) => api.get<Dashboard>(dashboardPath(scope, id), undefined, signal),
    // Figures change when a reference is verified elsewhere: read them again on each visit.
    staleTime: 0,
  });
}

/** C40 cities with their coordinates (same key as the home page's map). */
export function useCities() {
  return useQuery({
    queryKey: ["cities"],
    queryFn: ({ signal }) => api.get<{ cities: City[] }>("/api/v1/cities", undefined, signal),
    staleTime: 10 * 60_000,
  });
}
