import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useSources } from "./funding-queries.ts";
import { SourceForm } from "./SourceForm.tsx";
import { SourceSummary } from "./SourceSummary.tsx";
import "./funding.css";

const instruments = ["grant", "loan", "guarantee", "equity", "prize", "ppp"] as const;

/** Every funding source, filtered by instrument and whether it is open now. */
export function FundingPage() {
  const { t } = useTranslation("funding");
  const [instrument, setInstrument] = useState("");
  const [openNow, setOpenNow] = useState(false);
  const sources = useSources({ instrument, openNow });
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const funders = sources.data?.canAddFor ?? [];
  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={<p>{t("list.lead")}</p>}
        actions={<Link to="/funding/deadlines">{t("list.calendar")}</Link>}
      />
      {funders.length > 0 && (
        <section aria-labelledby="funding-add" className="stack">
          <h2 id="funding-add">{t("form.addHeading")}</h2>
          <div>
            <Button variant="secondary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
              {adding ? t("form.close") : t("form.add")}
            </Button>
          </div>
          {adding && (
            <SourceForm
              funders={funders}
              onDone={(saved) => void navigate(`/funding/sources/${saved.id}`)}
            />
          )}
        </section>
      )}
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
