import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { forgetFragmentToken, useFragmentToken } from "../../../../ui/layout/fragment-token.ts";
import { useSession } from "../session.ts";

/** The page a confirmation e-mail links to: it confirms at once, then offers to sign in. */
export function VerifyEmailPage() {
  const { t } = useTranslation("accounts");
  const token = useFragmentToken();
  const signedIn = Boolean(useSession().data?.user);
  const started = useRef(false);
  const verify = useMutation({
    mutationFn: (value: string) =>
      api.post<{ email: string }>("/api/v1/accounts/email-verification", { token: value }),
    onSettled: forgetFragmentToken,
  });

  useEffect(() => {
    // Once only: the token works a single time.
    if (!token || started.current) return;
    started.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <div className="narrow">
      <PageHeader title={t("verify.title")} />
      {!token ? (
        <Alert tone="error" title={t("verify.noToken")}>
          <p>{t("verify.noTokenBody")}</p>
        </Alert>
      ) : verify.isSuccess ? (
        <Alert tone="success" title={t("verify.done", { email: verify.data.email })}>
          <p>{signedIn ? t("verify.doneSignedIn") : t("verify.doneBody")}</p>
          <p>
            {signedIn ? (
              <ButtonLink to="/">{t("verify.home")}</ButtonLink>
            ) : (
              <ButtonLink to="/sign-in">{t("verify.signIn")}</ButtonLink>
            )}
          </p>
        </Alert>
      ) : verify.isError ? (
        <>
          <ProblemAlert error={verify.error} namespace="accounts" />
          <p>
            {t("verify.failedBody")} <Link to="/sign-in">{t("verify.signIn")}</Link>
          </p>
        </>
      ) : (
        <LoadingBlock label={t("verify.checking")} />
      )}
    </div>
  );
}
