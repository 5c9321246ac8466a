import { useTranslation } from "react-i18next";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import type { ProcurementModel } from "../../contract.ts";
import { procurementModels } from "../vocabulary.ts";

/** One radio per procurement model, each with a line on what it means for the challenge. */
export function ModelChoice({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: ProcurementModel | "";
  onChange: (model: ProcurementModel) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation("challenges");
  const idOf = (model: string, index: number) => (index === 0 ? id : `${id}-${model}`);
  return (
    <fieldset
      className={`fieldset${error ? " field--error" : ""}`}
      aria-describedby={error ? errorIdOf(id) : undefined}
    >
      <legend>{t("fields.procurementModel")}</legend>
      {error && (
        <p className="field__error" id={errorIdOf(id)}>
          {error}
        </p>
      )}
      {procurementModels.map((model, index) => (
        <div key={model} className="checkbox">
          <input
            type="radio"
            id={idOf(model, index)}
            name={`${id}-model`}
            value={model}
            checked={value === model}
            aria-describedby={`${idOf(model, index)}-hint`}
            onChange={() => onChange(model)}
          />
          <label htmlFor={idOf(model, index)}>{t(`models.${model}.name`)}</label>
          <div className="checkbox__hint" id={`${idOf(model, index)}-hint`}>
            {t(`models.${model}.hint`)}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
