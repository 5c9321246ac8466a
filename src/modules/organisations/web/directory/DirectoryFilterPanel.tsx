import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../../../ui/forms/Checkbox.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { organisationKinds } from "../organisation-kinds.ts";
import type { DirectoryFilters } from "./directory-filters.ts";

interface DirectoryFilterPanelProps {
  filters: DirectoryFilters;
  kinds: Record<string, number> | undefined;
  cityName: string | undefined;
  onChange: (changes: Partial<DirectoryFilters>) => void;
}

/** Search, kind (with how many match), country and the verified badge. Changes apply at once. */
export function DirectoryFilterPanel({
  filters,
  kinds,
  cityName,
  onChange,
}: DirectoryFilterPanelProps) {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const { countries } = useCountries();
  const kindName = useId();
  const [text, setText] = useState(filters.q);
  const settled = useDebouncedValue(text, 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled text triggers a search.
  useEffect(() => {
    if (settled !== filters.q) onChange({ q: settled });
  }, [settled]);
  // The address changed from elsewhere (a link, the back button): show its search text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of q matters.
  useEffect(() => {
    if (filters.q !== settled) setText(filters.q);
  }, [filters.q]);
  const totalOfKinds = kinds ? Object.values(kinds).reduce((sum, n) => sum + n, 0) : undefined;
  const countLabel = (count: number | undefined) =>
    count === undefined ? "" : ` (${format.number(count)})`;

  return (
    <search className="filters" aria-label={t("directory.filters")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: text });
        }}
      >
        <TextField
          label={t("directory.search")}
          hint={t("directory.searchHint")}
          type="search"
          value={text}
          onChange={setText}
        />
        <fieldset className="fieldset">
          <legend>{t("directory.kind")}</legend>
          <ul className="filter-options">
            {(["", ...organisationKinds] as const).map((kind) => (
              <li key={kind || "all"} className="checkbox">
                <input
                  type="radio"
                  id={`${kindName}-${kind || "all"}`}
                  name={kindName}
                  checked={filters.kind === kind}
                  onChange={() => onChange({ kind })}
                />
                <label htmlFor={`${kindName}-${kind || "all"}`}>
                  {kind ? t(`kindsPlural.${kind}`) : t("directory.allKinds")}
                  {countLabel(kind ? (kinds?.[kind] ?? 0) : totalOfKinds)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Select
          label={t("directory.country")}
          value={filters.country}
          placeholder={t("directory.anyCountry")}
          options={countries.map((country) => ({ value: country.code, label: country.name }))}
          onChange={(country) => onChange({ country })}
        />
        {filters.cityId && (
          <Checkbox
            label={t("directory.inCity", { city: cityName ?? "…" })}
            checked
            onChange={() => onChange({ cityId: "" })}
          />
        )}
        <Checkbox
          label={t("directory.verifiedOnly")}
          hint={t("directory.verifiedHint")}
          checked={filters.verifiedOnly}
          onChange={(verifiedOnly) => onChange({ verifiedOnly })}
        />
      </form>
    </search>
  );
}
