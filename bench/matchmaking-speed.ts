/**
 * How fast a recommendation request is on a large catalogue: 100,000 solutions from ~300
 * providers and 1,000 challenges (of C40 city organisations, published once loaded), generated
 * deterministically from the capability taxonomy's words and common words, and loaded through
 * the bundle import (so the search columns are what a real import writes). For a sample of
 * challenges, after a warm-up, it times (never asserting a timing):
 *
 * - cold: the request (`recommendForChallenge`, 10 solutions, as a platform admin) with nothing
 *   stored for the challenge: its list is computed at the request and stored;
 * - the floor: the bare full-text query over the same OR of the challenge's title and summary
 *   words (`where search @@ q order by ts_rank limit 10`);
 * - refresh: the refresh job's work, one challenge's list computed in full and stored, for every
 *   challenge (or `--stored N` of them, the sampled ones first);
 * - stored: the same requests served from the stored lists (solutions, and organisations), each
 *   answer compared with the cold one;
 * - merge: the solution.changed job's work for one edited solution (`--merges K` of them) against
 *   every stored list, then stored lists compared with lists computed afresh;
 * - a solution's open challenges (`challengesForSolution`, on demand, `--offers K` solutions);
 * - where a stored request spends its time: each of its reads timed alone, in order.
 *
 *   node bin/run-script.mjs bench/matchmaking-speed.ts [--solutions N] [--challenges M]
 *     [--engine pglite|postgres|both] [--samples S] [--warmup W] [--stored N] [--merges K]
 *     [--offers K] [--no-analyze] [--keep] [--postgres postgres://postgres@127.0.0.1:5432]
 *
 * PostgreSQL: a database `csp_bench_matchmaking` is dropped, created, loaded and dropped again
 * on the server given (trust auth, or credentials in the address); `--keep` leaves it there,
 * loaded, for profiling a request by hand.
 *
 * After loading, each engine runs VACUUM ANALYZE, as autovacuum would on a server: the planner,
 * and the matcher's bound on candidates brought by common words, read those statistics. PGlite
 * has no autovacuum; the app runs ANALYZE on the solutions at start and after imports that
 * change solutions, but not after single edits, so `--no-analyze` measures a never-analysed
 * embedded database. The text is made so that a challenge's title and summary share some word with
 * most of the catalogue (as on the labelled set, bench/matchmaking: 40–80% of its solutions),
 * which is what makes the bare full-text query slow on a large catalogue.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { UserActor } from "../src/core/auth/actor.ts";
import { systemClock } from "../src/core/clock.ts";
import type { ServiceContext } from "../src/core/context.ts";
import {
  type DatabaseHandle,
  type Db,
  openPglite,
  openPostgres,
  queryRows,
} from "../src/core/db/client.ts";
import { drainJobs, hasUnfinishedJobs } from "../src/core/jobs/outbox.ts";
import {
  ensureCapabilityTaxonomy,
  SOLUTION_CHANGED_JOB,
  solutionHeadlines,
  taxonomyFingerprint,
  textWeightsFor,
  wordsWithLexemes,
} from "../src/modules/catalogue/index.ts";
import { challengeNeeds, readableChallengeNeed } from "../src/modules/challenges/index.ts";
import { importFileAsPlatform } from "../src/modules/exchange/index.ts";
import {
  challengesForSolution,
  deleteStoredRecommendations,
  matchmakingModule,
  mergeSolutionChanges,
  recommendForChallenge,
  refreshChallengeList,
  storedFitsAreFresh,
} from "../src/modules/matchmaking/index.ts";
// The bench times the stored list's own reads one by one: it reaches past the module's face.
import { challengeListEntries, findChallengeList } from "../src/modules/matchmaking/repository.ts";
import { ensureC40Cities, organisationSummaries } from "../src/modules/organisations/index.ts";

// ---------------------------------------------------------------------------------------------
// Arguments

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index !== -1) return args[index + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const solutionCount = Number(option("solutions") ?? 100_000);
const challengeCount = Number(option("challenges") ?? 1_000);
const engineOption = option("engine") ?? "both";
const sampleCount = Number(option("samples") ?? 200);
const warmupCount = Number(option("warmup") ?? 20);
const postgresServer = (option("postgres") ?? "postgres://postgres@127.0.0.1:5432").replace(
  /\/+$/,
  "",
);
const analyze = !process.argv.includes("--no-analyze");
const BENCH_DATABASE = "csp_bench_matchmaking";
const LIMIT = 10;
if (!["pglite", "postgres", "both"].includes(engineOption)) {
  process.stderr.write("--engine must be pglite, postgres or both\n");
  process.exit(64);
}

// ---------------------------------------------------------------------------------------------
// Deterministic data

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  /** An index in [0, weights.length) drawn with the given weights. */
  const weighted = (weights: readonly number[]) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let draw = next() * total;
    for (let index = 0; index < weights.length; index++) {
      draw -= weights[index]!;
      if (draw < 0) return index;
    }
    return weights.length - 1;
  };
  return { next, int, pick, chance, weighted };
}
type Random = ReturnType<typeof prng>;

/** Zipf-like weights: a few items are common, most are rare (as words and providers are). */
const zipf = (count: number, exponent: number) =>
  Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);

interface TaxonomyEntry {
  code: string;
  parent: string | null;
  labels: Record<string, string>;
  synonyms: Record<string, string[]>;
}
const taxonomy = (
  JSON.parse(
    readFileSync(new URL("../src/modules/catalogue/taxonomy.json", import.meta.url), "utf8"),
  ) as { capabilities: TaxonomyEntry[] }
).capabilities;

/** Sectors with their weight in the catalogue (more energy and mobility than finance). */
const sectorWeights: Record<string, number> = {
  energy: 16,
  buildings: 14,
  mobility: 14,
  water: 12,
  waste: 11,
  adaptation: 10,
  data: 8,
  air: 7,
  food: 4,
  finance: 4,
};
const sectors = Object.keys(sectorWeights);

interface Topic {
  code: string;
  sector: string;
  /** English label and synonyms, lower case: what providers and cities write. */
  terms: string[];
  /** French and Spanish ones: a few texts use them. */
  foreign: string[];
}
const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
const topics: Topic[] = taxonomy
  .filter((entry) => entry.parent !== null)
  .map((entry) => ({
    code: entry.code,
    sector: entry.code.split(".")[0]!,
    terms: [entry.labels.en!, ...(entry.synonyms.en ?? [])].map(lowerFirst),
    foreign: [
      entry.labels.fr!,
      entry.labels.es!,
      ...(entry.synonyms.fr ?? []),
      ...(entry.synonyms.es ?? []),
    ].map(lowerFirst),
  }));
const topicsOf = new Map(
  sectors.map((sector) => [sector, topics.filter((t) => t.sector === sector)]),
);

/** Each sector's everyday words, beyond the taxonomy's terms. */
const sectorWords: Record<string, string[]> = {
  energy: [
    "heat",
    "electricity",
    "grid",
    "peak demand",
    "tariffs",
    "consumption",
    "renewable supply",
    "load",
    "substations",
    "boilers",
    "kilowatt-hours",
    "power",
    "fuel",
    "heating season",
  ],
  buildings: [
    "housing stock",
    "facades",
    "insulation",
    "ventilation",
    "schools",
    "office blocks",
    "tenants",
    "social housing",
    "building owners",
    "renovation",
    "heating systems",
    "roofs",
    "construction sites",
    "apartments",
  ],
  mobility: [
    "buses",
    "depots",
    "fleets",
    "commuters",
    "traffic",
    "charging points",
    "bike lanes",
    "freight",
    "parking",
    "routes",
    "transit",
    "vehicles",
    "kerbside",
    "ridership",
  ],
  water: [
    "pipes",
    "pressure",
    "utility",
    "water losses",
    "meters",
    "treatment plants",
    "reservoirs",
    "pumps",
    "drinking water",
    "sewers",
    "supply network",
    "valves",
    "consumption",
    "groundwater",
  ],
  waste: [
    "bins",
    "collection rounds",
    "landfill",
    "sorting",
    "households",
    "recyclables",
    "compost",
    "residual waste",
    "markets",
    "trucks",
    "material recovery",
    "bulky waste",
    "packaging",
    "disposal",
  ],
  adaptation: [
    "flooding",
    "heatwaves",
    "rainfall",
    "storms",
    "drainage",
    "green space",
    "shade",
    "sea level",
    "vulnerable residents",
    "cloudbursts",
    "retention",
    "trees",
    "extreme weather",
    "runoff",
  ],
  air: [
    "pollution",
    "particulate matter",
    "nitrogen dioxide",
    "exposure",
    "emissions",
    "sensors",
    "health",
    "smoke",
    "hotspots",
    "diesel",
    "schools",
    "alerts",
    "PM2.5",
    "ozone",
  ],
  food: [
    "farms",
    "canteens",
    "meals",
    "suppliers",
    "markets",
    "surplus food",
    "cold storage",
    "diets",
    "growers",
    "school meals",
    "produce",
    "kitchens",
    "rooftop gardens",
    "food banks",
  ],
  finance: [
    "investors",
    "capital",
    "loans",
    "revenue",
    "budget",
    "bonds",
    "risk",
    "returns",
    "guarantees",
    "payback",
    "grants",
    "pipeline",
    "bankable projects",
    "repayments",
  ],
  data: [
    "dashboards",
    "datasets",
    "models",
    "sensors",
    "analytics",
    "indicators",
    "APIs",
    "maps",
    "inventories",
    "scenarios",
    "satellite images",
    "algorithms",
    "reporting",
    "open data",
  ],
};

/** Common words of urban climate writing, most common first (drawn Zipf-like). */
const commonWords = [
  "city",
  "urban",
  "data",
  "system",
  "public",
  "cost",
  "management",
  "network",
  "municipal",
  "residents",
  "operators",
  "monitoring",
  "platform",
  "climate",
  "emissions",
  "local",
  "real-time",
  "infrastructure",
  "service",
  "scale",
  "pilot",
  "design",
  "performance",
  "maintenance",
  "planning",
  "low-carbon",
  "efficiency",
  "digital",
  "community",
  "districts",
  "integration",
  "operation",
  "capacity",
  "demand",
  "streets",
  "neighbourhoods",
  "safety",
  "quality",
  "reporting",
  "installation",
  "control",
  "partners",
  "procurement",
  "investment",
  "targets",
  "resilience",
  "health",
  "sustainable",
  "modular",
  "remote",
  "automated",
  "affordable",
  "reliable",
  "open",
  "proven",
  "innovative",
  "long-term",
  "daily",
  "annual",
  "existing",
  "large",
  "small",
  "regional",
  "national",
  "european",
  "global",
  "engineering",
  "software",
  "hardware",
  "cloud",
  "mobile",
  "app",
  "contract",
  "savings",
  "revenue",
  "tender",
  "standards",
  "compliance",
  "certification",
  "training",
  "support",
  "consulting",
  "assessment",
  "survey",
  "inspection",
  "mapping",
  "forecast",
  "optimisation",
  "simulation",
  "visualisation",
  "alerts",
  "measurement",
  "verification",
  "lifecycle",
  "retrofit",
  "upgrade",
  "deployment",
  "rollout",
  "replication",
  "business model",
  "financing",
  "subscription",
  "leasing",
  "warranty",
  "access",
  "equity",
  "inclusion",
  "jobs",
  "skills",
  "workforce",
  "stakeholders",
  "citizens",
  "users",
  "customers",
  "owners",
  "authorities",
  "agencies",
  "utilities",
  "regulators",
  "universities",
  "startups",
  "suppliers",
  "contractors",
  "engineers",
  "planners",
  "policy",
  "regulation",
  "permits",
  "zoning",
  "budgets",
  "timelines",
  "milestones",
  "outcomes",
  "impact",
  "benefits",
  "risks",
  "barriers",
  "evidence",
  "references",
  "case studies",
  "benchmarks",
  "indicators",
  "metrics",
  "baseline",
  "trend",
  "peak",
  "season",
  "winter",
  "summer",
  "night",
  "hourly",
  "weekly",
  "interoperable",
  "secure",
  "privacy",
  "cybersecurity",
  "sensors",
  "meters",
  "cameras",
  "gateways",
  "batteries",
  "cables",
  "controllers",
  "valves",
  "pumps",
  "motors",
  "panels",
  "materials",
  "concrete",
  "steel",
  "timber",
  "coatings",
  "membranes",
  "filters",
  "membrane",
  "robotics",
  "drones",
  "satellites",
  "machine learning",
  "artificial intelligence",
  "blockchain",
  "5G",
  "LoRaWAN",
  "edge computing",
];
const commonWeights = zipf(commonWords.length, 0.5);

const productNouns = [
  "platform",
  "service",
  "system",
  "kit",
  "software",
  "solution",
  "programme",
  "toolkit",
  "controller",
  "sensor network",
  "model",
  "method",
  "unit",
  "package",
];
const adjectives = [
  "Smart",
  "Modular",
  "Low-cost",
  "Integrated",
  "Open",
  "AI-driven",
  "Community",
  "Scalable",
  "Compact",
  "Remote",
  "Predictive",
  "Automated",
  "Citizen-led",
  "Hybrid",
];
const audiences = [
  "cities",
  "municipal utilities",
  "housing associations",
  "transit agencies",
  "building owners",
  "city planners",
  "public schools",
  "district operators",
  "waste authorities",
  "port authorities",
  "regional governments",
  "small towns",
  "hospitals",
  "campuses",
];
const verbs = [
  "cuts",
  "reduces",
  "monitors",
  "optimises",
  "predicts",
  "measures",
  "maps",
  "automates",
  "finances",
  "delivers",
  "manages",
  "tracks",
];

/** Some common words, drawn Zipf-like, joined. */
const common = (random: Random, count: number) =>
  Array.from({ length: count }, () => commonWords[random.weighted(commonWeights)]!).join(" ");

/** A term of the topic (mostly), of a sibling topic, or in another language (rarely). */
function termOf(random: Random, topic: Topic): string {
  if (random.chance(0.04)) return random.pick(topic.foreign);
  if (random.chance(0.2)) return random.pick(random.pick(topicsOf.get(topic.sector)!).terms);
  return random.pick(topic.terms);
}

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function solutionTitle(random: Random, topic: Topic, brand: string): string {
  const term = termOf(random, topic);
  switch (random.int(0, 4)) {
    case 0:
      return `${random.pick(adjectives)} ${term} ${random.pick(productNouns)}`;
    case 1:
      return `${capitalised(term)} ${random.pick(productNouns)} for ${random.pick(audiences)}`;
    case 2:
      return `${brand} ${term}`;
    case 3:
      return `${capitalised(term)} as a service`;
    default:
      return `${random.pick(adjectives)} ${term} with ${common(random, 2)}`;
  }
}

const roles = ["operators", "engineers", "planners", "managers", "crews", "officers", "analysts"];
const standards = ["ISO 50001", "ISO 14001", "IEC 61850", "EN 15232", "ISO 37120", "ISO 27001"];
const units = ["sites", "cities", "districts", "buildings", "fleets", "campuses", "ports"];
const countryNames = ["Denmark", "Kenya", "Brazil", "Spain", "India", "Canada", "Japan", "Chile"];

/** One sentence of a provider's text, in one of many frames (frame words stay uncommon). */
function solutionSentence(random: Random, topic: Topic): string {
  const words = sectorWords[topic.sector]!;
  const word = () => random.pick(words);
  switch (random.int(0, 15)) {
    case 0:
      return `${capitalised(random.pick(verbs).replace(/s$/, ""))} ${word()} with ${termOf(random, topic)} and ${common(random, 1)}.`;
    case 1:
      return `Our ${random.pick(productNouns)} ${random.pick(verbs)} ${word()} for ${random.pick(audiences)}, using ${common(random, 2)}.`;
    case 2:
      return `Deployed in ${random.int(2, 40)} ${random.pick(units)}, it ${random.pick(verbs)} ${word()} by ${random.int(5, 60)}% within ${random.int(6, 36)} months.`;
    case 3:
      return `Includes ${common(random, 1)}, ${common(random, 1)} and ${common(random, 1)}.`;
    case 4:
      return `Designed for ${word()}: ${termOf(random, topic)} without ${common(random, 1)}.`;
    case 5:
      return `Connects ${word()}, ${common(random, 1)} and ${termOf(random, topic)}.`;
    case 6:
      return `Compatible with ${word()} and ${common(random, 1)}.`;
    case 7:
      return `Gives ${random.pick(roles)} ${common(random, 1)} on ${word()}.`;
    case 8:
      return `Installed in ${random.int(2, 12)} weeks and serviced remotely.`;
    case 9:
      return `Certified to ${random.pick(standards)}.`;
    case 10:
      return `Pays for itself through ${common(random, 1)}.`;
    case 11:
      return `Field-tested with ${random.pick(audiences)} in ${random.pick(countryNames)}.`;
    case 12:
      return `Priced per ${random.pick(["site", "vehicle", "meter", "household", "month"])}, ${common(random, 1)} included.`;
    case 13:
      return `Open interfaces to ${common(random, 1)} and ${word()}.`;
    case 14:
      return `A ${random.pick(adjectives).toLowerCase()} alternative to conventional ${word()}.`;
    default:
      return `${capitalised(termOf(random, topic))} sized for ${random.pick(units)}.`;
  }
}

/** One sentence of a city's text. */
function challengeSentence(random: Random, topic: Topic, city: string): string {
  const words = sectorWords[topic.sector]!;
  const word = () => random.pick(words);
  switch (random.int(0, 9)) {
    case 0:
      return `${city} must ${random.pick(["cut", "reduce", "manage", "understand", "finance"])} ${word()} across its ${common(random, 1)} ${random.pick(["districts", "network", "estate", "fleet"])} by ${random.int(2027, 2040)}.`;
    case 1:
      return `We are looking for ${random.pick(["proven", "affordable", "scalable", "new"])} ways to ${random.pick(["deliver", "pilot", "scale", "procure"])} ${termOf(random, topic)} with ${common(random, 1)}.`;
    case 2:
      return `Today ${word()} and ${word()} depend on ${common(random, 1)}, which costs ${random.int(2, 90)} million a year.`;
    case 3:
      return `Partners should bring ${common(random, 1)}, ${termOf(random, topic)} and experience with ${random.pick(audiences)}.`;
    case 4:
      return `The pilot would cover ${random.int(2, 30)} ${random.pick(["sites", "districts", "schools", "routes", "buildings"])} and ${common(random, 1)}.`;
    case 5:
      return `Residents complain about ${word()} and ${common(random, 1)}.`;
    case 6:
      return `Results must be measurable in ${word()} and ${common(random, 1)}.`;
    case 7:
      return `The council adopted a ${common(random, 1)} plan in ${random.int(2019, 2025)}.`;
    case 8:
      return `Funding comes from the ${random.pick(["capital budget", "national recovery fund", "development bank", "EU programme"])}.`;
    default:
      return `${city} has ${random.int(3, 400)} ${word()} to address.`;
  }
}

interface C40City {
  name: string;
  country: string;
  region: string;
}
const c40Cities = (
  JSON.parse(
    readFileSync(new URL("../src/modules/organisations/c40-cities.json", import.meta.url), "utf8"),
  ) as { cities: C40City[] }
).cities;

/** Providers' countries, the more active ecosystems more often. */
const providerCountries = [
  ["DK", 8],
  ["SE", 7],
  ["NO", 4],
  ["FI", 5],
  ["DE", 10],
  ["NL", 8],
  ["FR", 8],
  ["ES", 6],
  ["IT", 4],
  ["GB", 9],
  ["PT", 2],
  ["AT", 3],
  ["CH", 3],
  ["PL", 2],
  ["US", 12],
  ["CA", 4],
  ["BR", 3],
  ["MX", 2],
  ["CO", 1],
  ["CL", 1],
  ["IN", 5],
  ["CN", 4],
  ["JP", 4],
  ["KR", 3],
  ["SG", 3],
  ["AU", 3],
  ["ZA", 2],
  ["KE", 2],
  ["NG", 2],
  ["GH", 1],
  ["AE", 1],
  ["IL", 2],
  ["ID", 1],
  ["VN", 1],
  ["TR", 1],
] as const;
const providerCountryWeights = providerCountries.map(([, weight]) => weight);

const syllables = [
  "var",
  "me",
  "flow",
  "aqua",
  "terra",
  "volt",
  "grid",
  "sol",
  "hydro",
  "eco",
  "urb",
  "nor",
  "lumen",
  "kin",
  "tek",
  "sense",
  "loop",
  "cir",
  "ka",
  "mo",
  "ri",
  "sta",
  "vel",
  "zen",
  "ora",
  "pol",
  "nex",
  "tra",
];
const companySuffixes = ["AB", "GmbH", "Ltd", "B.V.", "SAS", "S.L.", "Inc.", "A/S", "Oy", "Labs"];

interface Dataset {
  organisations: object[];
  solutions: object[];
  challenges: object[];
}

function generate(solutions: number, challenges: number): Dataset {
  const random = prng(20_240_611);
  const providerCount = 300;
  const used = new Set<string>();
  const providers = Array.from({ length: providerCount }, (_, index) => {
    const brand = capitalised(
      Array.from({ length: random.int(2, 3) }, () => random.pick(syllables)).join(""),
    );
    const research = random.chance(0.2);
    let name = research
      ? `${brand} Institute for ${capitalised(random.pick(sectors))} Research`
      : `${brand} ${random.pick(companySuffixes)}`;
    while (used.has(name)) name = `${name} ${random.int(2, 99)}`;
    used.add(name);
    return {
      ref: `provider-${index + 1}`,
      name,
      brand,
      kind: research ? "research" : "company",
      country: providerCountries[random.weighted(providerCountryWeights)]![0],
    };
  });
  const cities = c40Cities.map((city, index) => ({
    ref: `city-${index + 1}`,
    name: `City of ${city.name}, Climate Office`,
    kind: "city",
    country: city.country,
    city: city.name,
    cityName: city.name.replace(/ \(.*\)$/, ""),
  }));
  const organisations = [
    ...providers.map(({ brand: _brand, ...provider }) => provider),
    ...cities.map(({ cityName: _cityName, ...city }) => city),
  ];

  const sectorWeightList = sectors.map((sector) => sectorWeights[sector]!);
  const topicOf = () => random.pick(topicsOf.get(sectors[random.weighted(sectorWeightList)]!)!);
  const providerWeights = zipf(providerCount, 0.7);
  const allCountries = [...new Set(c40Cities.map((city) => city.country))];
  const trlWeights = [2, 3, 5, 7, 10, 12, 14, 12, 10];

  const solutionRecords = Array.from({ length: solutions }, (_, index) => {
    const topic = topicOf();
    const provider = providers[random.weighted(providerWeights)]!;
    const codes = new Set<string>();
    if (random.chance(0.75)) {
      codes.add(topic.code);
      const extra = random.weighted([5, 3, 2]);
      for (let n = 0; n < extra; n++) {
        codes.add(
          random.chance(0.8)
            ? random.pick(topicsOf.get(topic.sector)!).code
            : random.chance(0.2)
              ? random.pick(sectors)
              : topicOf().code,
        );
      }
    }
    const sectorSet = new Set([topic.sector]);
    if (random.chance(0.4)) sectorSet.add(random.pick(sectors));
    const countries = new Set<string>();
    const deployed = random.weighted([25, 30, 20, 15, 10]);
    while (countries.size < deployed) {
      countries.add(
        countries.size === 0 && random.chance(0.6) ? provider.country : random.pick(allCountries),
      );
    }
    const sentences = Array.from({ length: random.int(3, 6) }, () =>
      solutionSentence(random, topic),
    );
    const bullets = random.chance(0.4)
      ? `\n\n${Array.from({ length: random.int(2, 4) }, () => `- ${capitalised(common(random, 2))} ${random.pick(sectorWords[topic.sector]!)}`).join("\n")}`
      : "";
    return {
      ref: `s-${index + 1}`,
      organisation: provider.ref,
      title: solutionTitle(random, topic, provider.brand).slice(0, 160),
      summary:
        `${capitalised(termOf(random, topic))} that ${random.pick(verbs)} ${random.pick(sectorWords[topic.sector]!)} for ${random.pick(audiences)}. ${solutionSentence(random, topic)}`.slice(
          0,
          500,
        ),
      description: `${sentences.join(" ")}${bullets}`,
      sectors: [...sectorSet],
      capabilities: [...codes],
      trl: random.weighted(trlWeights) + 1,
      countriesDeployed: [...countries],
    };
  });

  const procurementModels = [
    "market_consultation",
    "innovation_prize",
    "pre_commercial",
    "innovation_partnership",
    "competitive_dialogue",
    "pilot_agreement",
  ];
  const challengeRecords = Array.from({ length: challenges }, (_, index) => {
    const topic = topicOf();
    const city = random.pick(cities);
    const codes = new Set<string>();
    const required = random.weighted([25, 35, 25, 15]);
    if (required > 0) codes.add(topic.code);
    while (codes.size < required) {
      codes.add(
        random.chance(0.7) ? random.pick(topicsOf.get(topic.sector)!).code : topicOf().code,
      );
    }
    const sectorSet = new Set([topic.sector]);
    if (random.chance(0.3)) sectorSet.add(random.pick(sectors));
    const term = termOf(random, topic);
    const titles = [
      `Scaling ${term} across ${city.cityName}`,
      `${capitalised(term)} for ${city.cityName}'s ${common(random, 1)} ${random.pick(sectorWords[topic.sector]!)}`,
      `Reducing ${random.pick(sectorWords[topic.sector]!)} with ${term}`,
      `Finding partners for ${term} in ${city.cityName}`,
      `${city.cityName}: ${term} for ${random.pick(audiences)}`,
    ];
    return {
      ref: `c-${index + 1}`,
      organisation: city.ref,
      status: "draft",
      title: random.pick(titles).slice(0, 200),
      summary: Array.from({ length: random.int(2, 3) }, () =>
        challengeSentence(random, topic, city.cityName),
      )
        .join(" ")
        .slice(0, 600),
      description: Array.from({ length: random.int(3, 6) }, () =>
        challengeSentence(random, topic, city.cityName),
      ).join(" "),
      sectors: [...sectorSet],
      capabilities: [...codes],
      minTrl: random.chance(0.4) ? random.int(4, 8) : null,
      procurementModel: random.pick(procurementModels),
    };
  });
  return { organisations, solutions: solutionRecords, challenges: challengeRecords };
}

// ---------------------------------------------------------------------------------------------
// Loading

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function load(
  database: DatabaseHandle,
  data: Dataset,
): Promise<{ challengeIds: string[]; timings: Record<string, number> }> {
  await database.migrate();
  await ensureC40Cities(database.db, systemClock);
  await ensureCapabilityTaxonomy(database.db, systemClock);
  const ctx: ServiceContext = {
    db: database.db,
    clock: systemClock,
    publicUrl: "http://bench",
    demo: false,
  };
  const bundle = (part: Partial<Dataset>) =>
    JSON.stringify({ format: "city-solutions-bundle/1", ...part });
  const timings: Record<string, number> = {};
  let started = performance.now();
  await importFileAsPlatform(ctx, bundle({ organisations: data.organisations }), {
    dryRun: false,
  });
  timings.organisations = performance.now() - started;

  started = performance.now();
  const CHUNK = 10_000;
  for (let start = 0; start < data.solutions.length; start += CHUNK) {
    const chunk = data.solutions.slice(start, start + CHUNK);
    await importFileAsPlatform(ctx, bundle({ solutions: chunk }), { dryRun: false });
    process.stderr.write(
      `  [${database.engine}] solutions ${start + chunk.length}/${data.solutions.length} ` +
        `(${seconds(performance.now() - started)})\n`,
    );
  }
  timings.solutions = performance.now() - started;

  started = performance.now();
  const report = await importFileAsPlatform(ctx, bundle({ challenges: data.challenges }), {
    dryRun: false,
  });
  timings.challenges = performance.now() - started;
  const challengeIds = report.records
    .filter((record) => record.record === "challenge")
    .map((record) => record.id);
  // Open, so that a solution's recommendations have challenges to rank (what they ask for is
  // the same as a draft's: the challenges' recommendations do not change).
  await database.db.execute(
    sql`update challenges set status = 'published', published_at = now() where id in ${challengeIds}`,
  );

  // What autovacuum does after a bulk load on a server, done now so the planner (and the
  // matcher's candidate bound) has statistics. PGlite has no autovacuum: without this, or with
  // --no-analyze, it runs as the app leaves it.
  started = performance.now();
  if (analyze) await database.db.execute(sql`vacuum analyze`);
  timings.analyze = performance.now() - started;
  return { challengeIds, timings };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** The OR of the lexemes, as the matcher builds it (quoted: taken as they are). */
const orQuery = (lexemes: string[]) =>
  sql`(select string_agg(quote_literal(l), ' | ')::tsquery from unnest(${textArray(lexemes)}) as l)`;

/** The floor: the bare ranked full-text query for the same words. */
async function floorQuery(db: Db, lexemes: string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with q as materialized (select ${orQuery(lexemes)} as query)
        select s.id from solutions s, q
        where s.search @@ q.query
        order by ts_rank('{0.1, 0.2, 0.4, 1.0}', s.search, q.query, 32) desc
        limit ${LIMIT}`,
  );
  return rows.map((row) => row.id);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

interface Series {
  label: string;
  times: number[];
}

interface EngineResult {
  engine: string;
  version: string;
  loadMs: number;
  timings: Record<string, number>;
  candidates: number[];
  lexemes: number[];
  stored: Series;
  storedOrganisations: Series;
  cold: Series;
  floor: Series;
  refresh: Series;
  merge: Series;
  offer: Series;
  /** A stored request's reads, each timed alone (`storedRequestReads`). */
  reads: Series[];
  checks: string[];
}

const MERGED_SOLUTIONS = Number(option("merges") ?? 20);
/** Challenges whose lists are computed ahead (the sampled ones first); all by default. */
const STORED_LISTS = Number(option("stored") ?? Number.POSITIVE_INFINITY);
const OFFER_SAMPLES = Number(option("offers") ?? 100);

async function measure(
  database: DatabaseHandle,
  data: Dataset,
  version: string,
): Promise<EngineResult> {
  const loadStarted = performance.now();
  const { challengeIds, timings } = await load(database, data);
  const loadMs = performance.now() - loadStarted;
  const db = database.db;
  const ctx: ServiceContext = { db, clock: systemClock, publicUrl: "http://bench", demo: false };
  const actor: UserActor = {
    kind: "user",
    userId: randomUUID(),
    platformRoles: ["admin"],
    emailVerified: true,
    via: "session",
    sessionId: null,
  };
  // The imports queued solution.changed jobs (a bulk change: nothing stored to merge into yet).
  await drainJobs(db, systemClock, matchmakingModule(ctx).jobs ?? {});

  // The same challenges on every engine: a seeded shuffle of the imported ones, in file order.
  const order = challengeIds.map((id, index) => ({ id, key: prng(index + 1).next() }));
  order.sort((a, b) => a.key - b.key);
  const pickAt = (index: number) => order[index % order.length]!.id;
  const warmup = Array.from({ length: warmupCount }, (_, index) => pickAt(index));
  const sample = Array.from({ length: sampleCount }, (_, index) => pickAt(warmupCount + index));

  // Untimed: each sampled challenge's headline lexemes (as need.ts reads them) and how many
  // solutions contain any of them (the full-text candidates).
  const needs = new Map(
    (await challengeNeeds(db, [...new Set(sample)])).map((need) => [need.id, need]),
  );
  const lexemesOf = new Map<string, string[]>();
  const candidates: number[] = [];
  const lexemeCounts: number[] = [];
  for (const id of new Set(sample)) {
    const need = needs.get(id)!;
    const words = await wordsWithLexemes(db, `${need.title}. ${need.summary}`);
    const lexemes = [...new Set(words.map((word) => word.lexeme))];
    lexemesOf.set(id, lexemes);
    lexemeCounts.push(lexemes.length);
    const [row] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from solutions where search @@ ${orQuery(lexemes)}`,
    );
    candidates.push(Number(row!.count));
  }

  const options = { kind: "solutions" as const, limit: LIMIT, includeBelowMinTrl: false };
  const request = (id: string, kind: "solutions" | "organisations" = "solutions") =>
    recommendForChallenge(db, systemClock, actor, id, { ...options, kind });
  process.stderr.write(`  [${database.engine}] warm-up: ${warmup.length} requests\n`);
  for (const id of warmup) {
    await request(id);
    await request(id);
    const need = (await challengeNeeds(db, [id]))[0]!;
    const words = await wordsWithLexemes(db, `${need.title}. ${need.summary}`);
    await floorQuery(db, [...new Set(words.map((word) => word.lexeme))]);
  }

  // Cold: nothing stored for the challenge, so the request computes its list and stores it.
  const cold: Series = { label: "cold: computed at the request", times: [] };
  const floor: Series = { label: "bare FTS query (floor)", times: [] };
  const coldAnswers = new Map<string, string>();
  let started = performance.now();
  for (const [index, id] of sample.entries()) {
    await deleteStoredRecommendations(db, [id]);
    let begun = performance.now();
    coldAnswers.set(id, JSON.stringify(await request(id)));
    cold.times.push(performance.now() - begun);
    begun = performance.now();
    await floorQuery(db, lexemesOf.get(id)!);
    floor.times.push(performance.now() - begun);
    if ((index + 1) % 50 === 0) {
      process.stderr.write(
        `  [${database.engine}] cold ${index + 1}/${sample.length} (${seconds(performance.now() - started)})\n`,
      );
    }
  }

  // The refresh job's work for every challenge: its list computed in full and stored.
  const refresh: Series = { label: "refresh: one challenge's list in full", times: [] };
  const refreshed = [...new Set([...sample, ...order.map((entry) => entry.id)])].slice(
    0,
    STORED_LISTS,
  );
  const everyNeed = await challengeNeeds(db, refreshed);
  started = performance.now();
  for (const [index, need] of everyNeed.entries()) {
    const begun = performance.now();
    await refreshChallengeList(db, systemClock, need, need.id);
    refresh.times.push(performance.now() - begun);
    if ((index + 1) % 100 === 0) {
      process.stderr.write(
        `  [${database.engine}] refreshed ${index + 1}/${everyNeed.length} (${seconds(performance.now() - started)})\n`,
      );
    }
  }

  // Served from the store: the same requests once every list is fresh.
  const stored: Series = { label: "stored: solutions, limit 10", times: [] };
  const storedOrganisations: Series = { label: "stored: organisations, limit 10", times: [] };
  const checks: string[] = [];
  let same = 0;
  let servedFromStore = 0;
  for (const id of sample) {
    const need = needs.get(id)!;
    if (await storedFitsAreFresh(db, need, { pool: 40, includeBelowMinTrl: false }))
      servedFromStore++;
    let begun = performance.now();
    const answer = JSON.stringify(await request(id));
    stored.times.push(performance.now() - begun);
    if (answer === coldAnswers.get(id)) same++;
    begun = performance.now();
    await request(id, "organisations");
    storedOrganisations.times.push(performance.now() - begun);
  }
  const reads = await storedRequestReads(db, actor, sample);
  checks.push(
    `stored lists fresh for ${servedFromStore}/${sample.length} sampled requests; ` +
      `answer identical to the cold one for ${same}/${sample.length}`,
  );

  // One solution changed: merged into every stored list (the solution.changed job's work).
  const merge: Series = {
    label: `merge: one changed solution into ${everyNeed.length} lists`,
    times: [],
  };
  const solutionIds = (
    await queryRows<{ id: string }>(
      db,
      sql`select id from solutions where status = 'active' order by md5(id::text) limit ${MERGED_SOLUTIONS}`,
    )
  ).map((row) => row.id);
  for (const solutionId of solutionIds) {
    // An edit the search words do not see (TRL and deployments), as a provider's update may be.
    await db.execute(
      sql`update solutions set trl = 1 + (trl % 9), countries = array_append(countries, 'FI') where id = ${solutionId}::uuid`,
    );
    const begun = performance.now();
    await mergeSolutionChanges(db, systemClock, [solutionId]);
    merge.times.push(performance.now() - begun);
  }
  // Merged lists against lists computed now, for the sampled challenges.
  let equal = 0;
  const checked = [...new Set(sample)].slice(0, 10);
  for (const id of checked) {
    const fromStore = await request(id);
    await deleteStoredRecommendations(db, [id]);
    if (JSON.stringify(fromStore) === JSON.stringify(await request(id))) equal++;
  }
  checks.push(
    `after ${solutionIds.length} merges: stored = recomputed for ${equal}/${checked.length} challenges`,
  );

  // Challenges for a solution, on demand (every challenge published).
  const offer: Series = { label: "solution → open challenges (on demand)", times: [] };
  const offerIds = (
    await queryRows<{ id: string }>(
      db,
      sql`select id from solutions where status = 'active' order by md5(id::text || 'offer') limit ${OFFER_SAMPLES}`,
    )
  ).map((row) => row.id);
  for (const solutionId of offerIds) {
    const begun = performance.now();
    await challengesForSolution(db, actor, solutionId, { limit: LIMIT, includeBelowMinTrl: false });
    offer.times.push(performance.now() - begun);
  }
  return {
    engine: database.engine,
    version,
    loadMs,
    timings,
    candidates,
    lexemes: lexemeCounts,
    stored,
    storedOrganisations,
    cold,
    floor,
    refresh,
    merge,
    offer,
    reads,
    checks,
  };
}

/**
 * Where a stored request (solutions, limit 10) spends its time: each read it makes, timed alone
 * in the order it makes them (the request runs some side by side, so they do not add up to it).
 */
async function storedRequestReads(db: Db, actor: UserActor, sample: string[]): Promise<Series[]> {
  const series = new Map<string, number[]>();
  async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
    const begun = performance.now();
    const result = await run();
    series.set(label, [...(series.get(label) ?? []), performance.now() - begun]);
    return result;
  }
  for (const id of sample) {
    await timed("  read: the challenge, if the actor may", () =>
      readableChallengeNeed(db, actor, id),
    );
    const list = await timed("  read: the stored list's header", () => findChallengeList(db, id));
    if (!list) continue;
    await timed("  read: word weights (statistics)", () => textWeightsFor(db, list.lexemes));
    await timed("  read: taxonomy fingerprint", () => taxonomyFingerprint(db));
    await timed("  read: solution changes queued", () =>
      hasUnfinishedJobs(db, [SOLUTION_CHANGED_JOB]),
    );
    const fits = await timed("  read: the list's best 40 entries", () =>
      challengeListEntries(db, id, { limit: 40, atOrAboveOnly: list.preparedNeed.minTrl !== null }),
    );
    await timed("  read: providers of the 40", () =>
      organisationSummaries(
        db,
        fits.map((fit) => fit.providerId),
      ),
    );
    await timed(`  read: headlines of the ${LIMIT} shown`, () =>
      solutionHeadlines(
        db,
        fits.slice(0, LIMIT).map((fit) => fit.id),
      ),
    );
  }
  return [...series].map(([label, times]) => ({ label, times }));
}

// ---------------------------------------------------------------------------------------------
// Reporting

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—").padStart(8);
const sortedOf = (times: number[]) => [...times].sort((a, b) => a - b);
const TARGETS: Record<string, number> = { postgres: 50, pglite: 150 };

function report(result: EngineResult): void {
  const name = result.engine === "pglite" ? "PGlite (in memory)" : "PostgreSQL";
  const t = result.timings;
  process.stdout.write(
    `\n${name} — ${result.version}\n` +
      `${solutionCount.toLocaleString("en")} solutions, ${challengeCount.toLocaleString("en")} challenges, ` +
      `loaded in ${seconds(result.loadMs)} (organisations ${seconds(t.organisations!)}, ` +
      `solutions ${seconds(t.solutions!)}, challenges ${seconds(t.challenges!)}, ` +
      `${analyze ? `vacuum analyze ${seconds(t.analyze!)}` : "no ANALYZE"})\n`,
  );
  const candidates = sortedOf(result.candidates);
  const lexemes = sortedOf(result.lexemes);
  const share = (count: number) => `${Math.round((count / solutionCount) * 100)}%`;
  process.stdout.write(
    `full-text candidates per request (any headline word): median ${percentile(candidates, 50).toLocaleString("en")} ` +
      `(${share(percentile(candidates, 50))}), p95 ${percentile(candidates, 95).toLocaleString("en")} ` +
      `(${share(percentile(candidates, 95))}); headline lexemes median ${percentile(lexemes, 50)}\n\n`,
  );
  const width = 44;
  process.stdout.write(
    `${`${result.stored.times.length} requests after ${warmupCount} warm-up, ms`.padEnd(width)}${["n", "p50", "p95", "p99", "max"].map((h) => h.padStart(8)).join("")}\n`,
  );
  const series = [
    result.stored,
    result.storedOrganisations,
    result.cold,
    result.floor,
    result.refresh,
    result.merge,
    result.offer,
  ];
  if (result.reads.length > 0) {
    series.splice(1, 0, ...result.reads);
  }
  for (const entry of series) {
    const sorted = sortedOf(entry.times);
    process.stdout.write(
      `${entry.label.padEnd(width)}${String(sorted.length).padStart(8)}${[50, 95, 99, 100].map((p) => ms(percentile(sorted, p))).join("")}\n`,
    );
  }
  const floorSorted = sortedOf(result.floor.times);
  for (const [label, entry] of [
    ["ratio stored / floor", result.stored],
    ["ratio cold / floor", result.cold],
    ["ratio stored / cold", result.cold],
  ] as const) {
    const sorted = sortedOf(entry.times);
    const against = label === "ratio stored / cold" ? sortedOf(result.stored.times) : undefined;
    process.stdout.write(
      `${label.padEnd(width)}${"".padStart(8)}${[50, 95, 99, 100]
        .map((p) => {
          const ratio = against
            ? percentile(against, p) / percentile(sorted, p)
            : percentile(sorted, p) / percentile(floorSorted, p);
          return `×${ratio.toFixed(2)}`.padStart(8);
        })
        .join("")}\n`,
    );
  }
  for (const check of result.checks) process.stdout.write(`check: ${check}\n`);
  const target = TARGETS[result.engine]!;
  process.stdout.write(
    `spec's target on a 2-core machine: p95 ≤ ${target} ms (stored: solutions ${percentile(sortedOf(result.stored.times), 95).toFixed(1)} ms, ` +
      `organisations ${percentile(sortedOf(result.storedOrganisations.times), 95).toFixed(1)} ms; ` +
      `solution → challenges ${percentile(sortedOf(result.offer.times), 95).toFixed(1)} ms; ` +
      `cold ${percentile(sortedOf(result.cold.times), 95).toFixed(1)} ms)\n`,
  );
}

// ---------------------------------------------------------------------------------------------

process.stderr.write(
  `Generating ${solutionCount} solutions and ${challengeCount} challenges (seeded)…\n`,
);
const data = generate(solutionCount, challengeCount);
const results: EngineResult[] = [];

if (engineOption === "pglite" || engineOption === "both") {
  process.stderr.write("PGlite, in memory:\n");
  const database = await openPglite();
  try {
    const [row] = await queryRows<{ version: string }>(database.db, sql`select version()`);
    const result = await measure(database, data, row!.version.split(" on ")[0]!);
    report(result);
    results.push(result);
  } finally {
    await database.close();
  }
}

if (engineOption === "postgres" || engineOption === "both") {
  process.stderr.write(`PostgreSQL, database ${BENCH_DATABASE} on ${postgresServer}:\n`);
  const admin = new pg.Client({ connectionString: `${postgresServer}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
    const database = await openPostgres({ url: `${postgresServer}/${BENCH_DATABASE}` });
    try {
      const [row] = await queryRows<{ version: string }>(database.db, sql`select version()`);
      const result = await measure(database, data, row!.version.split(" on ")[0]!);
      report(result);
      results.push(result);
    } finally {
      await database.close();
    }
  } finally {
    if (!process.argv.includes("--keep")) {
      await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    }
    await admin.end();
  }
}

if (results.length === 2) {
  const [lite, server] = results as [EngineResult, EngineResult];
  const p = (result: EngineResult, q: number) => percentile(sortedOf(result.stored.times), q);
  process.stdout.write(
    `\nPGlite / PostgreSQL, stored recommendation: p50 ×${(p(lite, 50) / p(server, 50)).toFixed(1)}, ` +
      `p95 ×${(p(lite, 95) / p(server, 95)).toFixed(1)}\n`,
  );
}
