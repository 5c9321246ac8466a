import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { collectErrors, looksLikeEmail } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { currentLocale, supportedLocales, type UiLocale } from "../../../../ui/i18n/i18n.ts";
import { languageName } from "../../../../ui/i18n/LanguageSwitcher.tsx";
import type { SignUpBody } from "../../contract.ts";
import { NewPasswordField } from "../NewPasswordField.tsx";
import { usePasswordStrength } from "../password-strength.ts";
import { useSession } from "../session.ts";

export function SignUpPage() {
  const { t } = useTranslation("accounts");
  const demo = useSession().data?.demo ?? false;
  const ids = useFieldIds(["name", "email", "password", "locale"]);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Follows the page's language until the person picks another one here.
  const [chosenLocale, setLocale] = useState<UiLocale | null>(null);
  const locale = chosenLocale ?? currentLocale();
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const strength = usePasswordStrength(password, { email, name });
  const signUp = useMutation({
    mutationFn: (body: SignUpBody) => api.post("/api/v1/accounts", body),
  });
  const fieldError = useFieldErrors(client, signUp.error);

  if (signUp.isSuccess) {
    return (
      <div className="narrow">
        <PageHeader title={t("signUp.sent.title")} lead={t("signUp.sent.lead", { email })} />
        <p>{t("signUp.sent.body")}</p>
        {demo && (
          <Alert tone="info" title={t("demo.mailTitle")}>
            <p>
              {t("demo.mailBody")} <Link to="/dev/mail">{t("demo.openMailbox")}</Link>
            </p>
          </Alert>
        )}
        <p>
          <Link to="/sign-in">{t("signUp.sent.signIn")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeader title={t("signUp.title")} lead={t("signUp.lead")} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors = collectErrors({
            name: !name.trim() && t("signUp.checks.nameMissing"),
            email: !email.trim()
              ? t("signIn.checks.emailMissing")
              : !looksLikeEmail(email) && t("signIn.checks.emailInvalid"),
            password: !password
              ? t("signIn.checks.passwordMissing")
              : strength.current && !strength.strength?.acceptable && t("signUp.checks.weak"),
          });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length === 0) {
            signUp.mutate({ name: name.trim(), email: email.trim(), password, locale });
          }
        }}
      >
        <FormProblems
          client={client}
          error={signUp.error}
          fieldIds={ids}
          labels={{
            name: t("fields.name"),
            email: t("fields.email"),
            password: t("fields.password"),
            locale: t("fields.locale"),
          }}
          namespace="accounts"
          attempt={attempt}
        />
        <TextField
          id={ids.name}
          label={t("fields.name")}
          hint={t("signUp.nameHint")}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={fieldError("name")}
          maxLength={120}
          required
        />
        <TextField
          id={ids.email}
          label={t("fields.email")}
          hint={t("signUp.emailHint")}
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError("email")}
          required
        />
        <NewPasswordField
          id={ids.password}
          label={t("fields.password")}
          value={password}
          onChange={setPassword}
          error={fieldError("password")}
          strength={strength}
        />
        <Select
          id={ids.locale}
          label={t("fields.locale")}
          hint={t("signUp.localeHint")}
          value={locale}
          onChange={(value) => setLocale(value as UiLocale)}
          options={supportedLocales.map((code) => ({ value: code, label: languageName(code) }))}
          error={fieldError("locale")}
        />
        <div className="button-row">
          <Button type="submit" busy={signUp.isPending}>
            {t("signUp.submit")}
          </Button>
        </div>
        <p className="section">
          {t("signUp.haveAccount")} <Link to="/sign-in">{t("signUp.signIn")}</Link>
        </p>
      </form>
    </div>
  );
}
