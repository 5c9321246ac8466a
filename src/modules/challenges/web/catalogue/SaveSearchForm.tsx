import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import { useSaveSearch } from "../challenge-queries.ts";
import { type CatalogueChoice, filtersOf } from "./catalogue-filters.ts";

/** "Save this search": named, so its alerts say what matched. */
export function SaveSearchForm({ choice }: { choice: CatalogueChoice }) {
  const { t } = useTranslation("challenges");
  const save = useSaveSearch();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <details className="disclosure save-search">
      <summary>{t("saved.save")}</summary>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim().length < 2) return setProblem(t("saved.checks.name"));
          setProblem(undefined);
          save.mutate(
            { name: name.trim(), filters: filtersOf(choice) },
            { onSuccess: () => setName("") },
          );
        }}
      >
        <p className="small muted">{t("saved.hint")}</p>
        <TextField
          label={t("saved.name")}
          value={name}
          onChange={setName}
          error={problem}
          maxLength={120}
          width="medium"
        />
        {save.isError && <ProblemAlert error={save.error} namespace="challenges" />}
        {save.isSuccess && (
          <Alert tone="success" title={t("saved.saved", { name: save.data.name })}>
            <Link to="/me/saved-searches">{t("saved.title")}</Link>
          </Alert>
        )}
        <Button type="submit" small busy={save.isPending}>
          {t("saved.submit")}
        </Button>
      </form>
    </details>
  );
}
