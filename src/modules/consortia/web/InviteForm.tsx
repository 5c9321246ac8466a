import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { useDebouncedValue } from "../../../ui/forms/debounced-value.ts";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors, useFieldIds } from "../../../ui/forms/field-errors.ts";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useCapabilityLabels } from "../../catalogue/web/form/CapabilityField.tsx";
import type { Consortium } from "../contract.ts";
import { useChangeConsortium, useOrganisationSearch } from "./consortia-queries.ts";

/** The lead invites an organisation found by name, with a role and the capabilities it brings. */
export function InviteForm({ consortium }: { consortium: Consortium }) {
  const { t } = useTranslation("consortia");
  const capabilityLabel = useCapabilityLabels();
  const ids = useFieldIds(["organisationId", "role", "capabilities", "message"]);
  const groupId = useId();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search, 300);
  const found = useOrganisationSearch(debounced);
  const [values, setValues] = useState({
    organisationId: "",
    role: "partner" as "partner" | "subcontractor" | "advisor",
    capabilities: [] as string[],
    message: "",
  });
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const change = useChangeConsortium(consortium.id);
  const fieldError = useFieldErrors(client, change.error);
  const involved = new Set([
    ...consortium.members.map((member) => member.organisation.id),
    ...consortium.invitations
      .filter((invitation) => invitation.status === "pending")
      .map((invitation) => invitation.organisation.id),
  ]);
  const options = (found.data ?? []).filter((organisation) => !involved.has(organisation.id));
  const labels = {
    organisationId: t("invite.organisation"),
    role: t("invite.role"),
    capabilities: t("invite.capabilities"),
    message: t("invite.message"),
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors: FieldErrors = values.organisationId
          ? {}
          : { organisationId: t("invite.checks.organisation") };
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        change.mutate(
          { kind: "invite", body: values },
          {
            onSuccess: () => {
              setValues({ organisationId: "", role: "partner", capabilities: [], message: "" });
              setSearch("");
            },
          },
        );
      }}
    >
      <FormProblems
        client={client}
        error={change.error}
        fieldIds={ids}
        labels={labels}
        namespace="consortia"
        attempt={attempt}
      />
      {change.isSuccess && <p role="status">{t("done.invite")}</p>}
      <TextField
        label={t("invite.search")}
        hint={t("invite.searchHint")}
        value={search}
        onChange={setSearch}
        maxLength={200}
        type="search"
      />
      <Select
        id={ids.organisationId}
        label={labels.organisationId}
        value={values.organisationId}
        placeholder={
          debounced.trim().length < 2
            ? t("invite.typeFirst")
            : options.length === 0
              ? t("invite.noMatch")
              : t("invite.choose")
        }
        options={options.map((organisation) => ({
          value: organisation.id,
          label: `${organisation.name} (${t(`kinds.${organisation.kind}`)})`,
        }))}
        onChange={(organisationId) => setValues((current) => ({ ...current, organisationId }))}
        error={fieldError("organisationId")}
      />
      <Select
        id={ids.role}
        label={labels.role}
        value={values.role}
        options={(["partner", "subcontractor", "advisor"] as const).map((role) => ({
          value: role,
          label: t(`roles.${role}`),
        }))}
        onChange={(role) =>
          setValues((current) => ({ ...current, role: role as typeof current.role }))
        }
        error={fieldError("role")}
      />
      {consortium.challenge.capabilities.length > 0 && (
        <fieldset className="fieldset" id={ids.capabilities} aria-describedby={`${groupId}-hint`}>
          <legend>{labels.capabilities}</legend>
          <p id={`${groupId}-hint`} className="field__hint">
            {t("invite.capabilitiesHint")}
          </p>
          {consortium.challenge.capabilities.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={values.capabilities.includes(code)}
                onChange={(event) =>
                  setValues((current) => ({
                    ...current,
                    capabilities: event.target.checked
                      ? [...current.capabilities, code]
                      : current.capabilities.filter((item) => item !== code),
                  }))
                }
              />
              {capabilityLabel(code)}
            </label>
          ))}
        </fieldset>
      )}
      <TextField
        id={ids.message}
        label={labels.message}
        optional
        rows={3}
        value={values.message}
        onChange={(message) => setValues((current) => ({ ...current, message }))}
        error={fieldError("message")}
        maxLength={1000}
      />
      <div className="button-row">
        <Button type="submit" busy={change.isPending}>
          {t("invite.submit")}
        </Button>
      </div>
    </form>
  );
}
