import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { useDebouncedValue } from "../../../../ui/forms/debounced-value.ts";
import { useFieldIds } from "../../../../ui/forms/field-errors.ts";
import { Select } from "../../../../ui/forms/Select.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Portfolio } from "../../contract.ts";
import { useChangePortfolio, useSolutionSearch } from "../catalogue-queries.ts";

/** Find a solution of the cluster or its member organisations and add it with a note. */
export function AddMemberSolution({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation("catalogue");
  const ids = useFieldIds(["search", "solution", "note"]);
  const [text, setText] = useState("");
  const [solutionId, setSolutionId] = useState("");
  const [note, setNote] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const found = useSolutionSearch({
    clusterId: portfolio.cluster.id,
    q: q || undefined,
    limit: 50,
  });
  const change = useChangePortfolio(portfolio.id);
  const inPortfolio = new Set(portfolio.items.map((item) => item.solution.id));
  const options = (found.data?.pages[0]?.solutions ?? [])
    .filter((solution) => !inPortfolio.has(solution.id))
    .map((solution) => ({
      value: solution.id,
      label: t("curate.option", { title: solution.title, provider: solution.provider.name }),
    }));
  const added = change.isSuccess && change.variables?.kind === "add";

  return (
    <Card title={t("curate.title")}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!solutionId) return;
          change.mutate(
            { kind: "add", solutionId, note: note.trim() },
            {
              onSuccess: () => {
                setSolutionId("");
                setNote("");
              },
            },
          );
        }}
      >
        <p className="small muted">{t("curate.lead", { cluster: portfolio.cluster.name })}</p>
        {added && <Alert tone="success" title={t("curate.added")} />}
        {change.isError && change.variables?.kind === "add" && (
          <ProblemAlert error={change.error} namespace="catalogue" />
        )}
        <TextField
          id={ids.search}
          label={t("curate.search")}
          type="search"
          value={text}
          onChange={(next) => {
            setText(next);
            setSolutionId("");
            change.reset();
          }}
        />
        <Select
          id={ids.solution}
          label={t("curate.solution")}
          hint={
            found.isFetching
              ? t("curate.searching")
              : t("curate.matches", { count: options.length })
          }
          value={solutionId}
          placeholder={t("curate.choose")}
          options={options}
          onChange={(next) => {
            setSolutionId(next);
            change.reset();
          }}
        />
        <TextField
          id={ids.note}
          label={t("curate.note")}
          hint={t("curate.noteHint")}
          optional
          rows={2}
          value={note}
          onChange={setNote}
          maxLength={1000}
        />
        <Button
          type="submit"
          disabled={!solutionId}
          busy={change.isPending && change.variables?.kind === "add"}
        >
          {t("curate.add")}
        </Button>
      </form>
    </Card>
  );
}
