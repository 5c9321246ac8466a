import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { collectErrors, looksLikeEmail } from "../../../../ui/forms/checks.ts";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Invitation, InviteBody, MembershipRole } from "../../contract.ts";

export function InviteForm({
  organisationId,
  onSent,
}: {
  organisationId: string;
  onSent: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation("organisations");
  const ids = useFieldIds(["email", "role"]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MembershipRole>("member");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const invite = useMutation({
    mutationFn: (body: InviteBody) =>
      api.post<Invitation>(`/api/v1/organisations/${organisationId}/invitations`, body),
    onSuccess: (invitation) => {
      setEmail("");
      setRole("member");
      onSent(invitation);
    },
  });
  const fieldError = useFieldErrors(client, invite.error);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          email: !email.trim()
            ? t("invitations.checks.emailMissing")
            : !looksLikeEmail(email) && t("invitations.checks.emailInvalid"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length === 0) invite.mutate({ email: email.trim(), role });
      }}
    >
      <FormProblems
        client={client}
        error={invite.error}
        fieldIds={ids}
        labels={{ email: t("invitations.email"), role: t("invitations.role") }}
        namespace="organisations"
        attempt={attempt}
      />
      <TextField
        id={ids.email}
        label={t("invitations.email")}
        type="email"
        autoComplete="off"
        spellCheck={false}
        width="medium"
        value={email}
        onChange={setEmail}
        error={fieldError("email")}
        required
      />
      <Select
        id={ids.role}
        label={t("invitations.role")}
        hint={t("invitations.roleHint")}
        value={role}
        onChange={(value) => setRole(value as MembershipRole)}
        options={[
          { value: "member", label: t("roles.member") },
          { value: "admin", label: t("roles.admin") },
        ]}
        error={fieldError("role")}
      />
      <div className="button-row">
        <Button type="submit" busy={invite.isPending}>
          {t("invitations.send")}
        </Button>
      </div>
    </form>
  );
}
