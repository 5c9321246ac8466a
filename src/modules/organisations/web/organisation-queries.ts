import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../ui/api/api-client.ts";
import type {
  AffiliationList,
  City,
  InvitationList,
  MemberList,
  MyMemberships,
  NetworkOverview,
  Organisation,
  OrganisationList,
  OrganisationQuery,
} from "../contract.ts";

/** Every query about organisations starts with this key, so one change can refresh them all. */
export const organisationsKey = ["organisations"] as const;
export const myMembershipsKey = ["me", "organisations"] as const;

export function useOrganisationList(query: OrganisationQuery, enabled = true) {
  return useQuery({
    queryKey: [...organisationsKey, "list", query],
    queryFn: ({ signal }) =>
      api.get<OrganisationList>(
        "/api/v1/organisations",
        query as Record<string, string | number | undefined>,
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisation(ref: string) {
  return useQuery({
    queryKey: [...organisationsKey, "profile", ref],
    queryFn: ({ signal }) =>
      api.get<Organisation>(`/api/v1/organisations/${encodeURIComponent(ref)}`, undefined, signal),
  });
}

export function useMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...organisationsKey, id, "members"],
    queryFn: () => api.get<z.infer<typeof MemberList>>(`/api/v1/organisations/${id}/members`),
    enabled,
  });
}

export function useInvitations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...organisationsKey, id, "invitations"],
    queryFn: () =>
      api.get<z.infer<typeof InvitationList>>(`/api/v1/organisations/${id}/invitations`),
    enabled,
  });
}

export function useAffiliations(id: string) {
  return useQuery({
    queryKey: [...organisationsKey, id, "affiliations"],
    queryFn: () =>
      api.get<z.infer<typeof AffiliationList>>(`/api/v1/organisations/${id}/affiliations`),
  });
}

export function useMyMemberships(enabled: boolean) {
  return useQuery({
    queryKey: myMembershipsKey,
    queryFn: () => api.get<MyMemberships>("/api/v1/me/organisations"),
    enabled,
  });
}

export function useCities() {
  return useQuery({
    queryKey: ["cities"],
    queryFn: () => api.get<{ cities: City[] }>("/api/v1/cities"),
    staleTime: 5 * 60_000,
  });
}

export function useNetworkOverview() {
  return useQuery({
    queryKey: ["network-overview"],
    queryFn: () => api.get<NetworkOverview>("/api/v1/network/overview"),
    staleTime: 60_000,
  });
}

/**
 * After any change to an organisation: profiles, lists, counts and the person's own
 * memberships may all be different now.
 */
export function useRefreshOrganisations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: organisationsKey }),
      queryClient.invalidateQueries({ queryKey: myMembershipsKey }),
      queryClient.invalidateQueries({ queryKey: ["network-overview"] }),
      queryClient.invalidateQueries({ queryKey: ["cities"] }),
    ]);
}
