import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";

interface CountryPickerProps {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/** Several countries: chosen one at a time from a list, shown as removable chips. */
export function CountryPicker({ id, value, onChange, error }: CountryPickerProps) {
  const { t } = useTranslation("catalogue");
  const { countries, nameOf } = useCountries();
  const groupId = useId();
  const [pending, setPending] = useState("");
  return (
    <fieldset
      className={`fieldset${error ? " field--error" : ""}`}
      aria-describedby={error ? errorIdOf(groupId) : undefined}
    >
      <legend>{t("fields.countries")}</legend>
      {error && (
        <p className="field__error" id={errorIdOf(groupId)}>
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul className="chip-list" aria-label={t("form.countriesChosen")}>
          {value.map((code) => (
            <li key={code} className="chip">
              <span>{nameOf(code)}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t("form.removeCountry", { country: nameOf(code) })}
                onClick={() => {
                  onChange(value.filter((one) => one !== code));
                  document.getElementById(id)?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t("form.country")}
        </label>
        <select
          id={id}
          className="select"
          value={pending}
          onChange={(event) => setPending(event.target.value)}
        >
          <option value="">{t("form.chooseCountry")}</option>
          {countries
            .filter((country) => !value.includes(country.code))
            .map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
        </select>{" "}
        <Button
          variant="secondary"
          small
          disabled={!pending}
          onClick={() => {
            if (pending && !value.includes(pending)) onChange([...value, pending]);
            setPending("");
          }}
        >
          {t("form.addCountry")}
        </Button>
      </div>
    </fieldset>
  );
}
