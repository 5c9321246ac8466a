import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useDeadlines } from "./funding-queries.ts";
import "./funding.css";

/** Closing dates from today on, month by month; the reader may keep only those they follow. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation("funding");
  const format = useFormatting();
  const [followedOnly, setFollowedOnly] = useState(false);
  const deadlines = useDeadlines(followedOnly);
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <>
      <PageHeader
        title={t("calendar.title")}
        lead={<p>{t("calendar.lead")}</p>}
        actions={<a href="/api/v1/funding/deadlines.ics">{t("calendar.ics")}</a>}
      />
      <label>
        <input
          type="checkbox"
          checked={followedOnly}
          onChange={(event) => setFollowedOnly(event.target.checked)}
        />{" "}
        {t("calendar.followedOnly")}
      </label>
      {deadlines.isPending ? (
        <LoadingBlock />
      ) : deadlines.isError ? (
        <ProblemAlert
          error={deadlines.error}
          namespace="funding"
          onRetry={() => void deadlines.refetch()}
        />
      ) : deadlines.data.months.length === 0 ? (
        <p>{t("calendar.none")}</p>
      ) : (
        deadlines.data.months.map((month) => (
          <section key={month.month} aria-labelledby={`month-${month.month}`} className="stack">
            <h2 id={`month-${month.month}`}>{monthName(month.month)}</h2>
            <ul className="funding-deadlines">
              {month.deadlines.map((deadline) => (
                <li key={deadline.source.id}>
                  <time dateTime={deadline.closesOn}>{format.date(deadline.closesOn)}</time> —{" "}
                  <Link to={`/funding/sources/${deadline.source.id}`}>{deadline.source.title}</Link>{" "}
                  ({deadline.source.funder}, {t(`instrument.${deadline.source.instrument}`)})
                  {deadline.followed && <> · {t("calendar.followed")}</>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
