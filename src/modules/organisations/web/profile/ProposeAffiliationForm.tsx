import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import type { Organisation, OrganisationKind } from "../../contract.ts";
import { useRefreshOrganisations } from "../organisation-queries.ts";
import { OrganisationPicker } from "./OrganisationPicker.tsx";

interface ProposeAffiliationFormProps {
  organisation: Organisation;
  /** "join": this organisation becomes a member; "admit": it takes another in. */
  direction: "join" | "admit";
  kinds: OrganisationKind[];
  /** Organisations already tied to this one (or asked), which are not offered again. */
  related: string[];
}

export function ProposeAffiliationForm({
  organisation,
  direction,
  kinds,
  related,
}: ProposeAffiliationFormProps) {
  const { t } = useTranslation("organisations");
  const refresh = useRefreshOrganisations();
  const ids = useFieldIds(["other"]);
  const [other, setOther] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const propose = useMutation({
    mutationFn: () =>
      api.post<{ id: string; status: "pending" | "active" | "ended" }>(
        "/api/v1/affiliations",
        direction === "join"
          ? { parentId: other, memberId: organisation.id }
          : { parentId: organisation.id, memberId: other },
      ),
    onSuccess: async () => {
      setOther("");
      await refresh();
    },
  });
  const fieldError = useFieldErrors(client, propose.error);
  const label = direction === "join" ? t("affiliations.joinWhich") : t("affiliations.admitWhich");

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors: FieldErrors = other ? {} : { other: t("affiliations.checks.missing") };
        setClient(errors);
        setAttempt((n) => n + 1);
        if (other) propose.mutate();
      }}
    >
      {propose.isSuccess && (
        <Alert
          tone="success"
          title={
            propose.data.status === "active"
              ? t("affiliations.proposedActive")
              : t("affiliations.proposedPending")
          }
        />
      )}
      <FormProblems
        client={client}
        error={propose.error}
        fieldIds={ids}
        labels={{ other: label }}
        namespace="organisations"
        attempt={attempt}
      />
      <OrganisationPicker
        id={ids.other}
        kinds={kinds}
        excludeIds={[organisation.id, ...related]}
        label={label}
        value={other}
        onChange={setOther}
        error={fieldError("other")}
      />
      <div className="button-row">
        <Button type="submit" busy={propose.isPending}>
          {direction === "join" ? t("affiliations.proposeJoin") : t("affiliations.proposeAdmit")}
        </Button>
      </div>
    </form>
  );
}
