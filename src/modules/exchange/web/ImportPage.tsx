import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { Card } from "../../../ui/components/Card.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { errorIdOf, hintIdOf } from "../../../ui/forms/Field.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useMyOrganisations, useViewer } from "../../catalogue/web/viewer.ts";
import { SignInPrompt } from "../../organisations/web/SignInPrompt.tsx";
import { ImportSummary, ProblemReport } from "./ImportResult.tsx";
import { importProblemsOf, useImport } from "./import-request.ts";

/** Bulk import: a CSV of solutions or a bundle, checked first (dry run), then imported. */
export function ImportPage() {
  const { t } = useTranslation("exchange");
  const viewer = useViewer();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {viewer.pending ? (
        <LoadingBlock />
      ) : viewer.user ? (
        <div className="stack">
          <ImportForm isPlatformAdmin={viewer.user.platformRoles.includes("admin")} />
          <CsvHelp />
        </div>
      ) : (
        <SignInPrompt message={t("signIn")} />
      )}
    </>
  );
}

/** "platform", or the id of a cluster the person administers. */
type Importer = string;

function ImportForm({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation("exchange");
  const fileId = useId();
  const pasteId = useId();
  const importerId = useId();
  const memberships = useMyOrganisations(true);
  const clusters = (memberships.data?.memberships ?? []).filter(
    (membership) => membership.organisation.kind === "cluster" && membership.role === "admin",
  );
  const choices: Array<{ value: Importer; label: string }> = [
    ...(isPlatformAdmin ? [{ value: "platform", label: t("form.asPlatform") }] : []),
    ...clusters.map((membership) => ({
      value: membership.organisation.id,
      label: membership.organisation.name,
    })),
  ];
  const [chosenImporter, setImporter] = useState<Importer | null>(null);
  const importer = chosenImporter ?? choices[0]?.value ?? "platform";
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [missing, setMissing] = useState(false);
  const run = useImport();
  const problems = run.isError ? importProblemsOf(run.error) : null;

  const send = async (dryRun: boolean) => {
    const text = file ? await file.text() : pasted;
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    run.mutate({
      text,
      fileName: file?.name ?? null,
      dryRun,
      clusterId: importer === "platform" ? null : importer,
    });
  };
  const dryRunning = run.isPending && run.variables?.dryRun === true;
  const importing = run.isPending && run.variables?.dryRun === false;

  return (
    <>
      <Card title={t("form.heading")}>
        <form
          className="form"
          noValidate
          aria-busy={run.isPending || undefined}
          onSubmit={(event) => {
            event.preventDefault();
            void send(false);
          }}
        >
          {choices.length > 1 && (
            <Select
              id={importerId}
              label={t("form.importer")}
              hint={t("form.importerHint")}
              value={importer}
              onChange={(next) => {
                setImporter(next);
                run.reset();
              }}
              options={choices}
            />
          )}
          <div className={`field${missing ? " field--error" : ""}`}>
            <label className="field__label" htmlFor={fileId}>
              {t("form.file")}
            </label>
            <div className="field__hint" id={hintIdOf(fileId)}>
              {t("form.fileHint")}
            </div>
            {missing && (
              <p className="field__error" id={errorIdOf(fileId)} role="alert">
                {t("form.empty")}
              </p>
            )}
            <input
              id={fileId}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              aria-describedby={`${hintIdOf(fileId)}${missing ? ` ${errorIdOf(fileId)}` : ""}`}
              aria-invalid={missing || undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissing(false);
                run.reset();
              }}
            />
          </div>
          <TextField
            id={pasteId}
            label={t("form.paste")}
            hint={t("form.pasteHint")}
            optional
            rows={6}
            value={pasted}
            onChange={(next) => {
              setPasted(next);
              setMissing(false);
              run.reset();
            }}
          />
          <div className="button-row">
            <Button
              variant="secondary"
              busy={dryRunning}
              disabled={run.isPending}
              onClick={() => void send(true)}
            >
              {t("form.check")}
            </Button>
            <Button type="submit" busy={importing} disabled={run.isPending}>
              {t("form.import")}
            </Button>
          </div>
          <p role="status" className="small muted">
            {dryRunning ? t("form.checking") : importing ? t("form.importing") : ""}
          </p>
        </form>
      </Card>
      {run.isSuccess && <ImportSummary key={run.submittedAt} report={run.data} />}
      {problems && <ProblemReport key={run.submittedAt} problems={problems} />}
      {run.isError && !problems && <ProblemAlert error={run.error} namespace="exchange" />}
    </>
  );
}

function CsvHelp() {
  const { t } = useTranslation("exchange");
  return (
    <Card title={t("help.heading")} headingLevel={2}>
      <p>{t("help.intro")}</p>
      <p className="small">{t("help.columns")}</p>
      <p>
        <a href="/api/v1/export?format=csv" download="solutions.csv">
          {t("help.template")}
        </a>{" "}
        <span className="small muted">{t("help.templateHint")}</span>
      </p>
    </Card>
  );
}
