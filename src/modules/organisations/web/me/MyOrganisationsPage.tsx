import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../ui/components/Badge.tsx";
import { ButtonLink } from "../../../../ui/components/Button.tsx";
import { EmptyState } from "../../../../ui/components/EmptyState.tsx";
import { PageHeader } from "../../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../../ui/components/Spinner.tsx";
import { useFormatting } from "../../../../ui/i18n/formatting.ts";
import { OrganisationLogo } from "../OrganisationLogo.tsx";
import { useMyMemberships } from "../organisation-queries.ts";
import { usePlaceOf } from "../place.ts";
import { SignInPrompt } from "../SignInPrompt.tsx";
import { useViewer } from "../viewer.ts";

export function MyOrganisationsPage() {
  const { t } = useTranslation("organisations");
  const viewer = useViewer();
  const format = useFormatting();
  const placeOf = usePlaceOf();
  const memberships = useMyMemberships(viewer.user !== null);

  return (
    <>
      <PageHeader
        title={t("mine.title")}
        lead={t("mine.lead")}
        actions={
          viewer.user && <ButtonLink to="/organisations/new">{t("directory.create")}</ButtonLink>
        }
      />
      {viewer.pending ? (
        <LoadingBlock />
      ) : !viewer.user ? (
        <SignInPrompt message={t("mine.signIn")} />
      ) : (
        <QueryState query={memberships} namespace="organisations">
          {({ memberships: list }) =>
            list.length === 0 ? (
              <EmptyState
                title={t("mine.none")}
                action={<ButtonLink to="/organisations">{t("mine.browse")}</ButtonLink>}
              >
                <p>{t("mine.noneBody")}</p>
              </EmptyState>
            ) : (
              <ul className="item-list">
                {list.map(({ organisation, role, since }) => (
                  <li key={organisation.id}>
                    <div className="item-list__main cluster">
                      <OrganisationLogo organisation={organisation} />
                      <div>
                        <h2 className="entity-card__title">
                          <Link to={`/organisations/${organisation.slug}`}>
                            {organisation.name}
                          </Link>
                        </h2>
                        <p className="entity-card__meta">
                          {t(`kinds.${organisation.kind}`)} · {placeOf(organisation)} ·{" "}
                          {t("mine.since", { date: format.date(since) })}
                        </p>
                      </div>
                    </div>
                    <div className="item-list__actions">
                      <Badge tone={role === "admin" ? "info" : "neutral"}>
                        {t(`roles.${role}`)}
                      </Badge>
                      {organisation.verified && <Badge tone="success">{t("verified")}</Badge>}
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
    </>
  );
}
