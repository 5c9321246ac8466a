import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../ui/api/api-error.ts";
import { Button } from "../../../ui/components/Button.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useSource } from "./funding-queries.ts";
import { SourceForm } from "./SourceForm.tsx";
import { SourceSummary } from "./SourceSummary.tsx";
import "./funding.css";

/** One source: its facts, rules as the funder states them, and the call's own page. */
export function SourcePage() {
  const { t } = useTranslation("funding");
  const { id = "" } = useParams();
  const source = useSource(id);
  const [editing, setEditing] = useState(false);
  if (source.isPending) return <LoadingBlock />;
  if (source.isError) {
    const missing = isApiError(source.error) && [400, 404].includes(source.error.status);
    return (
      <>
        <PageHeader title={missing ? t("source.notFound") : t("source.failed")} />
        {missing ? (
          <Link to="/funding">{t("source.back")}</Link>
        ) : (
          <ProblemAlert
            error={source.error}
            namespace="funding"
            onRetry={() => void source.refetch()}
          />
        )}
      </>
    );
  }
  const data = source.data;
  const rules = [
    data.eligibleKinds.length ? t("rules.kinds", { kinds: data.eligibleKinds.join(", ") }) : null,
    data.eligibleCountries.length || data.eligibleRegions.length
      ? t("rules.places", {
          places: [...data.eligibleCountries, ...data.eligibleRegions].join(", "),
        })
      : null,
    data.sectors.length ? t("rules.sectors", { sectors: data.sectors.join(", ") }) : null,
    data.minTrl !== null || data.maxTrl !== null
      ? t("rules.trl", { low: data.minTrl ?? 1, high: data.maxTrl ?? 9 })
      : null,
    data.minPartners !== null ? t("rules.partners", { count: data.minPartners }) : null,
    data.minCountries !== null ? t("rules.countries", { count: data.minCountries }) : null,
    data.minSmallCompanyShare !== null
      ? t("rules.small", { share: data.minSmallCompanyShare })
      : null,
  ].filter((rule): rule is string => rule !== null);
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/funding">{t("list.title")}</Link>}
        title={data.title}
        lead={<p>{data.summary}</p>}
      />
      <div className="card">
        <SourceSummary source={data} headingLevel={2} />
      </div>
      {data.abilities.edit && (
        <section aria-labelledby="source-edit" className="stack">
          <h2 id="source-edit">{t("form.editHeading")}</h2>
          <div>
            <Button
              variant="secondary"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
            >
              {editing ? t("form.close") : t("form.edit")}
            </Button>
          </div>
          {editing && (
            <SourceForm source={data} funders={[data.funder]} onDone={() => setEditing(false)} />
          )}
        </section>
      )}
      <section aria-labelledby="source-rules" className="stack">
        <h2 id="source-rules">{t("rules.heading")}</h2>
        {rules.length ? (
          <ul>
            {rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        ) : (
          <p>{t("rules.none")}</p>
        )}
        {data.link && (
          <p>
            <a href={data.link} rel="noopener noreferrer">
              {t("source.link")}
            </a>
          </p>
        )}
      </section>
    </>
  );
}
