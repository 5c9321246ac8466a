import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { City } from "../../modules/organisations/contract.ts";
import { LoadingBlock } from "../../ui/components/Spinner.tsx";
import { useCountries } from "../../ui/i18n/countries.ts";

/** The map's code and its country shapes load after the rest of the page, in chunks of their own. */
const WorldMap = lazy(async () => ({
  default: (await import("../../ui/map/WorldMap.tsx")).WorldMap,
}));

const directoryOf = (city: City) => `/organisations?city=${city.id}`;

/** C40 cities on a world map, with the same cities listed by region for those who cannot see it. */
export function CityMap({ cities }: { cities: City[] }) {
  const { t } = useTranslation("app");
  const { nameOf } = useCountries();
  const regions = [...new Set(cities.map((city) => city.region))].sort();
  const describe = (city: City) =>
    t("home.map.point", {
      city: city.name,
      country: nameOf(city.country),
      count: city.organisationCount,
    });

  return (
    <figure className="stack--tight">
      <Suspense fallback={<LoadingBlock label={t("home.map.loading")} />}>
        <WorldMap
          label={t("home.map.label")}
          points={cities.map((city) => ({
            id: city.id,
            name: city.name,
            latitude: city.latitude,
            longitude: city.longitude,
            weight: city.organisationCount,
            description: describe(city),
            href: directoryOf(city),
          }))}
        />
      </Suspense>
      <figcaption>
        <ul className="map-legend">
          <li>
            <span className="map-legend__swatch map-legend__swatch--active" aria-hidden="true" />
            {t("home.map.legendActive")}
          </li>
          <li>
            <span className="map-legend__swatch" aria-hidden="true" />
            {t("home.map.legendEmpty")}
          </li>
        </ul>
      </figcaption>
      <details className="disclosure section">
        <summary>{t("home.map.list", { count: cities.length })}</summary>
        <div className="region-list">
          {regions.map((region) => (
            <section key={region} aria-label={region}>
              <h3>{region}</h3>
              <ul>
                {cities
                  .filter((city) => city.region === region)
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((city) => (
                    <li key={city.id}>
                      <Link to={directoryOf(city)}>{city.name}</Link>{" "}
                      <span className="small muted">
                        ({t("home.map.count", { count: city.organisationCount })})
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      </details>
    </figure>
  );
}
