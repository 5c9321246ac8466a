import { useSearchParams } from "react-router";
import type {
  CatalogueFilters,
  ChallengeStatus,
  ProcurementModel,
  Sector,
} from "../../contract.ts";
import type { CatalogueParams } from "../challenge-queries.ts";
import { isProcurementModel, isPublicStatus, isSector } from "../vocabulary.ts";

export const PAGE_SIZE = 20;
export const catalogueSorts = ["relevance", "newest", "deadline", "budget"] as const;
export type CatalogueSortChoice = (typeof catalogueSorts)[number];

export interface CatalogueChoice {
  q: string;
  sector: Sector[];
  status: Array<Exclude<ChallengeStatus, "draft">>;
  model: ProcurementModel[];
  region: string;
  cityId: string;
  trl: string;
  /** Empty: the server's default (relevance with words, otherwise newest). */
  sort: CatalogueSortChoice | "";
  /** City members: their own organisations' challenges, drafts included. */
  mine: boolean;
}

const isSort = (value: string | null): value is CatalogueSortChoice =>
  (catalogueSorts as readonly unknown[]).includes(value);

/** The address's query string for a choice: what a shared link or a bookmark carries. */
export function addressOf(choice: CatalogueChoice): string {
  const search = new URLSearchParams();
  if (choice.q.trim()) search.set("q", choice.q.trim());
  for (const key of ["sector", "status", "model"] as const)
    for (const value of choice[key]) search.append(key, value);
  if (choice.region) search.set("region", choice.region);
  if (choice.cityId) search.set("cityId", choice.cityId);
  if (choice.trl) search.set("trl", choice.trl);
  if (choice.sort) search.set("sort", choice.sort);
  if (choice.mine) search.set("scope", "mine");
  const text = search.toString();
  return text ? `?${text}` : "?";
}

/** What a saved search stores. */
export function filtersOf(choice: CatalogueChoice): CatalogueFilters {
  return {
    ...(choice.q.trim() ? { q: choice.q.trim() } : {}),
    ...(choice.sector.length ? { sector: choice.sector } : {}),
    ...(choice.status.length ? { status: choice.status } : {}),
    ...(choice.model.length ? { model: choice.model } : {}),
    // The server accepts only C40 regions (400 otherwise); the choice came from its facets.
    ...(choice.region ? { region: choice.region as NonNullable<CatalogueFilters["region"]> } : {}),
    ...(choice.cityId ? { cityId: choice.cityId } : {}),
    ...(choice.trl ? { trl: Number(choice.trl) } : {}),
  };
}

/** The catalogue address that shows a saved search's results. */
export function addressOfFilters(filters: CatalogueFilters): string {
  return addressOf({
    q: filters.q ?? "",
    sector: filters.sector ?? [],
    status: filters.status ?? [],
    model: filters.model ?? [],
    region: filters.region ?? "",
    cityId: filters.cityId ?? "",
    trl: filters.trl ? String(filters.trl) : "",
    sort: "",
    mine: false,
  });
}

/**
 * The catalogue's filters live in the address, so a search can be shared or bookmarked and the
 * back button undoes a filter.
 */
export function useCatalogueChoice() {
  const [params, setParams] = useSearchParams();
  const trl = params.get("trl") ?? "";
  const choice: CatalogueChoice = {
    q: params.get("q") ?? "",
    sector: params.getAll("sector").filter(isSector),
    status: params.getAll("status").filter(isPublicStatus),
    model: params.getAll("model").filter(isProcurementModel),
    region: params.get("region") ?? "",
    cityId: /^[0-9a-f-]{36}$/i.test(params.get("cityId") ?? "") ? params.get("cityId")! : "",
    trl: /^[1-9]$/.test(trl) ? trl : "",
    sort: isSort(params.get("sort")) ? (params.get("sort") as CatalogueSortChoice) : "",
    mine: params.get("scope") === "mine",
  };

  /** Typing replaces the entry; a chosen filter adds one, so Back undoes it. */
  const update = (changes: Partial<CatalogueChoice>, options: { replace?: boolean } = {}) =>
    setParams(new URLSearchParams(addressOf({ ...choice, ...changes }).slice(1)), {
      replace: options.replace ?? false,
      preventScrollReset: true,
      // A ticked box shows ticked at once, not after a transition (typing settles in an effect,
      // where flushing is not allowed).
      flushSync: !options.replace,
    });

  const query: CatalogueParams = {
    ...filtersOf(choice),
    ...(choice.sort ? { sort: choice.sort } : {}),
    ...(choice.mine ? { scope: "mine" } : {}),
    limit: PAGE_SIZE,
  };

  return { choice, query, update };
}
