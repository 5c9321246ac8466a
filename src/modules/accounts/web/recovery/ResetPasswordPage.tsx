import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button, ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { forgetFragmentToken, useFragmentToken } from "../../../../ui/layout/fragment-token.ts";
import { NewPasswordField } from "../NewPasswordField.tsx";
import { usePasswordStrength } from "../password-strength.ts";

export function ResetPasswordPage() {
  const { t } = useTranslation("accounts");
  const token = useFragmentToken();
  const ids = useFieldIds(["password"]);
  const [password, setPassword] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const strength = usePasswordStrength(password);
  const reset = useMutation({
    mutationFn: () => api.post("/api/v1/password-reset/confirm", { token, password }),
    onSuccess: forgetFragmentToken,
  });
  const fieldError = useFieldErrors(client, reset.error);
  const linkBroken = isApiError(reset.error) && reset.error.code === "token_invalid";

  if (!token) {
    return (
      <div className="narrow">
        <PageHeader title={t("reset.title")} />
        <Alert tone="error" title={t("reset.noToken")}>
          <p>
            <Link to="/forgot-password">{t("reset.askAgain")}</Link>
          </p>
        </Alert>
      </div>
    );
  }

  if (reset.isSuccess) {
    return (
      <div className="narrow">
        <PageHeader title={t("reset.title")} />
        <Alert tone="success" title={t("reset.done")}>
          <p>{t("reset.doneBody")}</p>
          <p>
            <ButtonLink to="/sign-in">{t("verify.signIn")}</ButtonLink>
          </p>
        </Alert>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeader title={t("reset.title")} lead={t("reset.lead")} />
      {linkBroken && (
        <p>
          <Link to="/forgot-password">{t("reset.askAgain")}</Link>
        </p>
      )}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors = collectErrors({
            password: !password
              ? t("signIn.checks.passwordMissing")
              : strength.current && !strength.strength?.acceptable && t("signUp.checks.weak"),
          });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length === 0) reset.mutate();
        }}
      >
        <FormProblems
          client={client}
          error={reset.error}
          fieldIds={ids}
          labels={{ password: t("fields.newPassword") }}
          namespace="accounts"
          attempt={attempt}
        />
        <NewPasswordField
          id={ids.password}
          label={t("fields.newPassword")}
          value={password}
          onChange={setPassword}
          error={fieldError("password")}
          strength={strength}
        />
        <div className="button-row">
          <Button type="submit" busy={reset.isPending}>
            {t("reset.submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
