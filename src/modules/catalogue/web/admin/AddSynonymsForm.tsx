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
import { supportedLocales, type UiLocale } from "../../../../ui/i18n/i18n.ts";
import { languageName } from "../../../../ui/i18n/LanguageSwitcher.tsx";
import { useAddSynonyms } from "../catalogue-queries.ts";

/** More words that lead to a capability, in one language (search and the picker use them). */
export function AddSynonymsForm({ capabilities }: { capabilities: SelectOption[] }) {
  const { t } = useTranslation("catalogue");
  const ids = useFieldIds(["code", "locale", "synonyms"]);
  const [code, setCode] = useState("");
  const [locale, setLocale] = useState<UiLocale>("en");
  const [text, setText] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const add = useAddSynonyms();
  const fieldError = useFieldErrors(client, add.error);
  const synonyms = text
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          code: !code && t("admin.checks.capability"),
          synonyms: synonyms.length === 0 && t("admin.checks.synonyms"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        add.mutate({ code, locale, synonyms }, { onSuccess: () => setText("") });
      }}
    >
      {add.isSuccess && <Alert tone="success" title={t("admin.synonymsAdded")} />}
      <FormProblems
        client={client}
        error={add.error}
        fieldIds={ids}
        labels={{
          code: t("admin.capability"),
          locale: t("admin.language"),
          synonyms: t("admin.synonyms"),
        }}
        namespace="catalogue"
        attempt={attempt}
      />
      <Select
        id={ids.code}
        label={t("admin.capability")}
        value={code}
        placeholder={t("admin.chooseCapability")}
        options={capabilities}
        onChange={(next) => {
          add.reset();
          setCode(next);
        }}
        error={fieldError("code")}
      />
      <Select
        id={ids.locale}
        label={t("admin.language")}
        value={locale}
        options={supportedLocales.map((one) => ({ value: one, label: languageName(one) }))}
        onChange={(next) => setLocale(next as UiLocale)}
      />
      <TextField
        id={ids.synonyms}
        label={t("admin.synonyms")}
        hint={t("admin.synonymsHint")}
        value={text}
        onChange={(next) => {
          add.reset();
          setText(next);
        }}
        error={fieldError("synonyms")}
      />
      <Button type="submit" busy={add.isPending}>
        {t("admin.addSynonyms")}
      </Button>
    </form>
  );
}
