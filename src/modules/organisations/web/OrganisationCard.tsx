import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../ui/components/Badge.tsx";
import type { OrganisationSummary } from "../contract.ts";
import { OrganisationLogo } from "./OrganisationLogo.tsx";
import { usePlaceOf } from "./place.ts";

export function OrganisationCard({
  organisation,
  headingLevel = 2,
}: {
  organisation: OrganisationSummary;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("organisations");
  const placeOf = usePlaceOf();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card entity-card">
      <OrganisationLogo organisation={organisation} />
      <div className="entity-card__body">
        <Heading className="entity-card__title">
          <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
        </Heading>
        <p className="entity-card__meta">
          {t(`kinds.${organisation.kind}`)} · {placeOf(organisation)}
        </p>
        {organisation.verified && <Badge tone="success">{t("verified")}</Badge>}
      </div>
    </article>
  );
}
