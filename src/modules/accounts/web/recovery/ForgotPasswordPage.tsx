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
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useSession } from "../session.ts";

export function ForgotPasswordPage() {
  const { t } = useTranslation("accounts");
  const demo = useSession().data?.demo ?? false;
  const ids = useFieldIds(["email"]);
  const [email, setEmail] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const request = useMutation({
    mutationFn: () => api.post("/api/v1/password-reset", { email: email.trim() }),
  });
  const fieldError = useFieldErrors(client, request.error);

  return (
    <div className="narrow">
      <PageHeader title={t("forgot.title")} lead={t("forgot.lead")} />
      {request.isSuccess ? (
        <Alert tone="success" title={t("forgot.sent", { email })}>
          <p>{t("forgot.sentBody")}</p>
          {demo && (
            <p>
              {t("demo.mailBody")} <Link to="/dev/mail">{t("demo.openMailbox")}</Link>
            </p>
          )}
        </Alert>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const errors = collectErrors({
              email: !email.trim()
                ? t("signIn.checks.emailMissing")
                : !looksLikeEmail(email) && t("signIn.checks.emailInvalid"),
            });
            setClient(errors);
            setAttempt((n) => n + 1);
            if (Object.keys(errors).length === 0) request.mutate();
          }}
        >
          <FormProblems
            client={client}
            error={request.error}
            fieldIds={ids}
            labels={{ email: t("fields.email") }}
            namespace="accounts"
            attempt={attempt}
          />
          <TextField
            id={ids.email}
            label={t("fields.email")}
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={fieldError("email")}
            required
          />
          <div className="button-row">
            <Button type="submit" busy={request.isPending}>
              {t("forgot.submit")}
            </Button>
            <Link to="/sign-in">{t("forgot.back")}</Link>
          </div>
        </form>
      )}
    </div>
  );
}
