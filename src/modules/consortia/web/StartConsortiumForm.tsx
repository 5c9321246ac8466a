import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import { collectErrors } from "../../../ui/forms/checks.ts";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { SuggestedTeam } from "../contract.ts";
import { useCreateConsortium } from "./consortia-queries.ts";

export interface LeadChoice {
  id: string;
  name: string;
}

/**
 * Starts a consortium from a suggested team: the lead is one of the organisations the person
 * administers (a team member or, say, the cluster that coordinates); every other member of the
 * team is invited with the capabilities it covers.
 */
export function StartConsortiumForm({
  challengeId,
  challengeTitle,
  team,
  leads,
  id,
}: {
  challengeId: string;
  challengeTitle: string;
  team: SuggestedTeam;
  leads: LeadChoice[];
  id: string;
}) {
  const { t } = useTranslation("consortia");
  const navigate = useNavigate();
  const ids = useFieldIds(["leadOrganisationId", "name"]);
  const inTeam = leads.find((lead) =>
    team.members.some((member) => member.organisation.id === lead.id),
  );
  const [values, setValues] = useState({
    leadOrganisationId: inTeam?.id ?? (leads.length === 1 ? leads[0]!.id : ""),
    name: t("start.defaultName", { challenge: challengeTitle }).slice(0, 160),
  });
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useCreateConsortium();
  const fieldError = useFieldErrors(client, create.error);
  const labels = { leadOrganisationId: t("start.lead"), name: t("start.name") };
  const covered = (organisationId: string) =>
    team.members
      .find((member) => member.organisation.id === organisationId)
      ?.covers.filter((cover) => cover.cover !== "none")
      .map((cover) => cover.code) ?? [];

  return (
    <form
      id={id}
      className="form start-consortium"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          leadOrganisationId: !values.leadOrganisationId && t("start.checks.lead"),
          name: values.name.trim().length < 3 && t("start.checks.name"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        create.mutate(
          {
            challengeId,
            leadOrganisationId: values.leadOrganisationId,
            name: values.name.trim(),
            fromSuggestion: true,
            leadCapabilities: covered(values.leadOrganisationId),
            invitations: team.members
              .filter((member) => member.organisation.id !== values.leadOrganisationId)
              .map((member) => ({
                organisationId: member.organisation.id,
                role: "partner",
                capabilities: covered(member.organisation.id),
              })),
          },
          { onSuccess: (made) => navigate(`/consortia/${made.id}`) },
        );
      }}
    >
      <FormProblems
        client={client}
        error={create.error}
        fieldIds={ids}
        labels={labels}
        namespace="consortia"
        attempt={attempt}
      />
      <Select
        id={ids.leadOrganisationId}
        label={labels.leadOrganisationId}
        hint={t("start.leadHint")}
        value={values.leadOrganisationId}
        placeholder={t("start.chooseLead")}
        options={leads.map((lead) => ({ value: lead.id, label: lead.name }))}
        onChange={(leadOrganisationId) =>
          setValues((current) => ({ ...current, leadOrganisationId }))
        }
        error={fieldError("leadOrganisationId")}
      />
      <TextField
        id={ids.name}
        label={labels.name}
        value={values.name}
        onChange={(name) => setValues((current) => ({ ...current, name }))}
        error={fieldError("name")}
        maxLength={160}
        required
      />
      <p className="small muted">{t("start.invites")}</p>
      <div className="button-row">
        <Button type="submit" busy={create.isPending}>
          {t("start.submit")}
        </Button>
      </div>
    </form>
  );
}
