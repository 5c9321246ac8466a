import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { ProposalForm } from "../contract.ts";
import { useSectionTexts } from "./ProposalEditor.tsx";
import { useDefineForm } from "./procurement-queries.ts";

interface Row {
  /** Stable across edits, for React and the field ids. */
  uid: number;
  key: string;
  title: string;
  guidance: string;
  required: boolean;
  maxLength: string;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
let next = 0;

/** The city's members name the sections every proposal answers, until the first one arrives. */
export function FormDefinition({ challengeId, form }: { challengeId: string; form: ProposalForm }) {
  const { t } = useTranslation("procurement");
  const base = useId();
  const shown = useSectionTexts(form);
  const [rows, setRows] = useState<Row[]>(() =>
    shown.map((section) => ({
      uid: next++,
      key: section.key,
      title: section.title,
      guidance: section.guidance,
      required: section.required,
      maxLength: String(section.maxLength),
    })),
  );
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const define = useDefineForm(challengeId);
  const fieldError = useFieldErrors(client, define.error);
  const idOf = (index: number, field: string) => `${base}-${rows[index]?.uid}-${field}`;
  const ids: Record<string, string> = {};
  const labels: Record<string, string> = {};
  rows.forEach((_row, index) => {
    for (const field of ["key", "title", "guidance", "maxLength"]) {
      ids[`sections.${index}.${field}`] = idOf(index, field);
      labels[`sections.${index}.${field}`] =
        `${t("define.section", { number: index + 1 })}, ${t(`define.${field}`)}`;
    }
  });
  const update = (uid: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.uid === uid ? { ...row, ...change } : row)));

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const number = index + 1;
      const key = row.key.trim();
      if (!KEY.test(key)) errors[`sections.${index}.key`] = t("define.checks.key", { number });
      else if (seen.has(key)) {
        errors[`sections.${index}.key`] = t("define.checks.duplicate", { number });
      }
      seen.add(key);
      if (row.title.trim().length < 2) {
        errors[`sections.${index}.title`] = t("define.checks.title", { number });
      }
      const max = Number(row.maxLength);
      if (!Number.isInteger(max) || max < 100 || max > 50_000) {
        errors[`sections.${index}.maxLength`] = t("define.checks.maxLength", { number });
      }
    });
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
        define.mutate({
          sections: rows.map((row) => ({
            key: row.key.trim(),
            title: row.title.trim(),
            guidance: row.guidance.trim(),
            required: row.required,
            maxLength: Number(row.maxLength),
          })),
        });
      }}
    >
      <p>{t("define.lead")}</p>
      <FormProblems
        client={client}
        error={define.error}
        fieldIds={ids}
        labels={labels}
        namespace="procurement"
        attempt={attempt}
      />
      {define.isSuccess && <Alert tone="success" title={t("define.saved")} />}
      <ol className="form-sections">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.uid}>
              <fieldset className="fieldset">
                <legend>{t("define.section", { number })}</legend>
                <TextField
                  id={idOf(index, "key")}
                  label={t("define.key")}
                  hint={t("define.keyHint")}
                  value={row.key}
                  onChange={(key) => update(row.uid, { key })}
                  autoComplete="off"
                  width="medium"
                  error={fieldError(`sections.${index}.key`)}
                />
                <TextField
                  id={idOf(index, "title")}
                  label={t("define.title")}
                  value={row.title}
                  onChange={(title) => update(row.uid, { title })}
                  maxLength={120}
                  error={fieldError(`sections.${index}.title`)}
                />
                <TextField
                  id={idOf(index, "guidance")}
                  label={t("define.guidance")}
                  optional
                  rows={2}
                  value={row.guidance}
                  onChange={(guidance) => update(row.uid, { guidance })}
                  maxLength={1000}
                  error={fieldError(`sections.${index}.guidance`)}
                />
                <Checkbox
                  label={t("define.required")}
                  checked={row.required}
                  onChange={(required) => update(row.uid, { required })}
                />
                <TextField
                  id={idOf(index, "maxLength")}
                  label={t("define.maxLength")}
                  value={row.maxLength}
                  onChange={(maxLength) => update(row.uid, { maxLength })}
                  inputMode="numeric"
                  width="short"
                  error={fieldError(`sections.${index}.maxLength`)}
                />
                {rows.length > 1 && (
                  <Button
                    variant="secondary"
                    small
                    onClick={() =>
                      setRows((current) => current.filter((entry) => entry.uid !== row.uid))
                    }
                  >
                    {t("define.remove", { number })}
                  </Button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        {rows.length < 20 && (
          <Button
            variant="secondary"
            onClick={() =>
              setRows((current) => [
                ...current,
                {
                  uid: next++,
                  key: "",
                  title: "",
                  guidance: "",
                  required: true,
                  maxLength: "5000",
                },
              ])
            }
          >
            {t("define.add")}
          </Button>
        )}
        <Button type="submit" busy={define.isPending}>
          {t("define.submit")}
        </Button>
      </div>
    </form>
  );
}
