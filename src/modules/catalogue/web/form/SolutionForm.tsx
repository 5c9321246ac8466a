import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Button } from "../../../../ui/components/Button.tsx";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldIds } from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { OrganisationSummary } from "../../../organisations/contract.ts";
import type { Solution } from "../../contract.ts";
import { flattenCapabilities } from "../capability-tree.ts";
import { useSaveSolution, useTaxonomy } from "../catalogue-queries.ts";
import { useSectorLabel } from "../solution-labels.ts";
import { sectors, trlLevels } from "../vocabulary.ts";
import { CountryPicker } from "./CountryPicker.tsx";
import { MediaFields } from "./MediaFields.tsx";
import {
  checkSolution,
  type SolutionValues,
  solutionBody,
  solutionFieldNames,
  useSolutionFieldErrors,
} from "./solution-values.ts";
import { TaxonomyPicker } from "./TaxonomyPicker.tsx";

interface SolutionFormProps {
  initial: SolutionValues;
  /** The provider organisations the person may add solutions for. */
  providers: OrganisationSummary[];
  /** The solution being edited; none when adding one. */
  solution?: Solution;
}

export function SolutionForm({ initial, providers, solution }: SolutionFormProps) {
  const { t } = useTranslation("catalogue");
  const sectorLabel = useSectorLabel();
  const navigate = useNavigate();
  const ids = useFieldIds(solutionFieldNames);
  const sectorGroup = useId();
  const taxonomy = useTaxonomy();
  const entries = useMemo(
    () => flattenCapabilities(taxonomy.data?.capabilities ?? []),
    [taxonomy.data],
  );
  const [values, setValues] = useState(initial);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useSaveSolution(solution?.id ?? null);
  const fieldError = useSolutionFieldErrors(client, save.error);
  const change = (changes: Partial<SolutionValues>) =>
    setValues((current) => ({ ...current, ...changes }));
  const labels = {
    providerId: t("fields.provider"),
    title: t("fields.title"),
    summary: t("fields.summary"),
    description: t("fields.description"),
    sectors: t("fields.sectors"),
    capabilities: t("fields.capabilities"),
    trl: t("fields.trl"),
    countriesDeployed: t("fields.countries"),
    media: t("fields.media"),
    referenceLinks: t("fields.referenceLinks"),
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = checkSolution(values, t);
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        const { providerId, ...fields } = solutionBody(values);
        save.mutate(
          solution ? { ...fields, baseVersion: solution.version } : { providerId, ...fields },
          {
            onSuccess: (saved) => navigate(`/solutions/${saved.id}`),
          },
        );
      }}
    >
      <FormProblems
        client={client}
        error={save.error}
        fieldIds={{ ...ids, sectors: `${sectorGroup}-${sectors[0]}` }}
        labels={labels}
        namespace="catalogue"
        attempt={attempt}
      />
      {!solution && (
        <Select
          id={ids.providerId}
          label={labels.providerId}
          hint={t("form.providerHint")}
          value={values.providerId}
          placeholder={providers.length > 1 ? t("form.chooseProvider") : undefined}
          options={providers.map((provider) => ({ value: provider.id, label: provider.name }))}
          onChange={(providerId) => change({ providerId })}
          error={fieldError("providerId")}
          required
        />
      )}
      <TextField
        id={ids.title}
        label={labels.title}
        value={values.title}
        onChange={(title) => change({ title })}
        error={fieldError("title")}
        maxLength={160}
        required
      />
      <TextField
        id={ids.summary}
        label={labels.summary}
        hint={t("form.summaryHint")}
        rows={3}
        value={values.summary}
        onChange={(summary) => change({ summary })}
        error={fieldError("summary")}
        maxLength={500}
        required
      />
      <TextField
        id={ids.description}
        label={labels.description}
        hint={t("form.descriptionHint")}
        optional
        rows={10}
        value={values.description}
        onChange={(description) => change({ description })}
        error={fieldError("description")}
        maxLength={20_000}
      />
      <fieldset
        className={`fieldset${fieldError("sectors") ? " field--error" : ""}`}
        aria-describedby={fieldError("sectors") ? errorIdOf(sectorGroup) : undefined}
      >
        <legend>{labels.sectors}</legend>
        {fieldError("sectors") && (
          <p className="field__error" id={errorIdOf(sectorGroup)}>
            {fieldError("sectors")}
          </p>
        )}
        <ul className="filter-options choice-columns">
          {sectors.map((sector) => (
            <li key={sector} className="checkbox">
              <input
                type="checkbox"
                id={`${sectorGroup}-${sector}`}
                checked={values.sectors.includes(sector)}
                onChange={(event) =>
                  change({
                    sectors: event.target.checked
                      ? [...values.sectors, sector]
                      : values.sectors.filter((one) => one !== sector),
                  })
                }
              />
              <label htmlFor={`${sectorGroup}-${sector}`}>{sectorLabel(sector)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TaxonomyPicker
        id={ids.capabilities}
        label={labels.capabilities}
        hint={taxonomy.isError ? t("picker.failed") : t("picker.hint")}
        entries={entries}
        value={values.capabilities}
        onChange={(capabilities) => change({ capabilities })}
        error={fieldError("capabilities")}
      />
      <Select
        id={ids.trl}
        label={labels.trl}
        hint={t("trl.about")}
        value={values.trl}
        placeholder={t("form.chooseTrl")}
        options={trlLevels.map((level) => ({
          value: String(level),
          label: `${level} — ${t(`trl.levels.${level}`)}`,
        }))}
        onChange={(trl) => change({ trl })}
        error={fieldError("trl")}
        required
      />
      <CountryPicker
        id={ids.countriesDeployed}
        value={values.countriesDeployed}
        onChange={(countriesDeployed) => change({ countriesDeployed })}
        error={fieldError("countriesDeployed")}
      />
      <MediaFields id={ids.media} solution={solution} />
      <TextField
        id={ids.referenceLinks}
        label={labels.referenceLinks}
        hint={t("form.referenceLinksHint")}
        optional
        rows={3}
        spellCheck={false}
        value={values.referenceLinks}
        onChange={(referenceLinks) => change({ referenceLinks })}
        error={fieldError("referenceLinks")}
      />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {solution ? t("form.save") : t("form.create")}
        </Button>
        <Button
          variant="quiet"
          onClick={() => navigate(solution ? `/solutions/${solution.id}` : "/solutions")}
        >
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
