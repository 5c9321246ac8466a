import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";
import { useSectorLabel } from "../../catalogue/web/solution-labels.ts";
import type { Sector } from "../../challenges/contract.ts";
import {
  type CreateReferenceBody,
  FIXED_UNITS,
  type MetricKind,
  type Reference,
} from "../contract.ts";
import { useAddReference, useCityOrganisations, useUpdateReference } from "./references-queries.ts";

const OTHER_CITY = "other";
const kinds: MetricKind[] = [
  "co2e_avoided",
  "energy_saved",
  "water_saved",
  "waste_diverted",
  "people_served",
  "custom",
];

interface MetricRow {
  kind: MetricKind;
  value: string;
  label: string;
  unit: string;
}

const emptyMetric = (): MetricRow => ({ kind: "co2e_avoided", value: "", label: "", unit: "" });

/**
 * The provider states a deployment of its solution, or changes one (which takes a decided
 * reference back to the city); the city then verifies it.
 */
export function ReferenceForm({
  solutionId,
  sectors,
  reference,
  onDone,
}: {
  solutionId: string;
  sectors: Sector[];
  /** The reference to change; none: a new one. */
  reference?: Reference;
  onDone: () => void;
}) {
  const { t } = useTranslation("references");
  const sectorLabel = useSectorLabel();
  const { countries } = useCountries();
  const cities = useCityOrganisations();
  const create = useAddReference(solutionId);
  const update = useUpdateReference(reference?.id ?? "");
  const add = reference ? update : create;
  const ids = useFieldIds([
    "city",
    "cityName",
    "country",
    "sector",
    "startedOn",
    "endedOn",
    "scale",
    "description",
  ]);
  const [values, setValues] = useState({
    city: reference ? (reference.city.organisation?.id ?? OTHER_CITY) : "",
    cityName: reference && !reference.city.organisation ? reference.city.name : "",
    country: reference && !reference.city.organisation ? reference.city.country : "",
    sector: reference?.sector ?? sectors[0] ?? "",
    startedOn: reference?.startedOn ?? "",
    endedOn: reference?.endedOn ?? "",
    scale: reference?.scale ?? "",
    description: reference?.description ?? "",
  });
  const [metrics, setMetrics] = useState<MetricRow[]>(
    reference
      ? reference.metrics.map((metric) => ({
          kind: metric.kind,
          value: String(metric.value),
          label: metric.label,
          unit: metric.kind === "custom" ? metric.unit : "",
        }))
      : [emptyMetric()],
  );
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, add.error);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const setMetric = (index: number, change: Partial<MetricRow>) =>
    setMetrics((rows) => rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const labels = {
    city: t("fields.city"),
    cityName: t("fields.cityName"),
    country: t("fields.country"),
    sector: t("fields.sector"),
    startedOn: t("fields.startedOn"),
    endedOn: t("fields.endedOn"),
    scale: t("fields.scale"),
    description: t("fields.description"),
  };

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.city) errors.city = t("checks.city");
    if (values.city === OTHER_CITY && values.cityName.trim().length < 2)
      errors.cityName = t("checks.cityName");
    if (values.city === OTHER_CITY && !values.country) errors.country = t("checks.country");
    if (!values.startedOn) errors.startedOn = t("checks.startedOn");
    if (values.endedOn && values.startedOn && values.endedOn < values.startedOn)
      errors.endedOn = t("checks.endedOn");
    if (values.scale.trim().length < 2) errors.scale = t("checks.scale");
    return errors;
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = check();
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        const body: CreateReferenceBody = {
          city:
            values.city === OTHER_CITY
              ? { name: values.cityName.trim(), country: values.country }
              : { organisationId: values.city },
          ...(values.sector ? { sector: values.sector as Sector } : {}),
          startedOn: values.startedOn,
          endedOn: values.endedOn || null,
          scale: values.scale.trim(),
          description: values.description,
          metrics: metrics
            .filter((row) => row.value.trim() !== "")
            .map((row) => ({
              kind: row.kind,
              value: Number(row.value),
              ...(row.kind === "custom" ? { label: row.label, unit: row.unit } : {}),
            })),
        };
        if (reference) update.mutate(body, { onSuccess: onDone });
        else create.mutate(body, { onSuccess: onDone });
      }}
    >
      <FormProblems
        client={client}
        error={add.error}
        fieldIds={ids}
        labels={labels}
        namespace="references"
        attempt={attempt}
      />
      <Select
        id={ids.city}
        label={labels.city}
        hint={t("form.cityHint")}
        value={values.city}
        onChange={set("city")}
        placeholder={t("form.chooseCity")}
        options={[
          ...(cities.data?.organisations ?? [])
            .map((city) => ({ value: city.id, label: city.cityName ?? city.name }))
            .sort((a, b) => a.label.localeCompare(b.label)),
          { value: OTHER_CITY, label: t("form.otherCity") },
        ]}
        error={fieldError("city") ?? fieldError("city.organisationId")}
      />
      {values.city === OTHER_CITY && (
        <>
          <TextField
            id={ids.cityName}
            label={labels.cityName}
            value={values.cityName}
            onChange={set("cityName")}
            maxLength={120}
            error={fieldError("cityName") ?? fieldError("city.name")}
          />
          <Select
            id={ids.country}
            label={labels.country}
            value={values.country}
            onChange={set("country")}
            placeholder={t("form.chooseCountry")}
            options={countries.map((country) => ({ value: country.code, label: country.name }))}
            error={fieldError("country") ?? fieldError("city.country")}
          />
        </>
      )}
      {sectors.length > 1 && (
        <Select
          id={ids.sector}
          label={labels.sector}
          hint={t("form.sectorHint")}
          value={values.sector}
          onChange={set("sector")}
          options={sectors.map((sector) => ({ value: sector, label: sectorLabel(sector) }))}
          error={fieldError("sector")}
        />
      )}
      <div className="cluster">
        <TextField
          id={ids.startedOn}
          label={labels.startedOn}
          type="date"
          width="short"
          value={values.startedOn}
          onChange={set("startedOn")}
          error={fieldError("startedOn")}
        />
        <TextField
          id={ids.endedOn}
          label={labels.endedOn}
          hint={t("form.endedOnHint")}
          type="date"
          width="short"
          optional
          value={values.endedOn}
          onChange={set("endedOn")}
          error={fieldError("endedOn")}
        />
      </div>
      <TextField
        id={ids.scale}
        label={labels.scale}
        hint={t("form.scaleHint")}
        value={values.scale}
        onChange={set("scale")}
        maxLength={200}
        error={fieldError("scale")}
      />
      <TextField
        id={ids.description}
        label={labels.description}
        hint={t("form.descriptionHint")}
        rows={4}
        optional
        value={values.description}
        onChange={set("description")}
        maxLength={20000}
        error={fieldError("description")}
      />
      <fieldset className="stack">
        <legend>{t("fields.metrics")}</legend>
        <p className="small muted">{t("form.metricsHint")}</p>
        {metrics.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered.
          <div className="cluster reference-metric-row" key={index}>
            <Select
              label={t("form.metricKind", { n: index + 1 })}
              value={row.kind}
              onChange={(kind) => setMetric(index, { kind: kind as MetricKind })}
              options={kinds.map((kind) => ({
                value: kind,
                label:
                  kind === "custom"
                    ? t("metrics.kind.custom")
                    : t("metrics.kindWithUnit", {
                        kind: t(`metrics.kind.${kind}`),
                        unit: FIXED_UNITS[kind],
                      }),
              }))}
            />
            <TextField
              label={t("form.metricValue", { n: index + 1 })}
              type="number"
              inputMode="decimal"
              min={0}
              width="short"
              value={row.value}
              onChange={(value) => setMetric(index, { value })}
              error={fieldError(`metrics.${index}.value`)}
            />
            {row.kind === "custom" && (
              <>
                <TextField
                  label={t("form.metricLabel", { n: index + 1 })}
                  width="medium"
                  value={row.label}
                  onChange={(label) => setMetric(index, { label })}
                  maxLength={120}
                  error={fieldError(`metrics.${index}.label`)}
                />
                <TextField
                  label={t("form.metricUnit", { n: index + 1 })}
                  width="short"
                  value={row.unit}
                  onChange={(unit) => setMetric(index, { unit })}
                  maxLength={40}
                  error={fieldError(`metrics.${index}.unit`)}
                />
              </>
            )}
            <Button
              variant="quiet"
              small
              onClick={() => setMetrics((rows) => rows.filter((_, at) => at !== index))}
            >
              {t("form.removeMetric", { n: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="secondary"
            small
            disabled={metrics.length >= 12}
            onClick={() => setMetrics((rows) => [...rows, emptyMetric()])}
          >
            {t("form.addMetric")}
          </Button>
        </div>
      </fieldset>
      <div className="cluster">
        <Button type="submit" busy={add.isPending}>
          {reference ? t("form.save") : t("form.submit")}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
