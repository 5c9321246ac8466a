import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useSources } from "./funding-queries.ts";
import { SourceSummary } from "./SourceSummary.tsx";
import "./funding.css";

const instruments = ["grant", "loan", "guarantee", "equity", "prize", "ppp"] as const;

/** Every funding source, filtered by instrument and whether it is open now. */
export function FundingPage() {
  const { t } = useTranslation("funding");
  const [instrument, setInstrument] = useState("");
  const [openNow, setOpenNow] = useState(false);
  const sources = useSources({ instrument, openNow });
  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={<p>{t("list.lead")}</p>}
        actions={<Link to="/funding/deadlines">{t("list.calendar")}</Link>}
      />
      <div className="funding-filters">
        <label htmlFor="funding-instrument">{t("filters.instrument")}</label>
        <select
          id="funding-instrument"
          value={instrument}
          onChange={(event) => setInstrument(event.target.value)}
        >
          <option value="">{t("filters.anyInstrument")}</option>
          {instruments.map((value) => (
            <option key={value} value={value}>
              {t(`instrument.${value}`)}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={openNow}
            onChange={(event) => setOpenNow(event.target.checked)}
          />{" "}
          {t("filters.openNow")}
        </label>
      </div>
      {sources.isPending ? (
        <LoadingBlock />
      ) : sources.isError ? (
        <ProblemAlert
          error={sources.error}
          namespace="funding"
          onRetry={() => void sources.refetch()}
        />
      ) : sources.data.sources.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="stack funding-matches">
          {sources.data.sources.map((source) => (
            <li key={source.id} className="card">
              <SourceSummary source={source} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
