import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
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
import type { OrganisationSummary } from "../../../organisations/contract.ts";
import { useCreatePortfolio } from "../catalogue-queries.ts";
import { ChallengePicker } from "./ChallengePicker.tsx";

/** A cluster member starts a portfolio on a theme; solutions are added on its page. */
export function NewPortfolioForm({ clusters }: { clusters: OrganisationSummary[] }) {
  const { t } = useTranslation("catalogue");
  const navigate = useNavigate();
  const ids = useFieldIds(["clusterId", "title", "theme", "challengeId", "description"]);
  const [values, setValues] = useState({
    clusterId: clusters.length === 1 ? clusters[0]!.id : "",
    title: "",
    theme: "",
    challengeId: "",
    description: "",
  });
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useCreatePortfolio();
  const fieldError = useFieldErrors(client, create.error);
  const change = (changes: Partial<typeof values>) =>
    setValues((current) => ({ ...current, ...changes }));
  const labels = {
    clusterId: t("portfolios.fields.cluster"),
    title: t("portfolios.fields.title"),
    theme: t("portfolios.fields.theme"),
    challengeId: t("portfolios.fields.challenge"),
    description: t("portfolios.fields.description"),
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors = collectErrors({
          clusterId: !values.clusterId && t("portfolios.checks.cluster"),
          title: values.title.trim().length < 3 && t("portfolios.checks.title"),
          theme:
            (values.challengeId
              ? values.theme.trim().length > 0 && values.theme.trim().length < 3
              : values.theme.trim().length < 3) && t("portfolios.checks.theme"),
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        create.mutate(
          {
            clusterId: values.clusterId,
            title: values.title.trim(),
            ...(values.theme.trim() ? { theme: values.theme.trim() } : {}),
            ...(values.challengeId ? { challengeId: values.challengeId } : {}),
            description: values.description.trim(),
          },
          { onSuccess: (portfolio) => navigate(`/portfolios/${portfolio.id}`) },
        );
      }}
    >
      <FormProblems
        client={client}
        error={create.error}
        fieldIds={ids}
        labels={labels}
        namespace="catalogue"
        attempt={attempt}
      />
      {clusters.length > 1 && (
        <Select
          id={ids.clusterId}
          label={labels.clusterId}
          value={values.clusterId}
          placeholder={t("portfolios.chooseCluster")}
          options={clusters.map((cluster) => ({ value: cluster.id, label: cluster.name }))}
          onChange={(clusterId) => change({ clusterId })}
          error={fieldError("clusterId")}
        />
      )}
      <TextField
        id={ids.title}
        label={labels.title}
        value={values.title}
        onChange={(title) => change({ title })}
        error={fieldError("title")}
        maxLength={160}
        required
      />
      <TextField
        id={ids.theme}
        label={labels.theme}
        hint={t("portfolios.themeHint")}
        value={values.theme}
        onChange={(theme) => change({ theme })}
        error={fieldError("theme")}
        maxLength={200}
      />
      <ChallengePicker
        id={ids.challengeId}
        value={values.challengeId}
        onChange={(challengeId) => change({ challengeId })}
        error={fieldError("challengeId")}
      />
      <TextField
        id={ids.description}
        label={labels.description}
        optional
        rows={4}
        value={values.description}
        onChange={(description) => change({ description })}
        error={fieldError("description")}
        maxLength={5000}
      />
      <div className="button-row">
        <Button type="submit" busy={create.isPending}>
          {t("portfolios.create")}
        </Button>
      </div>
    </form>
  );
}
