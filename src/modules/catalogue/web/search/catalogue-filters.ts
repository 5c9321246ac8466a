import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import type { ProviderKind, Sector, SolutionSort } from "../../contract.ts";
import type { SearchParameters } from "../catalogue-queries.ts";
import { isProviderKind, isSector, isSolutionSort } from "../vocabulary.ts";

export const PAGE_SIZE = 12;

export interface CatalogueFilters {
  q: string;
  sectors: Sector[];
  capabilities: string[];
  trlMin: number | null;
  trlMax: number | null;
  country: string;
  providerKind: ProviderKind | "";
  clusterId: string;
  sort: SolutionSort | "";
}

const trlOf = (value: string | null): number | null => {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 9 ? level : null;
};

/** The catalogue's filters live in the address, so a search can be shared or bookmarked. */
export function useCatalogueFilters() {
  const [address, setParams] = useSearchParams();
  // The router applies an address change in a transition; until it lands, the controls show the
  // change already (a checkbox that springs back for a moment confuses everyone, not only tests).
  const [pending, setPending] = useState<URLSearchParams | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new address from the router ends the wait.
  useEffect(() => setPending(null), [address]);
  const params = pending ?? address;
  const filters: CatalogueFilters = {
    q: params.get("q") ?? "",
    sectors: params.getAll("sector").filter(isSector),
    capabilities: params.getAll("capability").filter((code) => /^[a-z0-9.-]{1,80}$/.test(code)),
    trlMin: trlOf(params.get("trlMin")),
    trlMax: trlOf(params.get("trlMax")),
    country: /^[A-Z]{2}$/.test(params.get("country") ?? "") ? params.get("country")! : "",
    providerKind: isProviderKind(params.get("providerKind"))
      ? (params.get("providerKind") as ProviderKind)
      : "",
    clusterId: /^[0-9a-f-]{36}$/i.test(params.get("cluster") ?? "") ? params.get("cluster")! : "",
    sort: isSolutionSort(params.get("sort")) ? (params.get("sort") as SolutionSort) : "",
  };

  const addressFor = (changes: Partial<CatalogueFilters>): string => {
    const next = { ...filters, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set("q", next.q);
    for (const sector of next.sectors) search.append("sector", sector);
    for (const code of next.capabilities) search.append("capability", code);
    if (next.trlMin) search.set("trlMin", String(next.trlMin));
    if (next.trlMax) search.set("trlMax", String(next.trlMax));
    if (next.country) search.set("country", next.country);
    if (next.providerKind) search.set("providerKind", next.providerKind);
    if (next.clusterId) search.set("cluster", next.clusterId);
    if (next.sort) search.set("sort", next.sort);
    const text = search.toString();
    return text ? `?${text}` : "?";
  };

  const update = (changes: Partial<CatalogueFilters>) => {
    const next = new URLSearchParams(addressFor(changes).slice(1));
    setPending(next);
    setParams(next, { replace: true });
  };

  const trlMin =
    filters.trlMin && filters.trlMax && filters.trlMin > filters.trlMax ? null : filters.trlMin;
  const query: SearchParameters = {
    q: filters.q.trim() || undefined,
    sector: filters.sectors,
    capability: filters.capabilities,
    trlMin: trlMin ?? undefined,
    trlMax: filters.trlMax ?? undefined,
    country: filters.country || undefined,
    providerKind: filters.providerKind || undefined,
    clusterId: filters.clusterId || undefined,
    sort: filters.sort || undefined,
    limit: PAGE_SIZE,
  };

  const active =
    Boolean(filters.q) ||
    filters.sectors.length > 0 ||
    filters.capabilities.length > 0 ||
    filters.trlMin !== null ||
    filters.trlMax !== null ||
    Boolean(filters.country || filters.providerKind || filters.clusterId);

  return { filters, query, update, active };
}
