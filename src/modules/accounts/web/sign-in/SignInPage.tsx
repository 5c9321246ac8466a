import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import type { DemoAccount, SignInResult } from "../../contract.ts";
import { safeNextAddress } from "../next-address.ts";
import { useAdoptSession, useSession } from "../session.ts";
import { CredentialsForm } from "./CredentialsForm.tsx";
import { DemoAccountsPanel } from "./DemoAccountsPanel.tsx";
import { SecondFactorForm } from "./SecondFactorForm.tsx";

export function SignInPage() {
  const { t } = useTranslation("accounts");
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNextAddress(params.get("next"));
  const navigate = useNavigate();
  const adopt = useAdoptSession();
  const submitId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [step, setStep] = useState<"credentials" | "code" | null>(null);
  const [filledWith, setFilledWith] = useState<string | null>(null);

  if (session.isPending) return <LoadingBlock />;
  const demo = session.data?.demo ?? false;
  const currentStep = step ?? (session.data?.pendingSecondFactor ? "code" : "credentials");
  const user = session.data?.user;

  const onResult = async (result: SignInResult) => {
    if (result.status === "second_factor_required") {
      setStep("code");
      return;
    }
    // Leave the "already signed in" view out while the new session settles in.
    setStep("credentials");
    await adopt(result.session);
    navigate(next, { replace: true });
  };

  const fillWithAccount = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(account.password);
    setStep("credentials");
    setFilledWith(account.name);
    // The form is ready: take the reader to the button that sends it.
    window.setTimeout(() => document.getElementById(submitId)?.focus(), 0);
  };

  if (user && step === null) {
    return (
      <div className="narrow">
        <PageHeader title={t("signIn.title")} />
        <Alert tone="info" title={t("signIn.already", { name: user.name })}>
          <p>
            <ButtonLink to={next}>{t("signIn.continue")}</ButtonLink>
          </p>
        </Alert>
      </div>
    );
  }

  return (
    <div className={demo ? "split" : "narrow"}>
      <div>
        <PageHeader
          title={currentStep === "code" ? t("secondFactor.title") : t("signIn.title")}
          lead={currentStep === "code" ? t("secondFactor.lead") : t("signIn.lead")}
        />
        {filledWith && currentStep === "credentials" && (
          <p className="visually-hidden" role="status">
            {t("demo.filled", { name: filledWith })}
          </p>
        )}
        {currentStep === "code" ? (
          <SecondFactorForm
            demo={demo}
            onResult={onResult}
            onStartOver={() => setStep("credentials")}
          />
        ) : (
          <>
            <CredentialsForm
              email={email}
              password={password}
              onEmail={setEmail}
              onPassword={setPassword}
              onResult={onResult}
              demo={demo}
              submitId={submitId}
            />
            <p className="section">
              {t("signIn.noAccount")} <Link to="/sign-up">{t("signIn.createAccount")}</Link>
            </p>
          </>
        )}
      </div>
      {demo && currentStep === "credentials" && <DemoAccountsPanel onUse={fillWithAccount} />}
    </div>
  );
}
