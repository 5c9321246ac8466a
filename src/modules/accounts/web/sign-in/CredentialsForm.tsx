import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { collectErrors, looksLikeEmail } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { SignInResult } from "../../contract.ts";
import { ResendConfirmation } from "./ResendConfirmation.tsx";

interface CredentialsFormProps {
  email: string;
  password: string;
  onEmail: (value: string) => void;
  onPassword: (value: string) => void;
  onResult: (result: SignInResult) => void;
  demo: boolean;
  submitId: string;
}

export function CredentialsForm(props: CredentialsFormProps) {
  const { email, password, onEmail, onPassword, onResult, demo, submitId } = props;
  const { t } = useTranslation("accounts");
  const ids = useFieldIds(["email", "password"]);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const signIn = useMutation({
    mutationFn: () => api.post<SignInResult>("/api/v1/session", { email, password }),
    onSuccess: onResult,
  });
  const fieldError = useFieldErrors(client, signIn.error);
  const unverified = isApiError(signIn.error) && signIn.error.code === "email_not_verified";

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          email: !email.trim()
            ? t("signIn.checks.emailMissing")
            : !looksLikeEmail(email) && t("signIn.checks.emailInvalid"),
          password: !password && t("signIn.checks.passwordMissing"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length === 0) signIn.mutate();
      }}
    >
      {unverified ? (
        <ResendConfirmation email={email} demo={demo} />
      ) : (
        <FormProblems
          client={client}
          error={signIn.error}
          fieldIds={ids}
          labels={{ email: t("fields.email"), password: t("fields.password") }}
          namespace="accounts"
          attempt={attempt}
        />
      )}
      <TextField
        id={ids.email}
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        spellCheck={false}
        value={email}
        onChange={onEmail}
        error={fieldError("email")}
        required
      />
      <TextField
        id={ids.password}
        label={t("fields.password")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={onPassword}
        error={fieldError("password")}
        required
      />
      <div className="button-row">
        <Button type="submit" id={submitId} busy={signIn.isPending}>
          {t("signIn.submit")}
        </Button>
        <Link to="/forgot-password">{t("signIn.forgot")}</Link>
      </div>
    </form>
  );
}
