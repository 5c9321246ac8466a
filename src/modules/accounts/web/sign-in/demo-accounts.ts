import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../ui/api/api-client.ts";
import type { DemoAccount } from "../../contract.ts";

/**
 * Demo mode only: the demo accounts with their password, and the admin's current second-factor
 * code, refreshed often because it changes every 30 seconds.
 */
export function useDemoAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => api.get<{ accounts: DemoAccount[] }>("/api/v1/demo/accounts"),
    enabled,
    refetchInterval: 10_000,
    staleTime: 5_000,
  });
}
