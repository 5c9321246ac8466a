import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useSectorLabel } from "../../catalogue/web/solution-labels.ts";
import { Sector } from "../../challenges/contract.ts";
import type { OrganisationSummary } from "../../organisations/contract.ts";
import type { CreateSourceBody, FundingSource, Instrument } from "../contract.ts";
import { useSaveSource } from "./funding-queries.ts";

const instruments = ["grant", "loan", "guarantee", "equity", "prize", "ppp"] as const;
const kinds = ["city", "company", "research", "cluster", "network", "funder"] as const;
const names = [
  "funderId",
  "title",
  "programme",
  "instrument",
  "currency",
  "minAmount",
  "maxAmount",
  "coFinancingRate",
  "opensOn",
  "closesOn",
  "minTrl",
  "maxTrl",
  "eligibleCountries",
  "eligibleRegions",
  "minPartners",
  "minCountries",
  "minSmallCompanyShare",
  "link",
  "summary",
] as const;

const digitsOf = (currency: string) => {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
};
const list = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** A funder's (or an admin's) form for a new source or changes to one. */
export function SourceForm({
  source,
  funders,
  onDone,
}: {
  source?: FundingSource;
  funders: OrganisationSummary[];
  onDone: (saved: FundingSource) => void;
}) {
  const { t } = useTranslation("funding");
  const sectorLabel = useSectorLabel();
  const save = useSaveSource(source?.id);
  const ids = useFieldIds(names);
  const major = (minor: number | null, currency: string) =>
    minor === null ? "" : String(minor / 10 ** digitsOf(currency));
  const [values, setValues] = useState({
    funderId: source?.funder.id ?? funders[0]?.id ?? "",
    title: source?.title ?? "",
    programme: source?.programme ?? "",
    instrument: source?.instrument ?? "grant",
    currency: source?.currency ?? "EUR",
    minAmount: major(source?.minAmountMinor ?? null, source?.currency ?? "EUR"),
    maxAmount: major(source?.maxAmountMinor ?? null, source?.currency ?? "EUR"),
    coFinancingRate: source?.coFinancingRate?.toString() ?? "",
    opensOn: source?.opensOn ?? "",
    closesOn: source?.closesOn ?? "",
    minTrl: source?.minTrl?.toString() ?? "",
    maxTrl: source?.maxTrl?.toString() ?? "",
    eligibleCountries: source?.eligibleCountries.join(", ") ?? "",
    eligibleRegions: source?.eligibleRegions.join(", ") ?? "",
    minPartners: source?.minPartners?.toString() ?? "",
    minCountries: source?.minCountries?.toString() ?? "",
    minSmallCompanyShare: source?.minSmallCompanyShare?.toString() ?? "",
    link: source?.link ?? "",
    summary: source?.summary ?? "",
  });
  const [eligibleKinds, setKinds] = useState<string[]>(source?.eligibleKinds ?? []);
  const [sectors, setSectors] = useState<string[]>(source?.sectors ?? []);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, save.error);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const labels = Object.fromEntries(names.map((name) => [name, t(`form.${name}`)])) as Record<
    (typeof names)[number],
    string
  >;
  const toggle = (chosen: string[], value: string, on: boolean) =>
    on ? [...chosen, value] : chosen.filter((entry) => entry !== value);

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!source && !values.funderId) errors.funderId = t("checks.funderId");
    if (values.title.trim().length < 3) errors.title = t("checks.title");
    if (values.programme.trim().length < 2) errors.programme = t("checks.programme");
    if (!/^[A-Za-z]{3}$/.test(values.currency.trim())) errors.currency = t("checks.currency");
    for (const name of [
      "minAmount",
      "maxAmount",
      "coFinancingRate",
      "minTrl",
      "maxTrl",
      "minPartners",
      "minCountries",
      "minSmallCompanyShare",
    ] as const) {
      const value = numberOrNull(values[name]);
      if (value !== null && (!Number.isFinite(value) || value < 0))
        errors[name] = t("checks.number");
    }
    if (values.opensOn && values.closesOn && values.closesOn < values.opensOn)
      errors.closesOn = t("checks.closesOn");
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
        const currency = values.currency.trim().toUpperCase();
        const minor = (text: string) => {
          const value = numberOrNull(text);
          return value === null ? null : Math.round(value * 10 ** digitsOf(currency));
        };
        const body: Omit<CreateSourceBody, "funderId"> = {
          title: values.title.trim(),
          programme: values.programme.trim(),
          instrument: values.instrument as Instrument,
          summary: values.summary,
          currency,
          minAmountMinor: minor(values.minAmount),
          maxAmountMinor: minor(values.maxAmount),
          coFinancingRate: numberOrNull(values.coFinancingRate),
          eligibleKinds: eligibleKinds as CreateSourceBody["eligibleKinds"],
          eligibleCountries: list(values.eligibleCountries),
          eligibleRegions: list(values.eligibleRegions),
          sectors: sectors as CreateSourceBody["sectors"],
          minTrl: numberOrNull(values.minTrl),
          maxTrl: numberOrNull(values.maxTrl),
          opensOn: values.opensOn || null,
          closesOn: values.closesOn || null,
          link: values.link.trim() || null,
          minPartners: numberOrNull(values.minPartners),
          minCountries: numberOrNull(values.minCountries),
          minSmallCompanyShare: numberOrNull(values.minSmallCompanyShare),
        };
        save.mutate(source ? body : { ...body, funderId: values.funderId }, { onSuccess: onDone });
      }}
    >
      <FormProblems
        client={client}
        error={save.error}
        fieldIds={ids}
        labels={labels}
        namespace="funding"
        attempt={attempt}
      />
      {!source && (
        <Select
          id={ids.funderId}
          label={labels.funderId}
          value={values.funderId}
          onChange={set("funderId")}
          options={funders.map((funder) => ({ value: funder.id, label: funder.name }))}
          error={fieldError("funderId")}
        />
      )}
      <TextField
        id={ids.title}
        label={labels.title}
        value={values.title}
        onChange={set("title")}
        error={fieldError("title")}
      />
      <TextField
        id={ids.programme}
        label={labels.programme}
        value={values.programme}
        onChange={set("programme")}
        error={fieldError("programme")}
      />
      <Select
        id={ids.instrument}
        label={labels.instrument}
        value={values.instrument}
        onChange={set("instrument")}
        options={instruments.map((value) => ({ value, label: t(`instrument.${value}`) }))}
        error={fieldError("instrument")}
      />
      <TextField
        id={ids.currency}
        label={labels.currency}
        hint={t("form.currencyHint")}
        width="short"
        value={values.currency}
        onChange={set("currency")}
        error={fieldError("currency")}
      />
      <TextField
        id={ids.minAmount}
        label={labels.minAmount}
        optional
        inputMode="decimal"
        width="medium"
        value={values.minAmount}
        onChange={set("minAmount")}
        error={fieldError("minAmount") ?? fieldError("minAmountMinor")}
      />
      <TextField
        id={ids.maxAmount}
        label={labels.maxAmount}
        optional
        inputMode="decimal"
        width="medium"
        value={values.maxAmount}
        onChange={set("maxAmount")}
        error={fieldError("maxAmount") ?? fieldError("maxAmountMinor")}
      />
      <TextField
        id={ids.coFinancingRate}
        label={labels.coFinancingRate}
        optional
        inputMode="decimal"
        width="short"
        value={values.coFinancingRate}
        onChange={set("coFinancingRate")}
        error={fieldError("coFinancingRate")}
      />
      <TextField
        id={ids.opensOn}
        label={labels.opensOn}
        optional
        type="date"
        width="medium"
        value={values.opensOn}
        onChange={set("opensOn")}
        error={fieldError("opensOn")}
      />
      <TextField
        id={ids.closesOn}
        label={labels.closesOn}
        hint={t("form.closesOnHint")}
        optional
        type="date"
        width="medium"
        value={values.closesOn}
        onChange={set("closesOn")}
        error={fieldError("closesOn")}
      />
      <fieldset className="stack">
        <legend>{t("form.eligibleKinds")}</legend>
        {kinds.map((kind) => (
          <Checkbox
            key={kind}
            label={t(`kind.${kind}`)}
            checked={eligibleKinds.includes(kind)}
            onChange={(on) => setKinds(toggle(eligibleKinds, kind, on))}
          />
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t("form.sectors")}</legend>
        {Sector.options.map((sector) => (
          <Checkbox
            key={sector}
            label={sectorLabel(sector)}
            checked={sectors.includes(sector)}
            onChange={(on) => setSectors(toggle(sectors, sector, on))}
          />
        ))}
      </fieldset>
      <TextField
        id={ids.eligibleCountries}
        label={labels.eligibleCountries}
        hint={t("form.countriesHint")}
        optional
        value={values.eligibleCountries}
        onChange={set("eligibleCountries")}
        error={fieldError("eligibleCountries")}
      />
      <TextField
        id={ids.eligibleRegions}
        label={labels.eligibleRegions}
        hint={t("form.regionsHint")}
        optional
        value={values.eligibleRegions}
        onChange={set("eligibleRegions")}
        error={fieldError("eligibleRegions")}
      />
      <TextField
        id={ids.minTrl}
        label={labels.minTrl}
        optional
        inputMode="numeric"
        width="short"
        value={values.minTrl}
        onChange={set("minTrl")}
        error={fieldError("minTrl")}
      />
      <TextField
        id={ids.maxTrl}
        label={labels.maxTrl}
        optional
        inputMode="numeric"
        width="short"
        value={values.maxTrl}
        onChange={set("maxTrl")}
        error={fieldError("maxTrl")}
      />
      <TextField
        id={ids.minPartners}
        label={labels.minPartners}
        optional
        inputMode="numeric"
        width="short"
        value={values.minPartners}
        onChange={set("minPartners")}
        error={fieldError("minPartners")}
      />
      <TextField
        id={ids.minCountries}
        label={labels.minCountries}
        optional
        inputMode="numeric"
        width="short"
        value={values.minCountries}
        onChange={set("minCountries")}
        error={fieldError("minCountries")}
      />
      <TextField
        id={ids.minSmallCompanyShare}
        label={labels.minSmallCompanyShare}
        optional
        inputMode="decimal"
        width="short"
        value={values.minSmallCompanyShare}
        onChange={set("minSmallCompanyShare")}
        error={fieldError("minSmallCompanyShare")}
      />
      <TextField
        id={ids.link}
        label={labels.link}
        optional
        type="url"
        value={values.link}
        onChange={set("link")}
        error={fieldError("link")}
      />
      <TextField
        id={ids.summary}
        label={labels.summary}
        optional
        rows={4}
        value={values.summary}
        onChange={set("summary")}
        error={fieldError("summary")}
      />
      <div>
        <Button type="submit" busy={save.isPending}>
          {source ? t("form.saveChanges") : t("form.publish")}
        </Button>
      </div>
    </form>
  );
}
