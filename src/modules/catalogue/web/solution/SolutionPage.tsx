import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useCountries } from "../../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { ChallengesForSolutionSection } from "../../../matchmaking/web/AcrossSections.tsx";
import { SolutionReferencesSection } from "../../../references/web/SolutionReferencesSection.tsx";
import { type Solution, uploadedMediaOf } from "../../contract.ts";
import { useSolution } from "../catalogue-queries.ts";
import { useCapabilityLabel, useSectorLabel } from "../solution-labels.ts";
import { ArchiveSolution } from "./ArchiveSolution.tsx";
import { ProviderCard } from "./ProviderCard.tsx";
import { VersionHistory } from "./VersionHistory.tsx";
import "../catalogue.css";

export function SolutionPage() {
  const { t } = useTranslation("catalogue");
  const { id = "" } = useParams();
  const solution = useSolution(id);
  if (solution.isPending) return <LoadingBlock />;
  if (solution.isError) {
    const missing = isApiError(solution.error) && [400, 404].includes(solution.error.status);
    return (
      <>
        <PageHeader title={missing ? t("solution.notFound") : t("solution.failed")} />
        {missing ? (
          <p>
            <Link to="/solutions">{t("solution.backToCatalogue")}</Link>
          </p>
        ) : (
          <ProblemAlert
            error={solution.error}
            namespace="catalogue"
            onRetry={() => void solution.refetch()}
          />
        )}
      </>
    );
  }
  return <SolutionDetails solution={solution.data} />;
}

function SolutionDetails({ solution }: { solution: Solution }) {
  const { t } = useTranslation("catalogue");
  const sectorLabel = useSectorLabel();
  const format = useFormatting();
  const { nameOf } = useCountries();
  const capabilityLabel = useCapabilityLabel();
  return (
    <>
      <PageHeader
        eyebrow={solution.sectors.map((sector) => sectorLabel(sector)).join(" · ")}
        title={solution.title}
        aside={solution.status === "archived" && <Badge tone="warning">{t("card.archived")}</Badge>}
        lead={<p>{solution.summary}</p>}
        actions={
          solution.status === "active" &&
          (solution.abilities.edit || solution.abilities.archive) && (
            <div className="cluster">
              {solution.abilities.edit && (
                <ButtonLink to={`/solutions/${solution.id}/edit`}>{t("solution.edit")}</ButtonLink>
              )}
              {solution.abilities.archive && <ArchiveSolution solution={solution} />}
            </div>
          )
        }
      />
      <div className="with-sidebar with-sidebar--right">
        <div className="stack">
          <section aria-labelledby="solution-description">
            <h2 id="solution-description">{t("solution.description")}</h2>
            {solution.descriptionHtml ? (
              <div
                className="prose"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders Markdown without raw HTML and only safe links.
                dangerouslySetInnerHTML={{ __html: solution.descriptionHtml }}
              />
            ) : (
              <p className="muted">{t("solution.noDescription")}</p>
            )}
          </section>
          <section aria-labelledby="solution-capabilities">
            <h2 id="solution-capabilities">{t("fields.capabilities")}</h2>
            {solution.capabilities.length > 0 ? (
              <ul className="tag-list">
                {solution.capabilities.map((capability) => (
                  <li key={capability.code}>
                    <Link
                      className="badge"
                      to={`/solutions?capability=${encodeURIComponent(capability.code)}`}
                    >
                      {capabilityLabel(capability)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("solution.noCapabilities")}</p>
            )}
          </section>
          <section aria-labelledby="solution-trl">
            <h2 id="solution-trl">{t("solution.readiness")}</h2>
            <p>
              <strong>{t("trl.short", { level: solution.trl })}</strong>{" "}
              {t(`trl.levels.${solution.trl}`)}
            </p>
            <p className="small muted">{t("trl.about")}</p>
          </section>
          {solution.media.length > 0 && <SolutionImages media={solution.media} />}
          {solution.referenceLinks.length > 0 && (
            <section aria-labelledby="solution-references">
              <h2 id="solution-references">{t("fields.referenceLinks")}</h2>
              <ul className="link-list">
                {solution.referenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                      {link.replace(/^https?:\/\//, "")}
                      <span className="visually-hidden"> {t("solution.opensInNewTab")}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {solution.status === "active" && (
            <SolutionReferencesSection solutionId={solution.id} sectors={solution.sectors} />
          )}
          {solution.status === "active" && (
            <ChallengesForSolutionSection solutionId={solution.id} />
          )}
          {solution.abilities.viewVersions && <VersionHistory solutionId={solution.id} />}
        </div>
        <aside className="stack" aria-label={t("solution.factsLabel")}>
          <ProviderCard provider={solution.provider} />
          <section className="card" aria-labelledby="solution-facts">
            <div className="card__header">
              <h2 className="card__title" id="solution-facts">
                {t("solution.facts")}
              </h2>
            </div>
            <dl className="facts card__body">
              <div>
                <dt>{t("fields.trl")}</dt>
                <dd>{t("trl.short", { level: solution.trl })}</dd>
              </div>
              <div>
                <dt>{t("fields.countries")}</dt>
                <dd>
                  {solution.countriesDeployed.length > 0
                    ? solution.countriesDeployed.map(nameOf).join(", ")
                    : t("solution.noCountries")}
                </dd>
              </div>
              <div>
                <dt>{t("solution.version")}</dt>
                <dd>{format.number(solution.version)}</dd>
              </div>
              <div>
                <dt>{t("solution.updated")}</dt>
                <dd>{format.date(solution.updatedAt)}</dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}

/**
 * Images uploaded to the solution, shown; images elsewhere, as links (the platform shows no
 * other site's images: its content security policy allows only its own).
 */
function SolutionImages({ media }: { media: Solution["media"] }) {
  const { t } = useTranslation("catalogue");
  const shown = media.filter((item) => uploadedMediaOf(item.url));
  const linked = media.filter((item) => !uploadedMediaOf(item.url));
  return (
    <section aria-labelledby="solution-media">
      <h2 id="solution-media">{t("fields.media")}</h2>
      {shown.length > 0 && (
        <ul className="media-gallery">
          {shown.map((item) => (
            <li key={item.url}>
              <a href={item.url} target="_blank" rel="noopener">
                <img src={item.url} alt={item.alt} loading="lazy" />
                <span className="visually-hidden"> {t("solution.opensInNewTab")}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {linked.length > 0 && (
        <ul className="link-list">
          {linked.map((item) => (
            <li key={item.url}>
              <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
                {t("solution.image", { alt: item.alt })}
                <span className="visually-hidden"> {t("solution.opensInNewTab")}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
