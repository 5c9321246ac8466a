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
import type { SignInResult } from "../../contract.ts";
import { useDemoAccounts } from "./demo-accounts.ts";

const codeShape = /^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i;

interface SecondFactorFormProps {
  onResult: (result: SignInResult) => void;
  onStartOver: () => void;
  demo: boolean;
}

/** The second step of a two-factor sign-in: a code from the app, or a recovery code. */
export function SecondFactorForm({ onResult, onStartOver, demo }: SecondFactorFormProps) {
  const { t } = useTranslation("accounts");
  const ids = useFieldIds(["code"]);
  const [code, setCode] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const demoAccounts = useDemoAccounts(demo);
  const demoCode = demoAccounts.data?.accounts.find((account) => account.totpCode)?.totpCode;
  const verify = useMutation({
    mutationFn: () =>
      api.post<SignInResult>("/api/v1/session/second-factor", { code: code.trim() }),
    onSuccess: onResult,
  });
  const fieldError = useFieldErrors(client, verify.error);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          code: !code.trim()
            ? t("secondFactor.checks.missing")
            : !codeShape.test(code.trim()) && t("secondFactor.checks.shape"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length === 0) verify.mutate();
      }}
    >
      <FormProblems
        client={client}
        error={verify.error}
        fieldIds={ids}
        labels={{ code: t("secondFactor.code") }}
        namespace="accounts"
        attempt={attempt}
      />
      <TextField
        id={ids.code}
        label={t("secondFactor.code")}
        hint={t("secondFactor.hint")}
        autoComplete="one-time-code"
        spellCheck={false}
        width="medium"
        value={code}
        onChange={setCode}
        error={fieldError("code")}
        required
      />
      {demo && demoCode && (
        <p className="small">
          {t("demo.currentCode")} <span className="totp-code">{demoCode}</span>{" "}
          <Button variant="quiet" small onClick={() => setCode(demoCode)}>
            {t("demo.useCode")}
          </Button>
        </p>
      )}
      <div className="button-row">
        <Button type="submit" busy={verify.isPending}>
          {t("secondFactor.submit")}
        </Button>
        <Button variant="quiet" onClick={onStartOver}>
          {t("secondFactor.startOver")}
        </Button>
      </div>
    </form>
  );
}
