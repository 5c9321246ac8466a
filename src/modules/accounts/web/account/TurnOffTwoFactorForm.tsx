import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";

export function TurnOffTwoFactorForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("accounts");
  const ids = useFieldIds(["password"]);
  const [password, setPassword] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const turnOff = useMutation({
    mutationFn: () => api.delete("/api/v1/me/two-factor", { password }),
    onSuccess: onDone,
  });
  const fieldError = useFieldErrors(client, turnOff.error);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          password: !password && t("account.password.currentMissing"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length === 0) turnOff.mutate();
      }}
    >
      <h2>{t("account.twoFactor.turnOff")}</h2>
      <p>{t("account.twoFactor.turnOffBody")}</p>
      <FormProblems
        client={client}
        error={turnOff.error}
        fieldIds={ids}
        labels={{ password: t("fields.currentPassword") }}
        namespace="accounts"
        messages={{ invalid_credentials: t("account.password.wrongCurrent") }}
        attempt={attempt}
      />
      <TextField
        id={ids.password}
        label={t("fields.currentPassword")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={fieldError("password")}
        required
      />
      <div className="button-row">
        <Button type="submit" variant="danger" busy={turnOff.isPending}>
          {t("account.twoFactor.turnOffSubmit")}
        </Button>
      </div>
    </form>
  );
}
