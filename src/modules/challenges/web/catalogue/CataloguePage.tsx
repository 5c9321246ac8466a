import "../challenges.css";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button, ButtonLink } from "../../../../ui/components/Button.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { Select } from "../../../../ui/forms/Select.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { useCataloguePages, useMyCityOrganisations } from "../challenge-queries.ts";
import { useViewer } from "../viewer.ts";
import { ChallengeCard } from "./ChallengeCard.tsx";
import {
  type CatalogueSortChoice,
  catalogueSorts,
  useCatalogueChoice,
} from "./catalogue-filters.ts";
import { FacetPanel } from "./FacetPanel.tsx";
import { SaveSearchForm } from "./SaveSearchForm.tsx";

/** The public catalogue of challenges: search, facets with counts, sort, and more on demand. */
export function CataloguePage() {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const viewer = useViewer();
  const cities = useMyCityOrganisations(viewer.user !== null);
  const { choice, query, update } = useCatalogueChoice();
  const pages = useCataloguePages(query);
  const first = pages.data?.pages[0];
  const challenges = pages.data?.pages.flatMap((page) => page.challenges) ?? [];

  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        lead={t("catalogue.lead")}
        actions={
          <>
            {viewer.user && <Link to="/me/saved-searches">{t("saved.title")}</Link>}
            {(cities.data?.length ?? 0) > 0 && (
              <ButtonLink to="/challenges/new">{t("catalogue.create")}</ButtonLink>
            )}
          </>
        }
      />
      <div className="with-sidebar">
        <FacetPanel
          choice={choice}
          cityMember={(cities.data?.length ?? 0) > 0}
          facets={first?.facets}
          onChange={update}
        />
        <section aria-labelledby="catalogue-results" aria-busy={pages.isFetching}>
          <h2 id="catalogue-results" className="visually-hidden">
            {t("catalogue.results")}
          </h2>
          <div className="toolbar catalogue-toolbar">
            <p className="result-count" role="status">
              {first
                ? t("catalogue.count", {
                    count: first.total,
                    formatted: format.number(first.total),
                  })
                : ""}
            </p>
            <Select
              label={t("catalogue.sort")}
              value={choice.sort}
              placeholder={t("catalogue.sorts.default")}
              options={catalogueSorts.map((sort) => ({
                value: sort,
                label: t(`catalogue.sorts.${sort}`),
              }))}
              onChange={(sort) => update({ sort: sort as CatalogueSortChoice | "" })}
            />
          </div>
          {viewer.user && <SaveSearchForm choice={choice} />}
          {pages.isPending ? (
            <LoadingBlock />
          ) : pages.isError ? (
            <ProblemAlert
              error={pages.error}
              namespace="challenges"
              onRetry={() => void pages.refetch()}
            />
          ) : challenges.length === 0 ? (
            <EmptyState
              title={t("catalogue.none")}
              action={
                <ButtonLink variant="secondary" to="/challenges">
                  {t("catalogue.clear")}
                </ButtonLink>
              }
            >
              <p>{t("catalogue.noneBody")}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="stack item-grid" aria-label={t("catalogue.results")}>
                {challenges.map((challenge) => (
                  <li key={challenge.id}>
                    <ChallengeCard challenge={challenge} />
                  </li>
                ))}
              </ul>
              <p className="muted small section" aria-live="polite">
                {t("catalogue.shown", {
                  shown: format.number(challenges.length),
                  total: format.number(first?.total ?? 0),
                })}
              </p>
              {pages.hasNextPage && (
                <div className="button-row">
                  <Button
                    variant="secondary"
                    busy={pages.isFetchingNextPage}
                    onClick={() => void pages.fetchNextPage()}
                  >
                    {t("catalogue.more")}
                  </Button>
                </div>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
