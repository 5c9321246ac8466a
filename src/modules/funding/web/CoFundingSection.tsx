import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useCoFunding, useSetCoFunding, useSources } from "./funding-queries.ts";
import { amountText } from "./SourceSummary.tsx";

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

/** The sources co-funding a challenge (published in its OCDS release); its city records them. */
export function CoFundingSection({ challengeId }: { challengeId: string }) {
  const { t, i18n } = useTranslation("funding");
  const coFunding = useCoFunding(challengeId);
  const change = useSetCoFunding(challengeId);
  const canManage = coFunding.data?.canManage ?? false;
  const sources = useSources({ instrument: "", openNow: false });
  const ids = useFieldIds(["sourceId", "amount", "currency"]);
  const [values, setValues] = useState({ sourceId: "", amount: "", currency: "EUR" });
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, change.error);
  const rows = coFunding.data?.coFunding ?? [];
  if (!canManage && rows.length === 0) return null;
  const labels = {
    sourceId: t("coFunding.source"),
    amount: t("coFunding.amount"),
    currency: t("form.currency"),
  };
  return (
    <section aria-labelledby="challenge-co-funding" className="stack">
      <h2 id="challenge-co-funding">{t("coFunding.heading")}</h2>
      {rows.length === 0 ? (
        <p>{t("coFunding.none")}</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.source.id}>
              <Link to={`/funding/sources/${row.source.id}`}>{row.source.title}</Link> (
              {row.funder.name}): {amountText(i18n.language, row.amountMinor, row.currency)}{" "}
              {canManage && (
                <Button
                  variant="quiet"
                  small
                  onClick={() => change.mutate({ remove: row.source.id })}
                >
                  {t("coFunding.remove", { title: row.source.title })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const errors: FieldErrors = {};
            if (!values.sourceId) errors.sourceId = t("coFunding.checkSource");
            const amount = Number(values.amount);
            if (!values.amount || !Number.isFinite(amount) || amount <= 0)
              errors.amount = t("coFunding.checkAmount");
            if (!/^[A-Za-z]{3}$/.test(values.currency.trim()))
              errors.currency = t("checks.currency");
            setClient(errors);
            setAttempt((n) => n + 1);
            if (Object.keys(errors).length > 0) return;
            const currency = values.currency.trim().toUpperCase();
            change.mutate(
              {
                sourceId: values.sourceId,
                amountMinor: Math.round(amount * 10 ** digitsOf(currency)),
                currency,
              },
              { onSuccess: () => setValues({ sourceId: "", amount: "", currency }) },
            );
          }}
        >
          <FormProblems
            client={client}
            error={change.error}
            fieldIds={ids}
            labels={labels}
            namespace="funding"
            attempt={attempt}
          />
          <Select
            id={ids.sourceId}
            label={labels.sourceId}
            value={values.sourceId}
            onChange={(sourceId) => setValues({ ...values, sourceId })}
            placeholder={t("coFunding.choose")}
            options={(sources.data?.sources ?? []).map((source) => ({
              value: source.id,
              label: `${source.title} (${source.funder.name})`,
            }))}
            error={fieldError("sourceId")}
          />
          <TextField
            id={ids.amount}
            label={labels.amount}
            inputMode="decimal"
            width="medium"
            value={values.amount}
            onChange={(amount) => setValues({ ...values, amount })}
            error={fieldError("amount") ?? fieldError("amountMinor")}
          />
          <TextField
            id={ids.currency}
            label={labels.currency}
            width="short"
            value={values.currency}
            onChange={(currency) => setValues({ ...values, currency })}
            error={fieldError("currency")}
          />
          <div>
            <Button type="submit" busy={change.isPending}>
              {t("coFunding.record")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
