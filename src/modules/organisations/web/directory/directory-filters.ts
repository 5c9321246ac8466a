import { useSearchParams } from "react-router";
import type { OrganisationKind, OrganisationQuery } from "../../contract.ts";
import { isOrganisationKind } from "../organisation-kinds.ts";

export const PAGE_SIZE = 24;

export interface DirectoryFilters {
  q: string;
  kind: OrganisationKind | "";
  country: string;
  cityId: string;
  verifiedOnly: boolean;
  offset: number;
}

const kindOf = (value: string | null): OrganisationKind | "" =>
  isOrganisationKind(value) ? value : "";

/** The directory's filters live in the address, so a filtered list can be shared or bookmarked. */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const filters: DirectoryFilters = {
    q: params.get("q") ?? "",
    kind: kindOf(params.get("kind")),
    country: /^[A-Z]{2}$/.test(params.get("country") ?? "") ? params.get("country")! : "",
    cityId: params.get("city") ?? "",
    verifiedOnly: params.get("verified") === "true",
    offset: Math.max(0, Number(params.get("offset")) || 0),
  };

  const addressFor = (changes: Partial<DirectoryFilters>): string => {
    const next = { ...filters, offset: 0, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set("q", next.q);
    if (next.kind) search.set("kind", next.kind);
    if (next.country) search.set("country", next.country);
    if (next.cityId) search.set("city", next.cityId);
    if (next.verifiedOnly) search.set("verified", "true");
    if (next.offset) search.set("offset", String(next.offset));
    const text = search.toString();
    return text ? `?${text}` : "?";
  };

  const update = (changes: Partial<DirectoryFilters>) =>
    setParams(new URLSearchParams(addressFor(changes).slice(1)), { replace: true });

  const query: OrganisationQuery = {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.cityId ? { cityId: filters.cityId } : {}),
    ...(filters.verifiedOnly ? { verified: "true" as const } : {}),
    limit: PAGE_SIZE,
    offset: filters.offset,
  };

  return { filters, query, update, addressFor };
}
