import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../ui/api/api-client.ts";
import { Button } from "../../../../ui/components/Button.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import type { Organisation, UpdateOrganisationBody } from "../../contract.ts";
import { organisationsKey, useRefreshOrganisations } from "../organisation-queries.ts";
import { checkProfile, ProfileFields, type ProfileValues, profileBody } from "../ProfileFields.tsx";

export function EditProfileForm({
  organisation,
  onDone,
}: {
  organisation: Organisation;
  onDone: () => void;
}) {
  const { t } = useTranslation("organisations");
  const queryClient = useQueryClient();
  const refresh = useRefreshOrganisations();
  const ids = useFieldIds(["name", "country", "locality", "website", "description"]);
  const isCity = organisation.kind === "city";
  const [values, setValues] = useState<ProfileValues>({
    name: organisation.name,
    country: organisation.country,
    locality: organisation.locality ?? "",
    website: organisation.website ?? "",
    description: organisation.description,
  });
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    mutationFn: (body: UpdateOrganisationBody) =>
      api.patch<Organisation>(`/api/v1/organisations/${organisation.id}`, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...organisationsKey, "profile", organisation.slug], saved);
      await refresh();
      onDone();
    },
  });
  const fieldError = useFieldErrors(client, save.error);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = checkProfile(values, t, !isCity);
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        const body = profileBody(values, !isCity);
        save.mutate(isCity ? { ...body, locality: undefined } : body);
      }}
    >
      <FormProblems
        client={client}
        error={save.error}
        fieldIds={ids}
        labels={{
          name: t("fields.name"),
          country: t("fields.country"),
          locality: t("fields.locality"),
          website: t("fields.website"),
          description: t("fields.description"),
        }}
        namespace="organisations"
        attempt={attempt}
      />
      <ProfileFields
        values={values}
        onChange={(changes) => setValues((current) => ({ ...current, ...changes }))}
        fieldError={fieldError}
        ids={ids}
        showCountry={!isCity}
      />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t("manage.save")}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t("manage.cancel")}
        </Button>
      </div>
    </form>
  );
}
