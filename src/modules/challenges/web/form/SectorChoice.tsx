import { useTranslation } from "react-i18next";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import type { Sector } from "../../contract.ts";
import { sectors } from "../vocabulary.ts";

/** A group of checkboxes, one per sector; the first box is what the error summary links to. */
export function SectorChoice({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Sector[];
  onChange: (sectors: Sector[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation("challenges");
  return (
    <fieldset
      className={`fieldset${error ? " field--error" : ""}`}
      aria-describedby={error ? errorIdOf(id) : undefined}
    >
      <legend>{t("fields.sectors")}</legend>
      {error && (
        <p className="field__error" id={errorIdOf(id)}>
          {error}
        </p>
      )}
      <ul className="filter-options choice-grid">
        {sectors.map((sector, index) => {
          const checked = value.includes(sector);
          return (
            <li key={sector} className="checkbox">
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${sector}`}
                checked={checked}
                onChange={() =>
                  onChange(checked ? value.filter((s) => s !== sector) : [...value, sector])
                }
              />
              <label htmlFor={index === 0 ? id : `${id}-${sector}`}>{t(`sectors.${sector}`)}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
