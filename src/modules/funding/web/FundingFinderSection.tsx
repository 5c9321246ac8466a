import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import type { FinderMatch, RuleCheck } from "../contract.ts";
import { type FinderFilters, useFinder } from "./funding-queries.ts";
import { SourceSummary } from "./SourceSummary.tsx";
import "./funding.css";

const instruments = ["grant", "loan", "guarantee", "equity", "prize", "ppp"] as const;
/** A mark and a word for each outcome: never colour alone. */
const marks = { passed: "✓", failed: "✗", unknown: "?" } as const;

function RuleLine({ check }: { check: RuleCheck }) {
  const { t } = useTranslation("funding");
  return (
    <li className={`funding-rule funding-rule--${check.outcome}`}>
      <span aria-hidden="true" className="funding-rule__mark">
        {marks[check.outcome]}
      </span>{" "}
      <strong>{t(`outcome.${check.outcome}`)}</strong> — {t(`rule.${check.rule}`)}:{" "}
      {t(`reason.${check.reason}`, check.params)}
    </li>
  );
}

function MatchCard({ match }: { match: FinderMatch }) {
  const { t } = useTranslation("funding");
  return (
    <li className="card stack">
      <SourceSummary source={match.source} />
      <p>
        {t("finder.tally", { passed: match.passed, failed: match.failed, unknown: match.unknown })}
      </p>
      <ul className="funding-rules" aria-label={t("finder.rulesOf", { title: match.source.title })}>
        {match.checks.map((check) => (
          <RuleLine key={check.rule} check={check} />
        ))}
      </ul>
    </li>
  );
}

/**
 * The funding finder on a challenge's or a consortium's page: each source with every rule
 * checked against who would apply, filtered and sorted as the reader chooses.
 */
export function FundingFinderSection(
  props: { challengeId: string } | { consortiumId: string } | { organisationId: string },
) {
  const { t } = useTranslation("funding");
  const id = useId();
  const [filters, setFilters] = useState<FinderFilters>({
    instrument: "",
    openNow: false,
    sort: "fit",
  });
  const finder = useFinder(props, filters);
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{t("finder.heading")}</h2>
      <p>
        {"consortiumId" in props
          ? t("finder.leadConsortium")
          : "challengeId" in props
            ? t("finder.leadChallenge")
            : t("finder.leadOrganisation")}
      </p>
      <div className="funding-filters">
        <label htmlFor={`${id}-instrument`}>{t("filters.instrument")}</label>
        <select
          id={`${id}-instrument`}
          value={filters.instrument}
          onChange={(event) => setFilters({ ...filters, instrument: event.target.value })}
        >
          <option value="">{t("filters.anyInstrument")}</option>
          {instruments.map((instrument) => (
            <option key={instrument} value={instrument}>
              {t(`instrument.${instrument}`)}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={filters.openNow}
            onChange={(event) => setFilters({ ...filters, openNow: event.target.checked })}
          />{" "}
          {t("filters.openNow")}
        </label>
        <label htmlFor={`${id}-sort`}>{t("filters.sort")}</label>
        <select
          id={`${id}-sort`}
          value={filters.sort}
          onChange={(event) =>
            setFilters({ ...filters, sort: event.target.value as FinderFilters["sort"] })
          }
        >
          <option value="fit">{t("filters.byFit")}</option>
          <option value="deadline">{t("filters.byDeadline")}</option>
        </select>
      </div>
      {finder.isPending ? (
        <LoadingBlock />
      ) : finder.isError ? (
        <ProblemAlert
          error={finder.error}
          namespace="funding"
          onRetry={() => void finder.refetch()}
        />
      ) : finder.data.matches.length === 0 ? (
        <p>{t("finder.none")}</p>
      ) : (
        <ol className="stack funding-matches">
          {finder.data.matches.map((match) => (
            <MatchCard key={match.source.id} match={match} />
          ))}
        </ol>
      )}
    </section>
  );
}
