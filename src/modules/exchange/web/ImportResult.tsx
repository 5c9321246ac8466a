import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Column, DataTable } from "../../../ui/components/DataTable.tsx";
import type { ImportProblem, ImportReport } from "../contract.ts";

/** A heading that takes the focus when it appears, so the result is where the reader lands. */
function FocusedHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}

function useProblemColumns(): Column<ImportProblem>[] {
  const { t } = useTranslation("exchange");
  return [
    {
      key: "where",
      header: t("problems.where"),
      rowHeader: true,
      render: (problem) =>
        problem.line !== null
          ? t("problems.line", { line: problem.line })
          : t("problems.record", {
              kind: t(`problems.kinds.${problem.record}`),
              ref: problem.ref ?? "",
            }).trim(),
    },
    {
      key: "field",
      header: t("problems.field"),
      render: (problem) => <code>{problem.field}</code>,
    },
    { key: "reason", header: t("problems.reason"), render: (problem) => problem.message },
  ];
}

const problemKey = (problem: ImportProblem, index: number) =>
  `${index}:${problem.line ?? problem.ref ?? ""}:${problem.field}`;

/** The refused file's every problem: where, which field, why. Nothing was imported. */
export function ProblemReport({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation("exchange");
  const columns = useProblemColumns();
  const rows = problems.map((problem, index) => ({ problem, key: problemKey(problem, index) }));
  return (
    <section aria-labelledby="import-problems" className="stack">
      <FocusedHeading id="import-problems">{t("problems.heading")}</FocusedHeading>
      <p>
        <strong>{t("problems.summary", { count: problems.length })}</strong> {t("problems.fix")}
      </p>
      <DataTable
        caption={t("problems.caption")}
        columns={columns.map((column) => ({
          ...column,
          render: (row: (typeof rows)[number]) => column.render(row.problem),
        }))}
        rows={rows}
        rowKey={(row) => row.key}
      />
    </section>
  );
}

type Kind = "organisations" | "solutions" | "challenges";
type WrittenRecord = ImportReport["records"][number];

const addressOf: Record<WrittenRecord["record"], (id: string) => string> = {
  organisation: (id) => `/organisations/${id}`,
  solution: (id) => `/solutions/${id}`,
  challenge: (id) => `/challenges/${id}`,
  reference: (id) => `/references/${id}`,
  funding_source: (id) => `/funding/sources/${id}`,
};

/** Shown at most: a large import links its first records; the catalogue has the rest. */
const LISTED = 100;

/** What an import did (or, checked only, would do), per kind, with where to go next. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation("exchange");
  const kinds: Kind[] = ["organisations", "solutions", "challenges"];
  const written = report.records.filter((record) => record.outcome !== "unchanged");
  const columns = useProblemColumns();
  return (
    <section aria-labelledby="import-result" className="stack">
      <FocusedHeading id="import-result">
        {report.dryRun ? t("report.checkedTitle") : t("report.successTitle")}
      </FocusedHeading>
      {report.dryRun && <p>{t("report.checkedBody")}</p>}
      <DataTable
        caption={t("report.caption")}
        columns={[
          {
            key: "kind",
            header: t("report.kind"),
            rowHeader: true,
            render: (kind) => t(`report.${kind}`),
          },
          ...(["created", "updated", "unchanged"] as const).map((outcome) => ({
            key: outcome,
            header: t(`report.${outcome}`),
            numeric: true,
            render: (kind: Kind) => report[kind][outcome],
          })),
        ]}
        rows={kinds}
        rowKey={(kind) => kind}
      />
      {report.affiliations.created > 0 && (
        <p>{t("report.affiliations", { count: report.affiliations.created })}</p>
      )}
      {report.warnings.length > 0 && (
        <DataTable
          caption={t("report.warningsHeading")}
          columns={columns}
          rows={report.warnings}
          rowKey={(warning) => problemKey(warning, report.warnings.indexOf(warning))}
        />
      )}
      {!report.dryRun && written.length > 0 && (
        <DataTable
          caption={t("report.recordsCaption")}
          columns={[
            {
              key: "record",
              header: t("report.record"),
              rowHeader: true,
              render: (record: WrittenRecord) => (
                <Link to={addressOf[record.record](record.id)}>
                  {t(`problems.kinds.${record.record}`)} {record.ref}
                </Link>
              ),
            },
            {
              key: "outcome",
              header: t("report.outcome"),
              render: (record: WrittenRecord) => t(`report.outcomes.${record.outcome}`),
            },
          ]}
          rows={written.slice(0, LISTED)}
          rowKey={(record) => `${record.record}:${record.ref}`}
        />
      )}
      {!report.dryRun && written.length > LISTED && (
        <p className="small muted">{t("report.more", { count: written.length - LISTED })}</p>
      )}
      {!report.dryRun && (
        <nav aria-label={t("report.next")}>
          <ul className="cluster">
            <li>
              <Link to="/solutions">{t("report.seeSolutions")}</Link>
            </li>
            <li>
              <Link to="/portfolios">{t("report.curate")}</Link>
            </li>
          </ul>
        </nav>
      )}
    </section>
  );
}
