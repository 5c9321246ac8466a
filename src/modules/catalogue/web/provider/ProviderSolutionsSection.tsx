import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { useProviderSolutions } from "../catalogue-queries.ts";
import { useSectorLabel } from "../solution-labels.ts";

/**
 * An organisation profile's "Solutions" section: the provider's solutions, each a link to its
 * page. The organisations page shows it for companies, research institutes and clusters.
 */
export function ProviderSolutionsSection({
  organisationId,
  canAdd,
}: {
  organisationId: string;
  canAdd: boolean;
}) {
  const { t } = useTranslation("catalogue");
  const sectorLabel = useSectorLabel();
  const solutions = useProviderSolutions(organisationId);
  return (
    <section aria-labelledby="provider-solutions">
      <h2 id="provider-solutions">{t("provider.title")}</h2>
      <QueryState query={solutions} namespace="catalogue">
        {(data) =>
          data.solutions.length === 0 ? (
            <p className="muted">{t("provider.none")}</p>
          ) : (
            <ul className="link-list">
              {data.solutions.map((solution) => (
                <li key={solution.id}>
                  <Link to={`/solutions/${solution.id}`}>{solution.title}</Link>
                  <br />
                  <span className="small muted">
                    {solution.sectors.map((sector) => sectorLabel(sector)).join(", ")} ·{" "}
                    {t("trl.short", { level: solution.trl })}
                    {solution.status === "archived" ? ` · ${t("card.archived")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {canAdd && (
        <p>
          <Link to="/solutions/new">{t("provider.add")}</Link>
        </p>
      )}
    </section>
  );
}
