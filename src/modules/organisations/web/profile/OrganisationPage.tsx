import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { Card } from "../../../../ui/components/Card.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { ProviderSolutionsSection } from "../../../catalogue/web/provider/ProviderSolutionsSection.tsx";
import { CityChallengesSection } from "../../../challenges/web/city/CityChallengesSection.tsx";
import { FundingFinderSection } from "../../../funding/web/FundingFinderSection.tsx";
import { OrganisationReferencesSection } from "../../../references/web/OrganisationReferencesSection.tsx";
import type { Organisation, OrganisationSummary } from "../../contract.ts";
import { OrganisationLogo } from "../OrganisationLogo.tsx";
import { useOrganisation } from "../organisation-queries.ts";
import { usePlaceOf } from "../place.ts";
import { useViewer } from "../viewer.ts";
import { LeaveOrganisation } from "./LeaveOrganisation.tsx";
import { ManageOrganisation } from "./ManageOrganisation.tsx";
import { VerificationControl } from "./VerificationControl.tsx";

export function OrganisationPage() {
  const { t } = useTranslation("organisations");
  const { slug = "" } = useParams();
  const organisation = useOrganisation(slug);
  if (organisation.isPending) return <LoadingBlock />;
  if (organisation.isError) {
    const missing = isApiError(organisation.error) && organisation.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? t("profile.notFound") : t("profile.failed")} />
        {missing ? (
          <p>
            <Link to="/organisations">{t("profile.backToDirectory")}</Link>
          </p>
        ) : (
          <ProblemAlert
            error={organisation.error}
            namespace="organisations"
            onRetry={() => void organisation.refetch()}
          />
        )}
      </>
    );
  }
  return <OrganisationProfile organisation={organisation.data} />;
}

function RelatedList({ organisations }: { organisations: OrganisationSummary[] }) {
  const { t } = useTranslation("organisations");
  return (
    <ul className="link-list">
      {organisations.map((related) => (
        <li key={related.id} className="cluster">
          <OrganisationLogo organisation={related} />
          <span>
            <Link to={`/organisations/${related.slug}`}>{related.name}</Link>
            <br />
            <span className="small muted">{t(`kinds.${related.kind}`)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function OrganisationProfile({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation("organisations");
  const format = useFormatting();
  const placeOf = usePlaceOf();
  const viewer = useViewer();
  const { abilities } = organisation;
  const canManage =
    abilities.edit ||
    abilities.manageMembers ||
    abilities.manageAffiliations ||
    organisation.myRole !== null ||
    viewer.isStaff;

  return (
    <>
      <PageHeader
        media={<OrganisationLogo organisation={organisation} large />}
        eyebrow={t(`kinds.${organisation.kind}`)}
        title={organisation.name}
        aside={organisation.verified && <Badge tone="success">{t("verified")}</Badge>}
        lead={<p>{placeOf(organisation)}</p>}
      />
      <div className="with-sidebar with-sidebar--right">
        <div className="stack">
          <section aria-labelledby="about">
            <h2 id="about">{t("profile.about")}</h2>
            {organisation.description ? (
              <div className="prose">
                <p>{organisation.description}</p>
              </div>
            ) : (
              <p className="muted">{t("profile.noDescription")}</p>
            )}
          </section>
          {organisation.memberOf.length > 0 && (
            <section aria-labelledby="member-of">
              <h2 id="member-of">{t("profile.memberOf")}</h2>
              <RelatedList organisations={organisation.memberOf} />
            </section>
          )}
          {organisation.members.length > 0 && (
            <section aria-labelledby="member-organisations">
              <h2 id="member-organisations">{t("profile.memberOrganisations")}</h2>
              <RelatedList organisations={organisation.members} />
            </section>
          )}
          {organisation.kind === "city" && organisation.cityId && (
            <CityChallengesSection
              cityId={organisation.cityId}
              cityName={organisation.cityName ?? organisation.name}
            />
          )}
          {["company", "research", "cluster"].includes(organisation.kind) && (
            <ProviderSolutionsSection
              organisationId={organisation.id}
              canAdd={organisation.myRole !== null}
            />
          )}
          {organisation.kind === "city" && (
            <OrganisationReferencesSection organisationId={organisation.id} kind="city" />
          )}
          {["company", "research", "cluster"].includes(organisation.kind) && (
            <OrganisationReferencesSection organisationId={organisation.id} kind="provider" />
          )}
          {organisation.kind !== "funder" && (
            <FundingFinderSection organisationId={organisation.id} />
          )}
        </div>
        <aside className="stack" aria-label={t("profile.factsLabel")}>
          <Card title={t("profile.facts")}>
            <dl className="facts">
              <div>
                <dt>{t("fields.kind")}</dt>
                <dd>{t(`kinds.${organisation.kind}`)}</dd>
              </div>
              <div>
                <dt>{t("fields.place")}</dt>
                <dd>{placeOf(organisation)}</dd>
              </div>
              {organisation.website && (
                <div>
                  <dt>{t("fields.website")}</dt>
                  <dd>
                    <a
                      href={organisation.website}
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                    >
                      {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                      <span className="visually-hidden"> {t("profile.opensInNewTab")}</span>
                    </a>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t("profile.people")}</dt>
                <dd>{format.number(organisation.memberCount)}</dd>
              </div>
              <div>
                <dt>{t("profile.since")}</dt>
                <dd>{format.date(organisation.createdAt)}</dd>
              </div>
              {organisation.myRole && (
                <div>
                  <dt>{t("profile.yourRole")}</dt>
                  <dd>{t(`roles.${organisation.myRole}`)}</dd>
                </div>
              )}
            </dl>
          </Card>
          {abilities.verify && <VerificationControl organisation={organisation} />}
          {abilities.leave && viewer.user && (
            <LeaveOrganisation organisation={organisation} userId={viewer.user.id} />
          )}
        </aside>
      </div>
      {canManage && viewer.user && <ManageOrganisation organisation={organisation} />}
    </>
  );
}
