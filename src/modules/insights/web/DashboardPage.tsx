import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type Bar, BarChart } from "../../../ui/components/BarChart.tsx";
import { DataTable } from "../../../ui/components/DataTable.tsx";
import { Figure, FigureList } from "../../../ui/components/Figure.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import { useCountries } from "../../../ui/i18n/countries.ts";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import { useSectorLabel } from "../../catalogue/web/solution-labels.ts";
import { Sector } from "../../challenges/contract.ts";
import { type Dashboard, type DashboardScope, dashboardPath } from "../contract.ts";
import { useCities, useDashboard } from "./insights-queries.ts";
import "./insights.css";

const WorldMap = lazy(async () => ({
  default: (await import("../../../ui/map/WorldMap.tsx")).WorldMap,
}));

/** The dashboard the address names: the network, a city, a provider or a sector. */
export function DashboardPage({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation("insights");
  const params = useParams();
  const id = scope === "network" ? null : (params.id ?? params.sector ?? "");
  const dashboard = useDashboard(scope, id);
  return (
    <QueryState query={dashboard} namespace="insights" loadingLabel={t("loading")}>
      {(data) => <DashboardView dashboard={data} />}
    </QueryState>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("insights");
  const sectorLabel = useSectorLabel();
  const format = useFormatting();
  const { kind, id, name } = dashboard.scope;
  const title =
    kind === "network"
      ? t("title.network")
      : kind === "sector"
        ? t("title.sector", { sector: sectorLabel(name as Sector) })
        : t(`title.${kind}`, { name });
  const path = dashboardPath(kind, id);
  const events = dashboard.events.reduce((sum, year) => sum + year.events, 0);
  const participants = dashboard.events.reduce((sum, year) => sum + year.participants, 0);
  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={title}
        lead={<p>{t("lead", { year: dashboard.untilYear })}</p>}
      />
      <div className="stack">
        <nav aria-label={t("openData.label")} className="cluster">
          <span>{t("openData.label")}:</span>
          <a href={path}>{t("openData.json")}</a>
          <a href={`${path}/data.csv`} download>
            {t("openData.csv")}
          </a>
          <Link to="/insights/about">{t("openData.about")}</Link>
        </nav>
        <section aria-labelledby="insights-figures">
          <h2 id="insights-figures">{t("figures.title")}</h2>
          <FigureList>
            <Figure
              value={dashboard.challenges.byStatus.reduce((sum, row) => sum + row.count, 0)}
              label={t("figures.challenges")}
            />
            {dashboard.pilots !== null && (
              <Figure value={dashboard.pilots} label={t("figures.pilots")} />
            )}
            <Figure value={dashboard.proposals} label={t("figures.proposals")} />
            <Figure value={dashboard.consortia} label={t("figures.consortia")} />
            <Figure value={events} label={t("figures.events")} />
            <Figure value={participants} label={t("figures.participants")} />
            <Figure
              value={dashboard.cities.reduce((sum, city) => sum + city.verifiedReferences, 0)}
              label={t("figures.verifiedReferences")}
            />
          </FigureList>
          <p className="small muted">{t("figures.proposalsNote")}</p>
        </section>
        {kind !== "provider" && <ChallengeSections dashboard={dashboard} />}
        <ImpactSection dashboard={dashboard} />
        <section aria-labelledby="insights-events" className="stack">
          <h2 id="insights-events">{t("events.title")}</h2>
          {dashboard.events.length === 0 ? (
            <p className="muted">{t("events.none")}</p>
          ) : (
            <ChartWithTable
              caption={t("events.caption")}
              bars={dashboard.events.map((row) => ({
                key: String(row.year),
                label: String(row.year),
                value: row.participants,
              }))}
              columns={[
                {
                  key: "year",
                  header: t("events.year"),
                  rowHeader: true,
                  render: (row) => row.year,
                },
                {
                  key: "events",
                  header: t("events.events"),
                  numeric: true,
                  render: (row) => format.number(row.events),
                },
                {
                  key: "participants",
                  header: t("events.participants"),
                  numeric: true,
                  render: (row) => format.number(row.participants),
                },
              ]}
              rows={dashboard.events}
              rowKey={(row) => String(row.year)}
            />
          )}
        </section>
        <MapSection dashboard={dashboard} />
        {kind === "network" && (
          <nav aria-labelledby="insights-sectors">
            <h2 id="insights-sectors">{t("sectors.title")}</h2>
            <ul className="tag-list">
              {Sector.options.map((sector) => (
                <li key={sector}>
                  <Link className="badge" to={`/insights/sectors/${sector}`}>
                    {sectorLabel(sector)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </>
  );
}

/** A chart for the eye and, beside it, the same numbers as a table for everyone. */
function ChartWithTable<Row>({
  caption,
  bars,
  unit,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  bars: Bar[];
  unit?: string;
  columns: Parameters<typeof DataTable<Row>>[0]["columns"];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <div className="insights-pair">
      <BarChart bars={bars} {...(unit ? { unit } : {})} />
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={rowKey} />
    </div>
  );
}

function ChallengeSections({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("insights");
  const sectorLabel = useSectorLabel();
  const format = useFormatting();
  const statusLabel = (status: string) => t(`challenges:statuses.${status}`);
  return (
    <section aria-labelledby="insights-challenges" className="stack">
      <h2 id="insights-challenges">{t("challenges.title")}</h2>
      {dashboard.challenges.byStatus.length === 0 ? (
        <p className="muted">{t("challenges.none")}</p>
      ) : (
        <>
          <ChartWithTable
            caption={t("challenges.byStatus")}
            bars={dashboard.challenges.byStatus.map((row) => ({
              key: row.status,
              label: statusLabel(row.status),
              value: row.count,
            }))}
            columns={[
              {
                key: "status",
                header: t("challenges.status"),
                rowHeader: true,
                render: (row) => statusLabel(row.status),
              },
              {
                key: "count",
                header: t("challenges.count"),
                numeric: true,
                render: (row) => format.number(row.count),
              },
            ]}
            rows={dashboard.challenges.byStatus}
            rowKey={(row) => row.status}
          />
          <ChartWithTable
            caption={t("challenges.bySector")}
            bars={dashboard.challenges.bySector.map((row) => ({
              key: row.sector,
              label: sectorLabel(row.sector as Sector),
              value: row.count,
            }))}
            columns={[
              {
                key: "sector",
                header: t("challenges.sector"),
                rowHeader: true,
                render: (row) => sectorLabel(row.sector as Sector),
              },
              {
                key: "count",
                header: t("challenges.count"),
                numeric: true,
                render: (row) => format.number(row.count),
              },
            ]}
            rows={dashboard.challenges.bySector}
            rowKey={(row) => row.sector}
          />
        </>
      )}
    </section>
  );
}

/** Verified outcomes: one chart and table per kind and unit (units are never added up). */
function ImpactSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("insights");
  const sectorLabel = useSectorLabel();
  const format = useFormatting();
  const groups = new Map<string, Dashboard["impact"]>();
  for (const row of dashboard.impact) {
    const key = `${row.kind}|${row.label}|${row.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return (
    <section aria-labelledby="insights-impact" className="stack">
      <h2 id="insights-impact">{t("impact.title")}</h2>
      <p className="small muted">{t("impact.about")}</p>
      {groups.size === 0 ? (
        <p className="muted">{t("impact.none")}</p>
      ) : (
        [...groups.entries()].map(([key, rows]) => {
          const first = rows[0]!;
          const name =
            first.kind === "custom"
              ? t("impact.customName", { label: first.label, unit: first.unit })
              : t("impact.kindName", {
                  kind: t(`references:metrics.kind.${first.kind}`),
                  unit: first.unit,
                });
          return (
            <div key={key} className="stack--tight">
              <h3>{name}</h3>
              <ChartWithTable
                caption={t("impact.caption", { name })}
                bars={rows.map((row) => ({
                  key: `${row.sector}-${row.year}`,
                  label: `${sectorLabel(row.sector as Sector)} ${row.year}`,
                  value: row.value,
                }))}
                unit={first.unit}
                columns={[
                  {
                    key: "sector",
                    header: t("impact.sector"),
                    rowHeader: true,
                    render: (row) => sectorLabel(row.sector as Sector),
                  },
                  { key: "year", header: t("impact.year"), render: (row) => row.year },
                  {
                    key: "value",
                    header: t("impact.value", { unit: first.unit }),
                    numeric: true,
                    render: (row) => format.number(row.value),
                  },
                ]}
                rows={rows}
                rowKey={(row) => `${row.sector}-${row.year}`}
              />
            </div>
          );
        })
      )}
    </section>
  );
}

function MapSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("insights");
  const { nameOf } = useCountries();
  const format = useFormatting();
  const cities = useCities();
  const coordinates = new Map((cities.data?.cities ?? []).map((city) => [city.id, city]));
  const describe = (city: Dashboard["cities"][number]) =>
    t("map.point", {
      city: city.name,
      country: nameOf(city.country),
      challenges: city.challenges,
      references: city.verifiedReferences,
    });
  return (
    <section aria-labelledby="insights-map" className="stack">
      <h2 id="insights-map">{t("map.title")}</h2>
      {dashboard.cities.length === 0 ? (
        <p className="muted">{t("map.none")}</p>
      ) : (
        <div className="insights-pair">
          <Suspense fallback={<LoadingBlock label={t("map.loading")} />}>
            <WorldMap
              label={t("map.label")}
              points={dashboard.cities.flatMap((city) => {
                const place = coordinates.get(city.cityId);
                return place
                  ? [
                      {
                        id: city.cityId,
                        name: city.name,
                        latitude: place.latitude,
                        longitude: place.longitude,
                        weight: city.challenges + city.verifiedReferences,
                        description: describe(city),
                      },
                    ]
                  : [];
              })}
            />
          </Suspense>
          <DataTable
            caption={t("map.caption")}
            columns={[
              {
                key: "city",
                header: t("map.city"),
                rowHeader: true,
                render: (row) => `${row.name}, ${nameOf(row.country)}`,
              },
              {
                key: "challenges",
                header: t("map.challenges"),
                numeric: true,
                render: (row) => format.number(row.challenges),
              },
              {
                key: "references",
                header: t("map.references"),
                numeric: true,
                render: (row) => format.number(row.verifiedReferences),
              },
            ]}
            rows={dashboard.cities}
            rowKey={(row) => row.cityId}
          />
        </div>
      )}
    </section>
  );
}

export const NetworkDashboardPage = () => <DashboardPage scope="network" />;
export const CityDashboardPage = () => <DashboardPage scope="city" />;
export const ProviderDashboardPage = () => <DashboardPage scope="provider" />;
export const SectorDashboardPage = () => <DashboardPage scope="sector" />;
