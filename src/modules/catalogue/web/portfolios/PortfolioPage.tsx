import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import type { Portfolio } from "../../contract.ts";
import { useChangePortfolio, usePortfolio } from "../catalogue-queries.ts";
import { SolutionCard } from "../SolutionCard.tsx";
import { signInAddressFor, useViewer } from "../viewer.ts";
import { AddMemberSolution } from "./AddMemberSolution.tsx";
import { LinkedChallenge } from "./LinkedChallenge.tsx";
import { ShareWithCity } from "./ShareWithCity.tsx";
import "../catalogue.css";

export function PortfolioPage() {
  const { t } = useTranslation("catalogue");
  const { id = "" } = useParams();
  const viewer = useViewer();
  const location = useLocation();
  const portfolio = usePortfolio(id, Boolean(viewer.user));
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) return <Navigate to={signInAddressFor(location.pathname)} replace />;
  if (portfolio.isPending) return <LoadingBlock />;
  if (portfolio.isError) {
    const missing = isApiError(portfolio.error) && [400, 404].includes(portfolio.error.status);
    return (
      <>
        <PageHeader title={missing ? t("portfolio.notFound") : t("portfolio.failed")} />
        {missing ? (
          <p>
            <Link to="/portfolios">{t("portfolio.back")}</Link>
          </p>
        ) : (
          <ProblemAlert
            error={portfolio.error}
            namespace="catalogue"
            onRetry={() => void portfolio.refetch()}
          />
        )}
      </>
    );
  }
  return <PortfolioDetails portfolio={portfolio.data} />;
}

function PortfolioDetails({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation("catalogue");
  const change = useChangePortfolio(portfolio.id);
  const { abilities } = portfolio;
  return (
    <>
      <PageHeader
        eyebrow={t("portfolio.eyebrow", { cluster: portfolio.cluster.name })}
        title={portfolio.title}
        lead={
          <>
            {portfolio.theme && <p>{t("portfolios.themeLine", { theme: portfolio.theme })}</p>}
            {portfolio.challengeId && <LinkedChallenge id={portfolio.challengeId} />}
            {portfolio.description && <p>{portfolio.description}</p>}
          </>
        }
      />
      {change.isError && <ProblemAlert error={change.error} namespace="catalogue" />}
      {change.isSuccess && change.variables?.kind === "remove" && (
        <Alert tone="success" title={t("portfolio.removed")} focusOnShow />
      )}
      {change.isSuccess && change.variables?.kind === "unshare" && (
        <Alert tone="success" title={t("portfolio.unshared")} focusOnShow />
      )}
      <div className="with-sidebar with-sidebar--right">
        <section aria-labelledby="portfolio-solutions">
          <h2 id="portfolio-solutions">{t("portfolio.solutions")}</h2>
          {portfolio.items.length === 0 ? (
            <EmptyState title={t("portfolio.empty")}>
              {abilities.curate && <p>{t("portfolio.emptyCurator")}</p>}
            </EmptyState>
          ) : (
            <ul className="stack item-grid" aria-label={t("portfolio.solutions")}>
              {portfolio.items.map((item) => (
                <li key={item.solution.id}>
                  <SolutionCard
                    solution={item.solution}
                    actions={
                      abilities.curate && (
                        <Button
                          variant="secondary"
                          small
                          busy={change.isPending && change.variables?.kind === "remove"}
                          onClick={() =>
                            change.mutate({ kind: "remove", solutionId: item.solution.id })
                          }
                        >
                          {t("portfolio.remove", { title: item.solution.title })}
                        </Button>
                      )
                    }
                  >
                    {item.note && (
                      <p className="portfolio-note">
                        <strong>{t("portfolio.note")}</strong> {item.note}
                      </p>
                    )}
                  </SolutionCard>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="stack" aria-label={t("portfolio.aside")}>
          <Card title={t("portfolio.sharedWith")}>
            {portfolio.sharedWith.length === 0 ? (
              <p className="muted">{t("portfolio.notShared")}</p>
            ) : (
              <ul className="link-list">
                {portfolio.sharedWith.map((city) => (
                  <li key={city.id} className="cluster">
                    <Link to={`/organisations/${city.slug}`}>{city.name}</Link>
                    {abilities.share && (
                      <Button
                        variant="quiet"
                        small
                        onClick={() => change.mutate({ kind: "unshare", organisationId: city.id })}
                      >
                        {t("portfolio.unshare", { city: city.name })}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {abilities.share && <ShareWithCity portfolio={portfolio} />}
          {abilities.curate && <AddMemberSolution portfolio={portfolio} />}
        </aside>
      </div>
    </>
  );
}
