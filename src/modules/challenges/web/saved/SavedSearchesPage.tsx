import "../challenges.css";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Button, ButtonLink } from "../../../../ui/components/Button.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { addressOfFilters } from "../catalogue/catalogue-filters.ts";
import { useDeleteSavedSearch, useSavedSearches } from "../challenge-queries.ts";
import { signInAddressFor, useViewer } from "../viewer.ts";

/** The signed-in person's saved catalogue searches: open one, or delete it. */
export function SavedSearchesPage() {
  const { t } = useTranslation("challenges");
  const format = useFormatting();
  const viewer = useViewer();
  const location = useLocation();
  const searches = useSavedSearches(viewer.user !== null);
  const remove = useDeleteSavedSearch();
  if (viewer.pending) return <LoadingBlock />;
  if (!viewer.user) return <Navigate to={signInAddressFor(location.pathname)} replace />;
  return (
    <>
      <PageHeader title={t("saved.title")} lead={t("saved.lead")} />
      {remove.isError && <ProblemAlert error={remove.error} namespace="challenges" />}
      <p className="visually-hidden" role="status">
        {remove.isSuccess ? t("saved.deleted") : ""}
      </p>
      <QueryState query={searches} namespace="challenges">
        {({ savedSearches }) =>
          savedSearches.length === 0 ? (
            <EmptyState
              title={t("saved.none")}
              action={<ButtonLink to="/challenges">{t("saved.browse")}</ButtonLink>}
            >
              <p>{t("saved.noneBody")}</p>
            </EmptyState>
          ) : (
            <ul className="item-list">
              {savedSearches.map((search) => (
                <li key={search.id}>
                  <div className="item-list__main">
                    <h2 className="entity-card__title">
                      <Link to={`/challenges${addressOfFilters(search.filters)}`}>
                        {search.name}
                      </Link>
                    </h2>
                    <p className="entity-card__meta">
                      {t("saved.since", { date: format.date(search.createdAt) })}
                    </p>
                  </div>
                  <div className="item-list__actions">
                    {search.matchCount > 0 && (
                      <Badge tone="info">{t("saved.matches", { count: search.matchCount })}</Badge>
                    )}
                    <Button
                      variant="secondary"
                      small
                      busy={remove.isPending && remove.variables === search.id}
                      onClick={() => remove.mutate(search.id)}
                      aria-label={t("saved.deleteNamed", { name: search.name })}
                    >
                      {t("saved.delete")}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
