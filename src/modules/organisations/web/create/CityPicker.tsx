import { useTranslation } from "react-i18next";
import { describedBy, FieldFrame } from "../../../../ui/forms/Field.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";
import type { City } from "../../contract.ts";

interface CityPickerProps {
  id: string;
  cities: City[];
  value: string;
  onChange: (cityId: string) => void;
  error?: string | undefined;
}

/** The C40 cities grouped by region; the city decides the organisation's country. */
export function CityPicker({ id, cities, value, onChange, error }: CityPickerProps) {
  const { t } = useTranslation("organisations");
  const { nameOf } = useCountries();
  const regions = [...new Set(cities.map((city) => city.region))].sort();
  const hint = t("create.cityHint");
  return (
    <FieldFrame id={id} label={t("fields.city")} hint={hint} error={error}>
      <select
        id={id}
        className="select"
        value={value}
        required
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t("create.chooseCity")}</option>
        {regions.map((region) => (
          <optgroup key={region} label={region}>
            {cities
              .filter((city) => city.region === region)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((city) => (
                <option key={city.id} value={city.id}>
                  {city.name} ({nameOf(city.country)})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}
