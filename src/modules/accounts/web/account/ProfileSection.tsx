import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { supportedLocales, switchLocale, type UiLocale } from "../../../../ui/i18n/i18n.ts";
import { languageName } from "../../../../ui/i18n/LanguageSwitcher.tsx";
import type { CurrentUser } from "../../contract.ts";
import { useCurrentUser, useUpdateCurrentUser } from "../session.ts";

export function ProfileSection() {
  const user = useCurrentUser();
  // The layout only shows sections to signed-in people.
  return user ? <ProfileForm user={user} /> : null;
}

function ProfileForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation("accounts");
  const ids = useFieldIds(["name", "locale"]);
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<UiLocale>(user.locale);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const updateUser = useUpdateCurrentUser();
  const save = useMutation({
    mutationFn: () => api.patch<CurrentUser>("/api/v1/me", { name: name.trim(), locale }),
    onSuccess: async (saved) => {
      updateUser(saved);
      await switchLocale(saved.locale);
    },
  });
  const fieldError = useFieldErrors(client, save.error);

  return (
    <>
      <PageHeader title={t("account.profile.title")} lead={t("account.profile.lead")} />
      <dl className="details">
        <dt>{t("fields.email")}</dt>
        <dd>
          {user.email}{" "}
          {user.emailVerified ? (
            <Badge tone="success">{t("account.profile.confirmed")}</Badge>
          ) : (
            <Badge tone="warning">{t("account.profile.unconfirmed")}</Badge>
          )}
        </dd>
        {user.platformRoles.length > 0 && (
          <>
            <dt>{t("account.profile.roles")}</dt>
            <dd>{user.platformRoles.map((role) => t(`roles.${role}`)).join(", ")}</dd>
          </>
        )}
      </dl>
      <form
        className="form section"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const errors = collectErrors({ name: !name.trim() && t("signUp.checks.nameMissing") });
          setClient(errors);
          setAttempt((n) => n + 1);
          if (Object.keys(errors).length === 0) save.mutate();
        }}
      >
        {save.isSuccess && <Alert tone="success" title={t("account.profile.saved")} />}
        <FormProblems
          client={client}
          error={save.error}
          fieldIds={ids}
          labels={{ name: t("fields.name"), locale: t("fields.locale") }}
          namespace="accounts"
          attempt={attempt}
        />
        <TextField
          id={ids.name}
          label={t("fields.name")}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={fieldError("name")}
          maxLength={120}
          required
        />
        <Select
          id={ids.locale}
          label={t("fields.locale")}
          hint={t("account.profile.localeHint")}
          value={locale}
          onChange={(value) => setLocale(value as UiLocale)}
          options={supportedLocales.map((code) => ({ value: code, label: languageName(code) }))}
          error={fieldError("locale")}
        />
        <div className="button-row">
          <Button type="submit" busy={save.isPending}>
            {t("account.profile.save")}
          </Button>
        </div>
      </form>
    </>
  );
}
