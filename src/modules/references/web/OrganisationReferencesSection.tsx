import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { ReferenceCard } from "./ReferenceCard.tsx";
import { useOrganisationReferences } from "./references-queries.ts";
import "./references.css";

/**
 * On an organisation's page: a provider's references (of its solutions) and a city's (in the
 * city), verified ones for everyone, pending ones too for its own people (who verify them).
 */
export function OrganisationReferencesSection({
  organisationId,
  kind,
}: {
  organisationId: string;
  kind: "city" | "provider";
}) {
  const { t } = useTranslation("references");
  const references = useOrganisationReferences(organisationId);
  const headingId = `references-${kind}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t(`organisation.${kind}Title`)}</h2>
      <p>
        <Link to={`/insights/${kind === "city" ? "cities" : "providers"}/${organisationId}`}>
          {t("organisation.dashboard")}
        </Link>
      </p>
      <QueryState query={references} namespace="references">
        {(data) => {
          const list = kind === "city" ? data.hosted : data.provided;
          if (list.length === 0) return <p className="muted">{t(`organisation.${kind}None`)}</p>;
          return (
            <div className="stack">
              {list.map((reference) => (
                <ReferenceCard key={reference.id} reference={reference} show="city" />
              ))}
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
