import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { CopyButton } from "../../../../ui/components/CopyButton.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import type { TotpEnabled, TotpSetup } from "../../contract.ts";
import { sessionKey, useCurrentUser } from "../session.ts";
import { EnrolmentForm } from "./EnrolmentForm.tsx";
import { TurnOffTwoFactorForm } from "./TurnOffTwoFactorForm.tsx";

/**
 * Two-factor sign-in: set up an authenticator app (scan, confirm a code, keep the recovery
 * codes, which are shown once), or turn it off with the password.
 */
export function TwoFactorSection() {
  const { t } = useTranslation("accounts");
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const begin = useMutation({
    mutationFn: () => api.post<TotpSetup>("/api/v1/me/two-factor/setup"),
    onSuccess: setSetup,
  });
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionKey });
  if (!user) return null;
  const isAdmin = user.platformRoles.includes("admin");

  const onEnabled = (enabled: TotpEnabled) => {
    setSetup(null);
    setRecoveryCodes(enabled.recoveryCodes);
    void refreshSession();
  };

  return (
    <>
      <PageHeader
        title={t("account.twoFactor.title")}
        lead={t("account.twoFactor.lead")}
        aside={
          user.twoFactorEnabled ? (
            <Badge tone="success">{t("account.twoFactor.on")}</Badge>
          ) : (
            <Badge>{t("account.twoFactor.off")}</Badge>
          )
        }
      />
      {isAdmin && !user.twoFactorEnabled && (
        <Alert tone="warning" title={t("account.twoFactor.adminRequired")}>
          <p>{t("account.twoFactor.adminRequiredBody")}</p>
        </Alert>
      )}
      {recoveryCodes ? (
        <Card title={t("account.twoFactor.recovery.title")}>
          <Alert tone="success" title={t("account.twoFactor.enabled")} focusOnShow />
          <p>{t("account.twoFactor.recovery.body")}</p>
          <ul className="recovery-codes" aria-label={t("account.twoFactor.recovery.title")}>
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <div className="button-row">
            <CopyButton
              text={recoveryCodes.join("\n")}
              label={t("account.twoFactor.recovery.copy")}
            />
            <Button onClick={() => setRecoveryCodes(null)}>
              {t("account.twoFactor.recovery.saved")}
            </Button>
          </div>
        </Card>
      ) : user.twoFactorEnabled ? (
        isAdmin ? (
          <p>{t("account.twoFactor.adminKeeps")}</p>
        ) : (
          <TurnOffTwoFactorForm onDone={refreshSession} />
        )
      ) : setup ? (
        <EnrolmentForm setup={setup} onEnabled={onEnabled} onCancel={() => setSetup(null)} />
      ) : (
        <>
          <p>{t("account.twoFactor.intro")}</p>
          {begin.isError && <ProblemAlert error={begin.error} namespace="accounts" />}
          <Button busy={begin.isPending} onClick={() => begin.mutate()}>
            {t("account.twoFactor.start")}
          </Button>
        </>
      )}
    </>
  );
}
