import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";
import type { SolutionSummary } from "../contract.ts";
import { useCapabilityLabel, useSectorLabel } from "./solution-labels.ts";

interface SolutionCardProps {
  solution: SolutionSummary;
  headingLevel?: 2 | 3;
  /** Extra lines under the facts, e.g. a portfolio's note. */
  children?: ReactNode;
  actions?: ReactNode;
}

/** A solution in a list: title, provider with its kind and badge, sectors, capabilities, TRL. */
export function SolutionCard({ solution, headingLevel = 3, children, actions }: SolutionCardProps) {
  const { t } = useTranslation("catalogue");
  const sectorLabel = useSectorLabel();
  const { nameOf } = useCountries();
  const capabilityLabel = useCapabilityLabel();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { provider } = solution;
  return (
    <article className="card solution-card">
      <Heading className="entity-card__title">
        <Link to={`/solutions/${solution.id}`}>{solution.title}</Link>
      </Heading>
      <p className="entity-card__meta">
        <Link to={`/organisations/${provider.slug}`}>{provider.name}</Link> ·{" "}
        {t(`providerKinds.${provider.kind}`, { defaultValue: provider.kind })}
        {provider.verified && (
          <>
            {" "}
            <Badge tone="success">{t("card.verified")}</Badge>
          </>
        )}
        {solution.status === "archived" && (
          <>
            {" "}
            <Badge tone="warning">{t("card.archived")}</Badge>
          </>
        )}
      </p>
      <p>{solution.summary}</p>
      <dl className="solution-facts">
        <div>
          <dt>{t("fields.sectors")}</dt>
          <dd>{solution.sectors.map((sector) => sectorLabel(sector)).join(", ")}</dd>
        </div>
        {solution.capabilities.length > 0 && (
          <div>
            <dt>{t("fields.capabilities")}</dt>
            <dd>
              <ul className="tag-list">
                {solution.capabilities.map((capability) => (
                  <li key={capability.code} className="badge">
                    {capabilityLabel(capability)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("fields.trl")}</dt>
          <dd>{t("trl.short", { level: solution.trl })}</dd>
        </div>
        {solution.countriesDeployed.length > 0 && (
          <div>
            <dt>{t("fields.countries")}</dt>
            <dd>{solution.countriesDeployed.map(nameOf).join(", ")}</dd>
          </div>
        )}
      </dl>
      {children}
      {actions && <div className="button-row">{actions}</div>}
    </article>
  );
}
