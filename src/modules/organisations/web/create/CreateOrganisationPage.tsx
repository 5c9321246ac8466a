import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../../../ui/api/api-client.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { errorIdOf } from "../../../../ui/forms/Field.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import type { CreateOrganisationBody, Organisation, OrganisationKind } from "../../contract.ts";
import { organisationKinds } from "../organisation-kinds.ts";
import { useCities, useRefreshOrganisations } from "../organisation-queries.ts";
import { checkProfile, ProfileFields, type ProfileValues, profileBody } from "../ProfileFields.tsx";
import { SignInPrompt } from "../SignInPrompt.tsx";
import { useViewer } from "../viewer.ts";
import { CityPicker } from "./CityPicker.tsx";

const empty: ProfileValues = { name: "", country: "", locality: "", website: "", description: "" };

export function CreateOrganisationPage() {
  const { t } = useTranslation("organisations");
  const viewer = useViewer();
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) {
    return (
      <div className="narrow">
        <PageHeader title={t("create.title")} />
        <SignInPrompt message={t("create.signIn")} />
      </div>
    );
  }
  return <CreateOrganisationForm emailVerified={viewer.user.emailVerified} />;
}

function CreateOrganisationForm({ emailVerified }: { emailVerified: boolean }) {
  const { t } = useTranslation("organisations");
  const navigate = useNavigate();
  const refresh = useRefreshOrganisations();
  const cities = useCities();
  const ids = useFieldIds([
    "kind",
    "cityId",
    "name",
    "country",
    "locality",
    "website",
    "description",
  ]);
  const kindGroup = useId();
  const [kind, setKind] = useState<OrganisationKind | "">("");
  const [cityId, setCityId] = useState("");
  const [values, setValues] = useState<ProfileValues>(empty);
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useMutation({
    mutationFn: (body: CreateOrganisationBody) =>
      api.post<Organisation>("/api/v1/organisations", body),
    onSuccess: async (organisation) => {
      await refresh();
      navigate(`/organisations/${organisation.slug}`);
    },
  });
  const fieldError = useFieldErrors(client, create.error);
  const city = cities.data?.cities.find((candidate) => candidate.id === cityId);

  const submit = () => {
    const errors: FieldErrors = {
      ...(kind ? {} : { kind: t("create.checks.kindMissing") }),
      ...(kind === "city" && !cityId ? { cityId: t("create.checks.cityMissing") } : {}),
      ...checkProfile(values, t, kind !== "city"),
    };
    setClient(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0 || !kind) return;
    const profile = profileBody(values, kind !== "city");
    create.mutate(
      kind === "city"
        ? { ...profile, kind, cityId, country: city?.country ?? "", locality: null }
        : { ...profile, kind, country: values.country },
    );
  };

  return (
    <div className="reading">
      <PageHeader title={t("create.title")} lead={t("create.lead")} />
      {!emailVerified && (
        <Alert tone="warning" title={t("create.unverified")}>
          <p>{t("create.unverifiedBody")}</p>
        </Alert>
      )}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormProblems
          client={client}
          error={create.error}
          fieldIds={{ ...ids, kind: `${kindGroup}-${organisationKinds[0]}` }}
          labels={{
            kind: t("fields.kind"),
            cityId: t("fields.city"),
            name: t("fields.name"),
            country: t("fields.country"),
            locality: t("fields.locality"),
            website: t("fields.website"),
            description: t("fields.description"),
          }}
          namespace="organisations"
          messages={{ forbidden: t("create.unverified") }}
          attempt={attempt}
        />
        <fieldset
          className={`fieldset${fieldError("kind") ? " field--error" : ""}`}
          aria-describedby={fieldError("kind") ? errorIdOf(kindGroup) : undefined}
        >
          <legend>{t("fields.kind")}</legend>
          {fieldError("kind") && (
            <p className="field__error" id={errorIdOf(kindGroup)}>
              {fieldError("kind")}
            </p>
          )}
          {organisationKinds.map((option) => (
            <div key={option} className="checkbox">
              <input
                type="radio"
                id={`${kindGroup}-${option}`}
                name={kindGroup}
                value={option}
                checked={kind === option}
                aria-describedby={`${kindGroup}-${option}-hint`}
                onChange={() => setKind(option)}
              />
              <label htmlFor={`${kindGroup}-${option}`}>{t(`kinds.${option}`)}</label>
              <div className="checkbox__hint" id={`${kindGroup}-${option}-hint`}>
                {t(`kindHints.${option}`)}
              </div>
            </div>
          ))}
        </fieldset>
        {kind === "city" &&
          (cities.data ? (
            <CityPicker
              id={ids.cityId}
              cities={cities.data.cities}
              value={cityId}
              onChange={setCityId}
              error={fieldError("cityId")}
            />
          ) : (
            <LoadingBlock label={t("create.loadingCities")} />
          ))}
        <ProfileFields
          values={values}
          onChange={(changes) => setValues((current) => ({ ...current, ...changes }))}
          fieldError={fieldError}
          ids={ids}
          showCountry={kind !== "city"}
        />
        <div className="button-row">
          <Button type="submit" busy={create.isPending}>
            {t("create.submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
