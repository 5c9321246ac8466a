import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import { isUiLocale } from "../../../ui/i18n/i18n.ts";
import type { OrganisationKind, OrganisationList } from "../../organisations/contract.ts";
import type {
  AddSynonymsBody,
  Capability,
  CreateCapabilityBody,
  CreatePortfolioBody,
  CreateSolutionBody,
  Portfolio,
  PortfolioSummary,
  Solution,
  SolutionCatalogue,
  SolutionSummary,
  SolutionVersion,
  Taxonomy,
  UpdateSolutionBody,
} from "../contract.ts";
import { uploadedMediaOf } from "../contract.ts";

/** Every query about the catalogue starts with one of these keys, so a change refreshes them. */
export const solutionsKey = ["solutions"] as const;
export const portfoliosKey = ["portfolios"] as const;
export const taxonomyKey = ["capabilities"] as const;

/** The search's query string; lists repeat their key (sector=a&sector=b), as the API takes them. */
export type SearchParameters = Record<string, string | number | string[] | undefined>;

export function searchAddress(path: string, parameters: SearchParameters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value === undefined || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The catalogue, page after page (keyset cursor); facets and the total come with the first. */
export function useSolutionSearch(parameters: SearchParameters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...solutionsKey, "search", parameters],
    queryFn: ({ pageParam, signal }) =>
      api.get<SolutionCatalogue>(
        searchAddress("/api/v1/solutions", { ...parameters, cursor: pageParam }),
        undefined,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSolution(id: string) {
  return useQuery({
    queryKey: [...solutionsKey, "one", id],
    queryFn: ({ signal }) =>
      api.get<Solution>(`/api/v1/solutions/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useSolutionVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...solutionsKey, "one", id, "versions"],
    queryFn: () =>
      api.get<{ versions: SolutionVersion[] }>(
        `/api/v1/solutions/${encodeURIComponent(id)}/versions`,
      ),
    enabled,
  });
}

export function useProviderSolutions(organisationId: string) {
  return useQuery({
    queryKey: [...solutionsKey, "provider", organisationId],
    queryFn: ({ signal }) =>
      api.get<{ solutions: SolutionSummary[] }>(
        `/api/v1/organisations/${organisationId}/solutions`,
        undefined,
        signal,
      ),
  });
}

/** The capability tree in the reading language; it changes rarely. */
export function useTaxonomy() {
  const { i18n } = useTranslation();
  const locale = isUiLocale(i18n.language) ? i18n.language : "en";
  return useQuery({
    queryKey: [...taxonomyKey, locale],
    queryFn: ({ signal }) => api.get<Taxonomy>("/api/v1/capabilities", { locale }, signal),
    staleTime: 10 * 60_000,
  });
}

/** Organisations of one kind by name (clusters for the facet, cities to share with). */
export function useOrganisationsOfKind(kind: OrganisationKind, q = "", enabled = true) {
  return useQuery({
    queryKey: ["organisations", "list", { kind, q, limit: 100 }],
    queryFn: ({ signal }) =>
      api.get<OrganisationList>("/api/v1/organisations", { kind, limit: 100, q }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveSolution(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSolutionBody | UpdateSolutionBody) =>
      id
        ? api.patch<Solution>(`/api/v1/solutions/${id}`, body)
        : api.post<Solution>("/api/v1/solutions", body),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...solutionsKey, "one", saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: solutionsKey });
    },
  });
}

/**
 * A solution's images: uploading one or removing one saves at once (a new version each), and
 * answers the solution as it is now. An image linked from elsewhere is removed by an edit.
 */
export function useSolutionMedia(solution: Solution) {
  const queryClient = useQueryClient();
  const saved = async (fresh: Solution) => {
    queryClient.setQueryData([...solutionsKey, "one", fresh.id], fresh);
    await queryClient.invalidateQueries({ queryKey: solutionsKey });
  };
  const base = `/api/v1/solutions/${encodeURIComponent(solution.id)}`;
  const upload = useMutation({
    mutationFn: ({ file, alt }: { file: File; alt: string }) =>
      apiRequest<Solution>("POST", `${base}/media`, { query: { alt }, raw: file }),
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: (url: string) =>
      uploadedMediaOf(url)
        ? api.delete<Solution>(url)
        : api.patch<Solution>(base, {
            media: solution.media.filter((item) => item.url !== url),
            baseVersion: solution.version,
          } satisfies UpdateSolutionBody),
    onSuccess: saved,
  });
  return { upload, remove };
}

export function usePortfolios(enabled: boolean) {
  return useQuery({
    queryKey: [...portfoliosKey, "list"],
    queryFn: ({ signal }) =>
      api.get<{ portfolios: PortfolioSummary[] }>("/api/v1/portfolios", undefined, signal),
    enabled,
  });
}

export function usePortfolio(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...portfoliosKey, "one", id],
    queryFn: ({ signal }) =>
      api.get<Portfolio>(`/api/v1/portfolios/${encodeURIComponent(id)}`, undefined, signal),
    enabled,
  });
}

export function useCreatePortfolio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePortfolioBody) => api.post<Portfolio>("/api/v1/portfolios", body),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...portfoliosKey, "one", saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: [...portfoliosKey, "list"] });
    },
  });
}

type PortfolioChange =
  | { kind: "add"; solutionId: string; note: string }
  | { kind: "remove"; solutionId: string }
  | { kind: "share"; organisationId: string }
  | { kind: "unshare"; organisationId: string };

/** Curating and sharing: each change answers with (or is followed by) the fresh portfolio. */
export function useChangePortfolio(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/v1/portfolios/${id}`;
  return useMutation({
    mutationFn: async (change: PortfolioChange) => {
      switch (change.kind) {
        case "add":
          return api.post<Portfolio>(`${base}/items`, {
            solutionId: change.solutionId,
            note: change.note,
          });
        case "remove":
          await api.delete(`${base}/items/${change.solutionId}`);
          return null;
        case "share":
          return api.post<Portfolio>(`${base}/shares`, { organisationId: change.organisationId });
        case "unshare":
          await api.delete(`${base}/shares/${change.organisationId}`);
          return null;
      }
    },
    onSuccess: async (saved) => {
      if (saved) queryClient.setQueryData([...portfoliosKey, "one", id], saved);
      await queryClient.invalidateQueries({ queryKey: portfoliosKey });
    },
  });
}

export function useAddCapability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCapabilityBody) => api.post<Capability>("/api/v1/capabilities", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taxonomyKey }),
  });
}

export function useAddSynonyms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: AddSynonymsBody & { code: string }) =>
      api.post<Capability>(`/api/v1/capabilities/${encodeURIComponent(code)}/synonyms`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taxonomyKey }),
  });
}
