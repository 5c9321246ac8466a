import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { NewPasswordField } from "../NewPasswordField.tsx";
import { usePasswordStrength } from "../password-strength.ts";
import { useCurrentUser } from "../session.ts";
import { sessionsKey } from "./SessionsSection.tsx";

export function PasswordSection() {
  const { t } = useTranslation("accounts");
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const ids = useFieldIds(["currentPassword", "newPassword"]);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const strength = usePasswordStrength(newPassword, {
    email: user?.email ?? "",
    name: user?.name ?? "",
  });
  const change = useMutation({
    mutationFn: () => api.post("/api/v1/me/password", { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
  const fieldError = useFieldErrors(client, change.error);

  return (
    <>
      <PageHeader title={t("account.password.title")} lead={t("account.password.lead")} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors = collectErrors({
            currentPassword: !currentPassword && t("account.password.currentMissing"),
            newPassword: !newPassword
              ? t("signIn.checks.passwordMissing")
              : strength.current && !strength.strength?.acceptable && t("signUp.checks.weak"),
          });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length === 0) change.mutate();
        }}
      >
        {change.isSuccess && (
          <Alert tone="success" title={t("account.password.done")}>
            <p>{t("account.password.doneBody")}</p>
          </Alert>
        )}
        <FormProblems
          client={client}
          error={change.error}
          fieldIds={ids}
          labels={{
            currentPassword: t("fields.currentPassword"),
            newPassword: t("fields.newPassword"),
          }}
          namespace="accounts"
          messages={{ invalid_credentials: t("account.password.wrongCurrent") }}
          attempt={attempt}
        />
        <TextField
          id={ids.currentPassword}
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={fieldError("currentPassword")}
          required
        />
        <NewPasswordField
          id={ids.newPassword}
          label={t("fields.newPassword")}
          value={newPassword}
          onChange={setNewPassword}
          error={fieldError("newPassword")}
          strength={strength}
        />
        <div className="button-row">
          <Button type="submit" busy={change.isPending}>
            {t("account.password.submit")}
          </Button>
        </div>
      </form>
    </>
  );
}
