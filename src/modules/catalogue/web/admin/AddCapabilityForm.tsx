import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { Select, type SelectOption } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useAddCapability } from "../catalogue-queries.ts";

const empty = { parent: "", segment: "", en: "", fr: "", es: "", synonyms: "" };

const termsOf = (text: string) =>
  text
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean);

/** A new code under an existing one, with its label in three languages. */
export function AddCapabilityForm({ parents }: { parents: SelectOption[] }) {
  const { t } = useTranslation("catalogue");
  const ids = useFieldIds(["parent", "code", "labels.en", "labels.fr", "labels.es", "synonyms"]);
  const [values, setValues] = useState(empty);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const add = useAddCapability();
  const fieldError = useFieldErrors(client, add.error);
  const change = (changes: Partial<typeof empty>) => {
    add.reset();
    setValues((current) => ({ ...current, ...changes }));
  };
  const code = values.parent && values.segment ? `${values.parent}.${values.segment}` : "";
  const labels = {
    parent: t("admin.parent"),
    code: t("admin.segment"),
    "labels.en": t("admin.labelEn"),
    "labels.fr": t("admin.labelFr"),
    "labels.es": t("admin.labelEs"),
    synonyms: t("admin.synonymsEn"),
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          parent: !values.parent && t("admin.checks.parent"),
          code: !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.segment) && t("admin.checks.segment"),
          "labels.en": values.en.trim().length < 2 && t("admin.checks.label"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        const synonyms = termsOf(values.synonyms);
        add.mutate(
          {
            code,
            parent: values.parent,
            labels: {
              en: values.en.trim(),
              ...(values.fr.trim() ? { fr: values.fr.trim() } : {}),
              ...(values.es.trim() ? { es: values.es.trim() } : {}),
            },
            synonyms: synonyms.length ? { en: synonyms } : {},
          },
          { onSuccess: () => setValues(empty) },
        );
      }}
    >
      {add.isSuccess && <Alert tone="success" title={t("admin.added", { code: add.data.code })} />}
      <FormProblems
        client={client}
        error={add.error}
        fieldIds={ids}
        labels={labels}
        namespace="catalogue"
        attempt={attempt}
      />
      <Select
        id={ids.parent}
        label={labels.parent}
        value={values.parent}
        placeholder={t("admin.chooseParent")}
        options={parents}
        onChange={(parent) => change({ parent })}
        error={fieldError("parent")}
      />
      <TextField
        id={ids.code}
        label={labels.code}
        hint={code ? t("admin.codePreview", { code }) : t("admin.segmentHint")}
        width="medium"
        spellCheck={false}
        value={values.segment}
        onChange={(segment) => change({ segment: segment.toLowerCase() })}
        error={fieldError("code")}
      />
      <fieldset className="fieldset">
        <legend>{t("admin.labels")}</legend>
        <TextField
          id={ids["labels.en"]}
          label={labels["labels.en"]}
          lang="en"
          value={values.en}
          onChange={(en) => change({ en })}
          error={fieldError("labels.en")}
        />
        <TextField
          id={ids["labels.fr"]}
          label={labels["labels.fr"]}
          lang="fr"
          optional
          value={values.fr}
          onChange={(fr) => change({ fr })}
          error={fieldError("labels.fr")}
        />
        <TextField
          id={ids["labels.es"]}
          label={labels["labels.es"]}
          lang="es"
          optional
          value={values.es}
          onChange={(es) => change({ es })}
          error={fieldError("labels.es")}
        />
      </fieldset>
      <TextField
        id={ids.synonyms}
        label={labels.synonyms}
        hint={t("admin.synonymsHint")}
        optional
        value={values.synonyms}
        onChange={(synonyms) => change({ synonyms })}
        error={fieldError("synonyms")}
      />
      <Button type="submit" busy={add.isPending}>
        {t("admin.add")}
      </Button>
    </form>
  );
}
