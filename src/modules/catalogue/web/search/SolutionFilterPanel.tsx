import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { SolutionCatalogue } from "../../contract.ts";
import { useOrganisationsOfKind, useTaxonomy } from "../catalogue-queries.ts";
import { useSectorLabel } from "../solution-labels.ts";
import { providerKinds, sectors, trlLevels } from "../vocabulary.ts";
import { CapabilityFacet } from "./CapabilityFacet.tsx";
import type { CatalogueFilters } from "./catalogue-filters.ts";

interface SolutionFilterPanelProps {
  filters: CatalogueFilters;
  facets: SolutionCatalogue["facets"] | undefined;
  active: boolean;
  onChange: (changes: Partial<CatalogueFilters>) => void;
}

const countsOf = (facet: Array<{ value: string; count: number }> | undefined) =>
  new Map((facet ?? []).map((entry) => [entry.value, entry.count]));

/** Search and facets with counts; every change applies at once and is kept in the address. */
export function SolutionFilterPanel({
  filters,
  facets,
  active,
  onChange,
}: SolutionFilterPanelProps) {
  const { t } = useTranslation("catalogue");
  const sectorLabel = useSectorLabel();
  const format = useFormatting();
  const { nameOf } = useCountries();
  const taxonomy = useTaxonomy();
  const clusters = useOrganisationsOfKind("cluster");
  const kindName = useId();
  const sectorId = useId();
  const [text, setText] = useState(filters.q);
  const settled = useDebouncedValue(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text triggers a search.
  useEffect(() => {
    if (settled !== filters.q) onChange({ q: settled });
  }, [settled]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of q matters.
  useEffect(() => {
    if (filters.q !== settled) setText(filters.q);
  }, [filters.q]);

  const sectorCounts = countsOf(facets?.sector);
  const kindCounts = countsOf(facets?.providerKind);
  const countLabel = (count: number | undefined) => ` (${format.number(count ?? 0)})`;
  const countries = [...(facets?.country ?? [])]
    .map((entry) => ({ ...entry, name: nameOf(entry.value) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (filters.country && !countries.some((entry) => entry.value === filters.country)) {
    countries.push({ value: filters.country, count: 0, name: nameOf(filters.country) });
  }

  return (
    <search className="filters" aria-label={t("search.filters")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: text });
        }}
      >
        <TextField
          label={t("search.text")}
          hint={t("search.textHint")}
          type="search"
          value={text}
          onChange={setText}
        />
        <fieldset className="fieldset">
          <legend>{t("search.sector")}</legend>
          <ul className="filter-options">
            {sectors.map((sector) => (
              <li key={sector} className="checkbox">
                <input
                  type="checkbox"
                  id={`${sectorId}-${sector}`}
                  checked={filters.sectors.includes(sector)}
                  onChange={(event) =>
                    onChange({
                      sectors: event.target.checked
                        ? [...filters.sectors, sector]
                        : filters.sectors.filter((one) => one !== sector),
                    })
                  }
                />
                <label htmlFor={`${sectorId}-${sector}`}>
                  {sectorLabel(sector)}
                  {countLabel(sectorCounts.get(sector))}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {taxonomy.data && (
          <CapabilityFacet
            tree={taxonomy.data.capabilities}
            counts={countsOf(facets?.capability)}
            selected={filters.capabilities}
            onChange={(capabilities) => onChange({ capabilities })}
          />
        )}
        <fieldset className="fieldset">
          <legend>{t("search.trl")}</legend>
          <div className="cluster">
            <Select
              label={t("search.trlMin")}
              value={filters.trlMin ? String(filters.trlMin) : ""}
              placeholder={t("search.trlAny")}
              options={trlLevels.map((level) => ({ value: String(level), label: String(level) }))}
              onChange={(value) => onChange({ trlMin: value ? Number(value) : null })}
            />
            <Select
              label={t("search.trlMax")}
              value={filters.trlMax ? String(filters.trlMax) : ""}
              placeholder={t("search.trlAny")}
              options={trlLevels.map((level) => ({ value: String(level), label: String(level) }))}
              onChange={(value) => onChange({ trlMax: value ? Number(value) : null })}
            />
          </div>
        </fieldset>
        <Select
          label={t("search.country")}
          value={filters.country}
          placeholder={t("search.anyCountry")}
          options={countries.map((entry) => ({
            value: entry.value,
            label: `${entry.name}${countLabel(entry.count)}`,
          }))}
          onChange={(country) => onChange({ country })}
        />
        <fieldset className="fieldset">
          <legend>{t("search.providerKind")}</legend>
          <ul className="filter-options">
            {(["", ...providerKinds] as const).map((kind) => (
              <li key={kind || "all"} className="checkbox">
                <input
                  type="radio"
                  id={`${kindName}-${kind || "all"}`}
                  name={kindName}
                  checked={filters.providerKind === kind}
                  onChange={() => onChange({ providerKind: kind })}
                />
                <label htmlFor={`${kindName}-${kind || "all"}`}>
                  {kind ? t(`providerKindsPlural.${kind}`) : t("search.anyProvider")}
                  {kind ? countLabel(kindCounts.get(kind)) : ""}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Select
          label={t("search.cluster")}
          hint={t("search.clusterHint")}
          value={filters.clusterId}
          placeholder={t("search.anyCluster")}
          options={(clusters.data?.organisations ?? []).map((cluster) => ({
            value: cluster.id,
            label: cluster.name,
          }))}
          onChange={(clusterId) => onChange({ clusterId })}
        />
        {active && (
          <Button
            variant="secondary"
            small
            onClick={() => {
              setText("");
              onChange({
                q: "",
                sectors: [],
                capabilities: [],
                trlMin: null,
                trlMax: null,
                country: "",
                providerKind: "",
                clusterId: "",
              });
            }}
          >
            {t("search.clear")}
          </Button>
        )}
      </form>
    </search>
  );
}
