import { type GeoProjection, geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface WorldShapes {
  /** Every country as one path, so the map is a handful of DOM nodes. */
  land: string;
  graticule: string;
  outline: string;
  projection: GeoProjection;
}

let cached: Promise<WorldShapes> | undefined;

/**
 * Country outlines from Natural Earth (110m), bundled with the app so the map works offline and
 * needs no tile server. The file is fetched as its own chunk the first time a map is shown.
 */
export function loadWorldShapes(): Promise<WorldShapes> {
  cached ??= import("world-atlas/countries-110m.json").then((module) => {
    const topology = (module.default ?? module) as unknown as Topology<{
      countries: GeometryCollection;
    }>;
    const countries = feature(topology, topology.objects.countries);
    const sphere = { type: "Sphere" } as const;
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [MAP_WIDTH - 4, MAP_HEIGHT - 4],
      ],
      sphere,
    );
    const path = geoPath(projection);
    return {
      land: path(countries) ?? "",
      graticule: path(geoGraticule10()) ?? "",
      outline: path(sphere) ?? "",
      projection,
    };
  });
  return cached;
}
