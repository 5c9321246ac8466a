import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors } from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { CapabilityField } from "../../../catalogue/web/form/CapabilityField.tsx";
import type { OrganisationSummary } from "../../../organisations/contract.ts";
import { useDeadlineFormat } from "../deadlines.ts";
import { type ChallengeDraft, checkDraft } from "./challenge-draft.ts";
import { DescriptionField } from "./DescriptionField.tsx";
import { ModelChoice } from "./ModelChoice.tsx";
import { RepeatableRows } from "./RepeatableRows.tsx";
import { SectorChoice } from "./SectorChoice.tsx";

const trls = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const timelineFields = ["questionDeadline", "proposalDeadline", "awardDate"] as const;

interface ChallengeFormProps {
  initial: ChallengeDraft;
  /** Creating: the caller's city organisations to choose the owner from. */
  organisations: OrganisationSummary[] | null;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (draft: ChallengeDraft) => void;
}

/** Every field of a challenge; server problems show next to the field they name. */
export function ChallengeForm({
  initial,
  organisations,
  submitLabel,
  busy,
  error,
  onSubmit,
}: ChallengeFormProps) {
  const { t } = useTranslation("challenges");
  const deadline = useDeadlineFormat();
  const base = useId();
  const idOf = (path: string) => `${base}-${path.replaceAll(".", "-")}`;
  const [draft, setDraft] = useState(initial);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, error);
  const change = (changes: Partial<ChallengeDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));

  const labels: Record<string, string> = {
    organisationId: t("fields.organisation"),
    title: t("fields.title"),
    summary: t("fields.summary"),
    description: t("fields.description"),
    sectors: t("fields.sectors"),
    capabilities: t("fields.capabilities"),
    kpis: t("fields.kpis"),
    budget: t("fields.budget"),
    "budget.minMinor": t("form.budgetMin"),
    "budget.maxMinor": t("form.budgetMax"),
    "budget.currency": t("form.currency"),
    minTrl: t("fields.minTrl"),
    procurementModel: t("fields.procurementModel"),
    contacts: t("fields.contacts"),
    ...Object.fromEntries(timelineFields.map((f) => [`timeline.${f}`, t(`fields.${f}`)])),
  };
  draft.kpis.forEach((_, i) => {
    for (const key of ["metric", "baseline", "target", "unit"])
      labels[`kpis.${i}.${key}`] = `${t("form.kpiRow", { n: i + 1 })}, ${t(`kpi.${key}`)}`;
  });
  draft.contacts.forEach((_, i) => {
    for (const key of ["name", "role", "email"])
      labels[`contacts.${i}.${key}`] =
        `${t("form.contactRow", { n: i + 1 })}, ${t(`contact.${key}`)}`;
  });
  const paths = Object.keys(labels);
  const fieldIds = Object.fromEntries(paths.map((path) => [path, idOf(path)]));

  return (
    <form
      className="form form--wide"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = checkDraft(draft, t, organisations !== null);
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length === 0) onSubmit(draft);
      }}
    >
      <FormProblems
        client={client}
        error={error}
        fieldIds={fieldIds}
        labels={labels}
        namespace="challenges"
        attempt={attempt}
      />
      {organisations && (
        <Select
          id={idOf("organisationId")}
          label={t("fields.organisation")}
          value={draft.organisationId}
          placeholder={t("form.chooseOrganisation")}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(organisationId) => change({ organisationId })}
          error={fieldError("organisationId")}
          required
        />
      )}
      <TextField
        id={idOf("title")}
        label={t("fields.title")}
        value={draft.title}
        onChange={(title) => change({ title })}
        error={fieldError("title")}
        maxLength={200}
        required
      />
      <TextField
        id={idOf("summary")}
        label={t("fields.summary")}
        hint={t("form.summaryHint")}
        rows={3}
        value={draft.summary}
        onChange={(summary) => change({ summary })}
        error={fieldError("summary")}
        maxLength={600}
      />
      <DescriptionField
        id={idOf("description")}
        value={draft.description}
        onChange={(description) => change({ description })}
        error={fieldError("description")}
      />
      <SectorChoice
        id={idOf("sectors")}
        value={draft.sectors}
        onChange={(sectors) => change({ sectors })}
        error={fieldError("sectors")}
      />
      <CapabilityField
        id={idOf("capabilities")}
        label={t("fields.capabilities")}
        hint={t("form.capabilitiesHint")}
        value={draft.capabilities}
        onChange={(capabilities) => change({ capabilities })}
        error={fieldError("capabilities")}
        max={40}
      />
      <RepeatableRows
        path="kpis"
        legend={t("fields.kpis")}
        hint={t("form.kpisHint")}
        rowLegend={(i) => t("form.kpiRow", { n: i + 1 })}
        addLabel={t("form.addKpi")}
        removeLabel={(i) => t("form.removeKpi", { n: i + 1 })}
        fields={[
          { key: "metric", label: t("kpi.metric"), maxLength: 160 },
          { key: "baseline", label: t("kpi.baseline"), optional: true, inputMode: "decimal" },
          { key: "target", label: t("kpi.target"), inputMode: "decimal" },
          { key: "unit", label: t("kpi.unit"), maxLength: 40 },
        ]}
        rows={draft.kpis}
        empty={{ metric: "", baseline: "", target: "", unit: "" }}
        max={20}
        onChange={(kpis) => change({ kpis })}
        idOf={idOf}
        fieldError={fieldError}
      />
      <fieldset className="fieldset">
        <legend>{t("fields.budget")}</legend>
        <p className="field__hint">{t("form.budgetHint")}</p>
        <div className="row-group__fields">
          <TextField
            id={idOf("budget.minMinor")}
            label={t("form.budgetMin")}
            inputMode="decimal"
            value={draft.budgetMin}
            onChange={(budgetMin) => change({ budgetMin })}
            error={fieldError("budget.minMinor") ?? fieldError("budget")}
          />
          <TextField
            id={idOf("budget.maxMinor")}
            label={t("form.budgetMax")}
            inputMode="decimal"
            value={draft.budgetMax}
            onChange={(budgetMax) => change({ budgetMax })}
            error={fieldError("budget.maxMinor")}
          />
          <TextField
            id={idOf("budget.currency")}
            label={t("form.currency")}
            hint={t("form.currencyHint")}
            width="short"
            value={draft.currency}
            onChange={(currency) => change({ currency: currency.toUpperCase() })}
            error={fieldError("budget.currency")}
            maxLength={3}
            autoCapitalize="characters"
          />
        </div>
      </fieldset>
      <Select
        id={idOf("minTrl")}
        label={t("fields.minTrl")}
        hint={t("form.trlHint")}
        optional
        value={draft.minTrl}
        placeholder={t("overview.anyTrl")}
        options={trls.map((trl) => ({ value: trl, label: t(`trl.${trl}`) }))}
        onChange={(minTrl) => change({ minTrl })}
        error={fieldError("minTrl")}
      />
      <ModelChoice
        id={idOf("procurementModel")}
        value={draft.procurementModel}
        onChange={(procurementModel) => change({ procurementModel })}
        error={fieldError("procurementModel")}
      />
      <fieldset className="fieldset">
        <legend>{t("overview.timeline")}</legend>
        <p className="field__hint">{t("form.timelineHint", { zone: deadline.zone })}</p>
        {timelineFields.map((field) => (
          <TextField
            key={field}
            id={idOf(`timeline.${field}`)}
            type="datetime-local"
            label={t(`fields.${field}`)}
            width="medium"
            value={draft[field]}
            onChange={(value) => change({ [field]: value })}
            error={fieldError(`timeline.${field}`)}
          />
        ))}
      </fieldset>
      <RepeatableRows
        path="contacts"
        legend={t("fields.contacts")}
        hint={t("form.contactsHint")}
        rowLegend={(i) => t("form.contactRow", { n: i + 1 })}
        addLabel={t("form.addContact")}
        removeLabel={(i) => t("form.removeContact", { n: i + 1 })}
        fields={[
          { key: "name", label: t("contact.name"), maxLength: 120 },
          { key: "role", label: t("contact.role"), optional: true, maxLength: 120 },
          { key: "email", label: t("contact.email"), type: "email", inputMode: "email" },
        ]}
        rows={draft.contacts}
        empty={{ name: "", role: "", email: "" }}
        max={10}
        onChange={(contacts) => change({ contacts })}
        idOf={idOf}
        fieldError={fieldError}
      />
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
