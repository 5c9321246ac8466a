import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/client.ts";
import c40 from "./c40-cities.json" with { type: "json" };
import { upsertCities } from "./repository.ts";
import { slugify } from "./slug.ts";

/**
 * The C40 member cities, shipped with the platform (see c40-cities.json for the source and its
 * caveat). Loaded at every start, so a new list in a release reaches existing installations.
 */
export async function ensureC40Cities(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  await upsertCities(
    db,
    c40.cities.map((city) => ({
      slug: slugify(city.name),
      name: city.name,
      country: city.country,
      region: city.region,
      latitude: city.lat,
      longitude: city.lon,
      c40Member: 1,
      createdAt: now,
    })),
  );
  return c40.cities.length;
}
