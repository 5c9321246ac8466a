import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "../../../../ui/components/Button.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { Select } from "../../../../ui/forms/Select.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { useSolutionSearch } from "../catalogue-queries.ts";
import { SolutionCard } from "../SolutionCard.tsx";
import { useViewer } from "../viewer.ts";
import { solutionSorts } from "../vocabulary.ts";
import { useCatalogueFilters } from "./catalogue-filters.ts";
import { SolutionFilterPanel } from "./SolutionFilterPanel.tsx";
import "../catalogue.css";

/** The public catalogue: full-text search, facets with counts, sort, and more on request. */
export function SolutionCataloguePage() {
  const { t } = useTranslation("catalogue");
  const format = useFormatting();
  const viewer = useViewer();
  const { filters, query, update, active } = useCatalogueFilters();
  const search = useSolutionSearch(query);
  const first = search.data?.pages[0];
  const solutions = search.data?.pages.flatMap((page) => page.solutions) ?? [];
  const sort = filters.sort || (filters.q ? "relevance" : "newest");

  return (
    <>
      <PageHeader
        title={t("search.title")}
        lead={t("search.lead")}
        actions={
          viewer.user && (
            <div className="cluster">
              <ButtonLink to="/solutions/new">{t("search.add")}</ButtonLink>
              <ButtonLink to="/portfolios" variant="secondary">
                {t("portfolios.title")}
              </ButtonLink>
            </div>
          )
        }
      />
      <div className="with-sidebar">
        <SolutionFilterPanel
          filters={filters}
          facets={first?.facets}
          active={active}
          onChange={update}
        />
        <section aria-labelledby="solution-results" aria-busy={search.isFetching}>
          <h2 id="solution-results" className="visually-hidden">
            {t("search.results")}
          </h2>
          <div className="toolbar results-toolbar">
            <p className="result-count" role="status">
              {first
                ? t("search.count", { count: first.total, formatted: format.number(first.total) })
                : ""}
            </p>
            <Select
              label={t("search.sort")}
              value={sort}
              options={solutionSorts
                .filter((option) => option !== "relevance" || filters.q)
                .map((option) => ({ value: option, label: t(`search.sorts.${option}`) }))}
              onChange={(value) => update({ sort: value as typeof filters.sort })}
            />
          </div>
          {search.isPending ? (
            <LoadingBlock />
          ) : search.isError && !search.data ? (
            <ProblemAlert
              error={search.error}
              namespace="catalogue"
              onRetry={() => void search.refetch()}
            />
          ) : solutions.length === 0 ? (
            <EmptyState title={t("search.none")}>
              <p>{active ? t("search.noneFiltered") : t("search.noneYet")}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="grid grid--cards item-grid" aria-label={t("search.results")}>
                {solutions.map((solution) => (
                  <li key={solution.id}>
                    <SolutionCard solution={solution} />
                  </li>
                ))}
              </ul>
              {search.isFetchNextPageError && (
                <ProblemAlert error={search.error} namespace="catalogue" />
              )}
              {search.hasNextPage && (
                <div className="button-row section">
                  <Button
                    variant="secondary"
                    busy={search.isFetchingNextPage}
                    onClick={() => void search.fetchNextPage()}
                  >
                    {t("search.more", {
                      shown: format.number(solutions.length),
                      total: format.number(first?.total ?? 0),
                    })}
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
