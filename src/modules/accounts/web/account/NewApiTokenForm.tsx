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
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { CreateApiTokenBody, CreatedApiToken } from "../../contract.ts";

const expiryChoices = ["30", "90", "180", "365", "never"] as const;

export function NewApiTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation("accounts");
  const ids = useFieldIds(["name", "expiresInDays"]);
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedApiToken>("/api/v1/me/tokens", body),
    onSuccess: (token) => {
      setName("");
      onCreated(token);
    },
  });
  const fieldError = useFieldErrors(client, create.error);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({ name: !name.trim() && t("account.tokens.nameMissing") });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        create.mutate({
          name: name.trim(),
          expiresInDays: expiry === "never" ? null : Number(expiry),
        });
      }}
    >
      <FormProblems
        client={client}
        error={create.error}
        fieldIds={ids}
        labels={{
          name: t("account.tokens.name"),
          expiresInDays: t("account.tokens.expiry"),
        }}
        namespace="accounts"
        attempt={attempt}
      />
      <TextField
        id={ids.name}
        label={t("account.tokens.name")}
        hint={t("account.tokens.nameHint")}
        width="medium"
        value={name}
        onChange={setName}
        error={fieldError("name")}
        maxLength={80}
        required
      />
      <Select
        id={ids.expiresInDays}
        label={t("account.tokens.expiry")}
        value={expiry}
        onChange={setExpiry}
        options={expiryChoices.map((choice) => ({
          value: choice,
          label:
            choice === "never"
              ? t("account.tokens.noExpiry")
              : t("account.tokens.days", { count: Number(choice) }),
        }))}
        error={fieldError("expiresInDays")}
      />
      <div className="button-row">
        <Button type="submit" busy={create.isPending}>
          {t("account.tokens.createSubmit")}
        </Button>
      </div>
    </form>
  );
}
