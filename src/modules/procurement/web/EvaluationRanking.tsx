import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button } from "../../../ui/components/Button.tsx";
import { type Column, DataTable } from "../../../ui/components/DataTable.tsx";
import { ConfirmDialog } from "../../../ui/components/Dialog.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Select } from "../../../ui/forms/Select.tsx";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { EvaluationSetup, Ranking } from "../contract-evaluation.ts";
import { EvaluationProblem } from "./EvaluationProblem.tsx";
import { useAward, useAwardNotice, useLockTechnical, useRanking } from "./evaluation-queries.ts";

/**
 * The chair's view: the ranking charted (a bar per proposal, totals out of 100) with the same
 * figures in a table beside it, locking the technical scores (ends the blind phase), the award
 * with its justification, and the standstill's countdown once awarded.
 */
export function EvaluationRanking({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const headingId = useId();
  const ranking = useRanking(setup.challengeId, true);
  const awarded = setup.stage === "standstill" || setup.stage === "awarded";
  return (
    <section aria-labelledby={headingId} className="stack">
      <h4 id={headingId}>{t("evaluation.ranking.heading")}</h4>
      <p className="small muted">{t("evaluation.ranking.formula")}</p>
      <QueryState query={ranking} namespace="procurement" loadingLabel={t("evaluation.loading")}>
        {(data) => (
          <>
            <RankingChart ranking={data} />
            <RankingTable ranking={data} />
            {setup.abilities.lockTechnical && <LockTechnical setup={setup} />}
            {setup.abilities.award && <AwardForm setup={setup} ranking={data} />}
          </>
        )}
      </QueryState>
      {awarded && <Standstill challengeId={setup.challengeId} />}
    </section>
  );
}

const nameOf = (row: Ranking["proposals"][number], t: TFunction<"procurement">) =>
  row.bidder
    ? t("evaluation.work.titleNamed", { pseudonym: row.pseudonym, bidder: row.bidder.name })
    : t("evaluation.work.title", { pseudonym: row.pseudonym });

/** One horizontal bar per proposal (SVG); the table next to it carries the same numbers. */
function RankingChart({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const titleId = useId();
  const rows = ranking.proposals;
  const barHeight = 28;
  const labelWidth = 180;
  const width = 520;
  const height = rows.length * (barHeight + 8) + 8;
  return (
    <figure className="evaluation-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t("evaluation.ranking.chartTitle")}</title>
        {rows.map((row, index) => {
          const y = 8 + index * (barHeight + 8);
          const barWidth = ((row.total ?? 0) / 100) * (width - labelWidth - 60);
          return (
            <g key={row.proposalId}>
              <text x={0} y={y + barHeight * 0.68} className="evaluation-chart__label">
                {nameOf(row, t).slice(0, 28)}
              </text>
              <rect
                x={labelWidth}
                y={y}
                width={Math.max(barWidth, 1)}
                height={barHeight}
                className={
                  row.rank === 1
                    ? "evaluation-chart__bar evaluation-chart__bar--first"
                    : "evaluation-chart__bar"
                }
              />
              <text
                x={labelWidth + Math.max(barWidth, 1) + 6}
                y={y + barHeight * 0.68}
                className="evaluation-chart__value"
              >
                {row.total === null
                  ? t("evaluation.ranking.incomplete")
                  : format.number(round(row.total))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t("evaluation.ranking.chartCaption")}</figcaption>
    </figure>
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

function RankingTable({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  type Row = Ranking["proposals"][number];
  const columns: Column<Row>[] = [
    { key: "rank", header: t("evaluation.ranking.rank"), render: (row) => row.rank ?? "—" },
    {
      key: "proposal",
      header: t("evaluation.ranking.proposal"),
      rowHeader: true,
      render: (row) => nameOf(row, t),
    },
    ...ranking.criteria.map((criterion, index) => ({
      key: criterion.id,
      header: `${criterion.name} (${criterion.weight})`,
      numeric: true,
      render: (row: Row) => {
        const cell = row.criteria[index];
        return !cell || cell.mean === null
          ? "—"
          : t("evaluation.ranking.mean", {
              mean: format.number(round(cell.mean)),
              count: cell.evaluators,
            });
      },
    })),
    {
      key: "total",
      header: t("evaluation.ranking.total"),
      numeric: true,
      render: (row) =>
        row.total === null ? t("evaluation.ranking.incomplete") : format.number(round(row.total)),
    },
  ];
  return (
    <DataTable
      caption={t("evaluation.ranking.table")}
      columns={columns}
      rows={ranking.proposals}
      rowKey={(row) => row.proposalId}
    />
  );
}

function LockTechnical({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const [asking, setAsking] = useState(false);
  const lock = useLockTechnical(setup.challengeId);
  return (
    <div>
      <Button onClick={() => setAsking(true)}>{t("evaluation.lock.open")}</Button>
      <ConfirmDialog
        open={asking}
        title={t("evaluation.lock.title")}
        confirmLabel={t("evaluation.lock.confirm")}
        busy={lock.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => lock.mutate(undefined, { onSuccess: () => setAsking(false) })}
      >
        <p>{setup.blind ? t("evaluation.lock.leadBlind") : t("evaluation.lock.lead")}</p>
        {lock.isError && <EvaluationProblem error={lock.error} />}
      </ConfirmDialog>
    </div>
  );
}

function AwardForm({ setup, ranking }: { setup: EvaluationSetup; ranking: Ranking }) {
  const { t } = useTranslation("procurement");
  const ranked = ranking.proposals.filter((row) => row.rank !== null);
  const [winner, setWinner] = useState(ranked[0]?.proposalId ?? "");
  const [justification, setJustification] = useState("");
  const award = useAward(setup.challengeId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    award.mutate({ proposalId: winner, justification });
  };
  return (
    <form className="stack card card__body" onSubmit={submit} noValidate>
      <h5>{t("evaluation.award.heading")}</h5>
      <p className="small">{t("evaluation.award.lead", { count: setup.standstillDays })}</p>
      {award.isError && <EvaluationProblem error={award.error} />}
      <Select
        label={t("evaluation.award.winner")}
        value={winner}
        onChange={setWinner}
        options={ranked.map((row) => ({ value: row.proposalId, label: nameOf(row, t) }))}
      />
      <TextField
        label={t("evaluation.award.justification")}
        hint={t("evaluation.award.justificationHint")}
        rows={4}
        value={justification}
        onChange={setJustification}
      />
      <div>
        <Button type="submit" busy={award.isPending} disabled={winner === ""}>
          {t("evaluation.award.submit")}
        </Button>
      </div>
    </form>
  );
}

/** The standstill's end and what is left of it (the server's clock decides finality). */
export function Standstill({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const notice = useAwardNotice(challengeId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!notice.data || notice.data.cancellation) return null;
  const left = new Date(notice.data.standstillEndsAt).getTime() - now;
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  return (
    <Alert tone={notice.data.final ? "success" : "info"} title={t("evaluation.standstill.heading")}>
      <p>
        {notice.data.final
          ? t("evaluation.standstill.final", {
              date: format.dateTime(notice.data.standstillEndsAt),
            })
          : t("evaluation.standstill.running", {
              date: format.dateTime(notice.data.standstillEndsAt),
              days: Math.max(days, 0),
              hours: Math.max(hours, 0),
            })}
      </p>
    </Alert>
  );
}
