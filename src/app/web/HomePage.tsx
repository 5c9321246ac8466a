import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../modules/accounts/web/session.ts";
import { organisationKinds } from "../../modules/organisations/web/organisation-kinds.ts";
import {
  useCities,
  useNetworkOverview,
} from "../../modules/organisations/web/organisation-queries.ts";
import { ButtonLink } from "../../ui/components/Button.tsx";
import { Figure, FigureList } from "../../ui/components/Figure.tsx";
import { QueryState } from "../../ui/components/QueryState.tsx";
import { useDocumentTitle } from "../../ui/layout/document-title.ts";
import { CityMap } from "./CityMap.tsx";

export function HomePage() {
  const { t } = useTranslation("app");
  const user = useCurrentUser();
  const overview = useNetworkOverview();
  const cities = useCities();
  useDocumentTitle(undefined);

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" tabIndex={-1}>
          {t("home.title")}
        </h1>
        <p className="hero__lead">{t("home.lead")}</p>
        <div className="cluster">
          {user ? (
            <ButtonLink to="/me/organisations">{t("home.myOrganisations")}</ButtonLink>
          ) : (
            <ButtonLink to="/sign-up">{t("home.signUp")}</ButtonLink>
          )}
          <ButtonLink to="/organisations" variant="secondary">
            {t("home.browse")}
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="home-numbers">
        <h2 id="home-numbers">{t("home.numbers")}</h2>
        <QueryState query={overview}>
          {(numbers) => {
            const organisations = Object.values(numbers.organisationsByKind).reduce(
              (sum, count) => sum + count,
              0,
            );
            return (
              <>
                <FigureList>
                  <Figure value={numbers.cities} label={t("home.figures.cities")} />
                  <Figure value={numbers.regions} label={t("home.figures.regions")} />
                  <Figure value={organisations} label={t("home.figures.organisations")} />
                  <Figure
                    value={numbers.verifiedOrganisations}
                    label={t("home.figures.verified")}
                  />
                  <Figure value={numbers.people} label={t("home.figures.people")} />
                </FigureList>
                <h3 className="section">{t("home.byKind")}</h3>
                <ul className="cluster item-grid">
                  {organisationKinds.map((kind) => (
                    <li key={kind}>
                      <Link to={`/organisations?kind=${kind}`} className="badge">
                        {t(`organisations:kindsPlural.${kind}`)}:{" "}
                        {numbers.organisationsByKind[kind] ?? 0}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            );
          }}
        </QueryState>
      </section>

      <section className="section" aria-labelledby="home-map">
        <h2 id="home-map">{t("home.map.title")}</h2>
        <p className="reading">{t("home.map.lead")}</p>
        <QueryState query={cities}>{(data) => <CityMap cities={data.cities} />}</QueryState>
      </section>
    </>
  );
}
