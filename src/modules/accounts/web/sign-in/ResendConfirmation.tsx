import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";

/** Sign-in refused because the address is unconfirmed: offer a fresh confirmation link. */
export function ResendConfirmation({ email, demo }: { email: string; demo: boolean }) {
  const { t } = useTranslation("accounts");
  const resend = useMutation({
    mutationFn: () => api.post("/api/v1/accounts/email-verification/resend", { email }),
  });
  return (
    <Alert tone="warning" title={t("errors.email_not_verified")} focusOnShow>
      <p>{t("signIn.unverified.body", { email })}</p>
      {resend.isSuccess ? (
        <p role="status">
          {t("signIn.unverified.sent")}{" "}
          {demo && <Link to="/dev/mail">{t("demo.openMailbox")}</Link>}
        </p>
      ) : (
        <Button variant="secondary" small busy={resend.isPending} onClick={() => resend.mutate()}>
          {t("signIn.unverified.resend")}
        </Button>
      )}
      {resend.isError && <ProblemAlert error={resend.error} namespace="accounts" />}
    </Alert>
  );
}
