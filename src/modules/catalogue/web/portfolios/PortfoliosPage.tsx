import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { Card } from "../../../../ui/components/Card.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import type { PortfolioSummary } from "../../contract.ts";
import { usePortfolios } from "../catalogue-queries.ts";
import { signInAddressFor, useMyOrganisations, useViewer } from "../viewer.ts";
import { NewPortfolioForm } from "./NewPortfolioForm.tsx";
import "../catalogue.css";

/** The portfolios of the person's clusters and those shared with their city. */
export function PortfoliosPage() {
  const viewer = useViewer();
  const location = useLocation();
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) return <Navigate to={signInAddressFor(location.pathname)} replace />;
  return <PortfolioOverview />;
}

function PortfolioOverview() {
  const { t } = useTranslation("catalogue");
  const portfolios = usePortfolios(true);
  const memberships = useMyOrganisations(true);
  const clusters = (memberships.data?.memberships ?? [])
    .map((membership) => membership.organisation)
    .filter((organisation) => organisation.kind === "cluster");
  return (
    <>
      <PageHeader
        title={t("portfolios.title")}
        lead={t("portfolios.lead")}
        actions={clusters.length > 0 && <Link to="/import">{t("exchange:link")}</Link>}
      />
      <div className="stack">
        <QueryState query={portfolios} namespace="catalogue">
          {(data) => {
            if (data.portfolios.length === 0) {
              return (
                <EmptyState title={t("portfolios.none")}>
                  <p>
                    {clusters.length > 0 ? t("portfolios.noneCluster") : t("portfolios.noneBody")}
                  </p>
                </EmptyState>
              );
            }
            const mine = new Set(clusters.map((cluster) => cluster.id));
            const own = data.portfolios.filter((portfolio) => mine.has(portfolio.cluster.id));
            const shared = data.portfolios.filter((portfolio) => !mine.has(portfolio.cluster.id));
            return (
              <>
                {own.length > 0 && (
                  <PortfolioGroup id="portfolios-own" title={t("portfolios.own")} list={own} />
                )}
                {shared.length > 0 && (
                  <PortfolioGroup
                    id="portfolios-shared"
                    title={t("portfolios.shared")}
                    list={shared}
                  />
                )}
              </>
            );
          }}
        </QueryState>
        {clusters.length > 0 && (
          <Card title={t("portfolios.new")}>
            <NewPortfolioForm clusters={clusters} />
          </Card>
        )}
      </div>
    </>
  );
}

function PortfolioGroup({
  id,
  title,
  list,
}: {
  id: string;
  title: string;
  list: PortfolioSummary[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="grid grid--cards item-grid" aria-label={title}>
        {list.map((portfolio) => (
          <li key={portfolio.id}>
            <PortfolioCard portfolio={portfolio} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PortfolioCard({ portfolio }: { portfolio: PortfolioSummary }) {
  const { t } = useTranslation("catalogue");
  const format = useFormatting();
  return (
    <article className="card">
      <h3 className="entity-card__title">
        <Link to={`/portfolios/${portfolio.id}`}>{portfolio.title}</Link>
      </h3>
      <p className="entity-card__meta">
        {portfolio.cluster.name} · {t("portfolios.itemCount", { count: portfolio.itemCount })}
      </p>
      {portfolio.theme && <p>{t("portfolios.themeLine", { theme: portfolio.theme })}</p>}
      <p className="small muted">
        {t("portfolios.updated", { when: format.date(portfolio.updatedAt) })}
      </p>
    </article>
  );
}
