import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../../../ui/forms/Checkbox.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { ChallengeCatalogue } from "../../contract.ts";
import type { CatalogueChoice } from "./catalogue-filters.ts";

type Facets = ChallengeCatalogue["facets"];
type FacetCount = Facets["sector"][number];
type ListKey = "sector" | "status" | "model";

interface FacetPanelProps {
  choice: CatalogueChoice;
  /** The viewer belongs to a city organisation: offer its own challenges, drafts included. */
  cityMember: boolean;
  facets: Facets | undefined;
  onChange: (changes: Partial<CatalogueChoice>, options?: { replace?: boolean }) => void;
}

/** Full-text search and the facets, each value with how many challenges it would show. */
export function FacetPanel({ choice, cityMember, facets, onChange }: FacetPanelProps) {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const [text, setText] = useState(choice.q);
  const settled = useDebouncedValue(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text triggers a search.
  useEffect(() => {
    if (settled !== choice.q) onChange({ q: settled }, { replace: true });
  }, [settled]);
  // The address changed from elsewhere (a link, the back button): show its search text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of q matters.
  useEffect(() => {
    if (choice.q !== settled) setText(choice.q);
  }, [choice.q]);
  const withCount = (label: string, count: number | undefined) =>
    count === undefined ? label : `${label} (${format.number(count)})`;
  const options = (
    facet: FacetCount[] | undefined,
    chosen: string,
    labelOf: (f: FacetCount) => string,
  ) => {
    const list = (facet ?? []).map((f) => ({
      value: f.value,
      label: withCount(labelOf(f), f.count),
    }));
    if (chosen && !list.some((option) => option.value === chosen))
      list.unshift({ value: chosen, label: withCount(chosen, 0) });
    return list;
  };

  return (
    <search className="filters" aria-label={t("catalogue.filters")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: text });
        }}
      >
        <TextField
          label={t("catalogue.search")}
          hint={t("catalogue.searchHint")}
          type="search"
          value={text}
          onChange={setText}
        />
        {(cityMember || choice.mine) && (
          <Checkbox
            label={t("catalogue.mine")}
            hint={t("catalogue.mineHint")}
            checked={choice.mine}
            onChange={(mine) => onChange({ mine })}
          />
        )}
        <CheckboxFacet
          facetKey="sector"
          legend={t("fields.sectors")}
          counts={facets?.sector}
          chosen={choice.sector}
          labelOf={(value) => t(`sectors.${value}`)}
          withCount={withCount}
          onChange={onChange}
        />
        <CheckboxFacet
          facetKey="status"
          legend={t("fields.status")}
          counts={facets?.status}
          chosen={choice.status}
          labelOf={(value) => t(`statuses.${value}`)}
          withCount={withCount}
          onChange={onChange}
        />
        <CheckboxFacet
          facetKey="model"
          legend={t("fields.procurementModel")}
          counts={facets?.model}
          chosen={choice.model}
          labelOf={(value) => t(`models.${value}.name`)}
          withCount={withCount}
          onChange={onChange}
        />
        <Select
          label={t("fields.region")}
          value={choice.region}
          placeholder={t("catalogue.anyRegion")}
          options={options(facets?.region, choice.region, (f) => f.label)}
          onChange={(region) => onChange({ region })}
        />
        <Select
          label={t("fields.city")}
          value={choice.cityId}
          placeholder={t("catalogue.anyCity")}
          options={options(facets?.city, choice.cityId, (f) => f.label)}
          onChange={(cityId) => onChange({ cityId })}
        />
        <Select
          label={t("catalogue.trl")}
          hint={t("catalogue.trlHint")}
          value={choice.trl}
          placeholder={t("catalogue.anyTrl")}
          options={options(facets?.trl, choice.trl, (f) =>
            t("catalogue.trlValue", { trl: f.value }),
          )}
          onChange={(trl) => onChange({ trl })}
        />
      </form>
    </search>
  );
}

interface CheckboxFacetProps {
  facetKey: ListKey;
  legend: string;
  counts: FacetCount[] | undefined;
  chosen: readonly string[];
  labelOf: (value: string) => string;
  withCount: (label: string, count: number | undefined) => string;
  onChange: (changes: Partial<CatalogueChoice>) => void;
}

function CheckboxFacet({
  facetKey,
  legend,
  counts,
  chosen,
  labelOf,
  withCount,
  onChange,
}: CheckboxFacetProps) {
  const id = useId();
  const values = [
    ...(counts ?? []).map((count) => count.value),
    ...chosen.filter((value) => !counts?.some((count) => count.value === value)),
  ];
  if (values.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <ul className="filter-options">
        {values.map((value) => {
          const checked = chosen.includes(value);
          return (
            <li key={value} className="checkbox">
              <input
                type="checkbox"
                id={`${id}-${value}`}
                checked={checked}
                onChange={() =>
                  onChange({
                    [facetKey]: checked
                      ? chosen.filter((other) => other !== value)
                      : [...chosen, value],
                  })
                }
              />
              <label htmlFor={`${id}-${value}`}>
                {withCount(
                  labelOf(value),
                  counts ? (counts.find((count) => count.value === value)?.count ?? 0) : undefined,
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
