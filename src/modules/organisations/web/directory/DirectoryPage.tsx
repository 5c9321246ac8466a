import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { Pagination } from "../../../../ui/components/Pagination.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { OrganisationCard } from "../OrganisationCard.tsx";
import { useCities, useOrganisationList } from "../organisation-queries.ts";
import { useViewer } from "../viewer.ts";
import { DirectoryFilterPanel } from "./DirectoryFilterPanel.tsx";
import { PAGE_SIZE, useDirectoryFilters } from "./directory-filters.ts";

export function DirectoryPage() {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const viewer = useViewer();
  const { filters, query, update, addressFor } = useDirectoryFilters();
  const list = useOrganisationList(query);
  const cities = useCities();
  const cityName = cities.data?.cities.find((city) => city.id === filters.cityId)?.name;

  return (
    <>
      <PageHeader
        title={t("directory.title")}
        lead={t("directory.lead")}
        actions={
          viewer.user && <ButtonLink to="/organisations/new">{t("directory.create")}</ButtonLink>
        }
      />
      <div className="with-sidebar">
        <DirectoryFilterPanel
          filters={filters}
          kinds={list.data?.kinds}
          cityName={cityName}
          onChange={update}
        />
        <section aria-labelledby="directory-results" aria-busy={list.isFetching}>
          <h2 id="directory-results" className="visually-hidden">
            {t("directory.results")}
          </h2>
          <p className="result-count" role="status">
            {list.data
              ? t("directory.count", {
                  count: list.data.total,
                  formatted: format.number(list.data.total),
                })
              : ""}
          </p>
          {list.isPending ? (
            <LoadingBlock />
          ) : list.isError ? (
            <ProblemAlert
              error={list.error}
              namespace="organisations"
              onRetry={() => void list.refetch()}
            />
          ) : list.data.organisations.length === 0 ? (
            <EmptyState title={t("directory.none")}>
              <p>{t("directory.noneBody")}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="grid grid--cards item-grid" aria-label={t("directory.results")}>
                {list.data.organisations.map((organisation) => (
                  <li key={organisation.id}>
                    <OrganisationCard organisation={organisation} headingLevel={3} />
                  </li>
                ))}
              </ul>
              <Pagination
                total={list.data.total}
                limit={PAGE_SIZE}
                offset={filters.offset}
                hrefFor={(offset) => addressFor({ ...filters, offset })}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
