import type { ServiceContext } from "../core/context.ts";
import { countActivePeople, currentTotpCode, seedUser } from "../modules/accounts/index.ts";
import { seedDemoChallenges } from "../modules/challenges/index.ts";
import { seedDemoEvents } from "../modules/events/index.ts";
import { seedDemoFunding } from "../modules/funding/index.ts";
import { seedDemoHackathon } from "../modules/hackathons/index.ts";
import type { OrganisationKind } from "../modules/organisations/contract.ts";
import {
  seedAffiliation,
  seedMembership,
  seedOrganisation,
} from "../modules/organisations/index.ts";
import { seedDemoReferences } from "../modules/references/index.ts";
import { seedDemoSolutions } from "./demo-solutions.ts";

/**
 * Demo data: one account per role and realistic organisations of every kind around real C40
 * cities. Organisation profiles are invented (the city departments too) and say so.
 */
export const DEMO_PASSWORD = "Climate-Pilot-2030!";
/** Fixed so that the README and the sign-in page can show the demo admin's second factor. */
export const DEMO_ADMIN_TOTP_SECRET = "CITYSOLUTIONSDEMOADMINTOTPSECRET";

const demoNote = "Demo profile for trying the platform — not an official account.";

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  city?: string;
  locality?: string;
  website?: string;
  description: string;
  verified: boolean;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: "secretariat",
    name: "Urban Climate Solutions Network",
    kind: "network",
    country: "GB",
    locality: "London",
    description: `The secretariat that runs the platform's meetings, workshops and hackathons and reports on their impact. ${demoNote}`,
    verified: true,
  },
  {
    key: "copenhagen",
    name: "City of Copenhagen — Technical and Environmental Administration",
    kind: "city",
    country: "DK",
    city: "Copenhagen",
    description: `Climate adaptation (cloudburst management), district heating and mobility programmes of the city. ${demoNote}`,
    verified: true,
  },
  {
    key: "lisbon",
    name: "Lisbon City Council — Climate Action Office",
    kind: "city",
    country: "PT",
    city: "Lisbon",
    description: `Heat resilience, water reuse and energy renovation of municipal buildings. ${demoNote}`,
    verified: true,
  },
  {
    key: "mexico",
    name: "Mexico City — Ministry of the Environment",
    kind: "city",
    country: "MX",
    city: "Mexico City",
    description: `Air quality, electric bus corridors and water-loss reduction in the metropolitan network. ${demoNote}`,
    verified: true,
  },
  {
    key: "nairobi",
    name: "Nairobi City County — Environment and Water",
    kind: "city",
    country: "KE",
    city: "Nairobi",
    description: `Solid waste diversion, informal-settlement flood risk and clean cooking. ${demoNote}`,
    verified: false,
  },
  {
    key: "seoul",
    name: "Seoul Metropolitan Government — Climate and Environment",
    kind: "city",
    country: "KR",
    city: "Seoul",
    description: `Building energy retrofits, fine dust monitoring and hydrogen mobility. ${demoNote}`,
    verified: true,
  },
  {
    key: "hydrosense",
    name: "HydroSense Analytics",
    kind: "company",
    country: "ES",
    locality: "Barcelona",
    website: "https://hydrosense.example",
    description: `Acoustic and pressure-transient leak detection for water networks, with a 14-month payback in three Spanish utilities. ${demoNote}`,
    verified: true,
  },
  {
    key: "voltgrid",
    name: "VoltGrid Storage",
    kind: "company",
    country: "NL",
    locality: "Eindhoven",
    website: "https://voltgrid.example",
    description: `Second-life battery storage for bus depots and district substations. ${demoNote}`,
    verified: true,
  },
  {
    key: "coolroof",
    name: "CoolRoof Materials",
    kind: "company",
    country: "IN",
    locality: "Ahmedabad",
    description: `Reflective roof coatings and heat-action planning for dense neighbourhoods. ${demoNote}`,
    verified: false,
  },
  {
    key: "circuloop",
    name: "CircuLoop",
    kind: "company",
    country: "FR",
    locality: "Lyon",
    description: `Organic waste collection routing and biowaste-to-compost hubs. ${demoNote}`,
    verified: true,
  },
  {
    key: "airq",
    name: "AirQ Sensing",
    kind: "company",
    country: "KR",
    locality: "Busan",
    description: `Low-cost calibrated PM2.5 and NO2 sensor networks with open data dashboards. ${demoNote}`,
    verified: true,
  },
  {
    key: "floodguard",
    name: "FloodGuard Urban",
    kind: "company",
    country: "NL",
    locality: "Delft",
    description: `Blue-green infrastructure design and real-time stormwater control for cloudburst resilience. ${demoNote}`,
    verified: true,
  },
  {
    key: "iues",
    name: "Institute for Urban Energy Systems",
    kind: "research",
    country: "DE",
    locality: "Berlin",
    description: `Research on heat networks, building stock models and municipal energy planning. ${demoNote}`,
    verified: true,
  },
  {
    key: "tropical-lab",
    name: "Tropical Climate Adaptation Lab",
    kind: "research",
    country: "SG",
    locality: "Singapore",
    description: `Urban heat island measurement and nature-based cooling in tropical cities. ${demoNote}`,
    verified: true,
  },
  {
    key: "nordic-cluster",
    name: "Nordic Cleantech Cluster",
    kind: "cluster",
    country: "DK",
    locality: "Copenhagen",
    description: `Cluster of 140 Nordic cleantech companies and research groups in water, energy and circular economy. ${demoNote}`,
    verified: true,
  },
  {
    key: "med-water",
    name: "Mediterranean Water Innovation Cluster",
    kind: "cluster",
    country: "ES",
    locality: "Valencia",
    description: `Water technology companies and research centres around the Mediterranean. ${demoNote}`,
    verified: true,
  },
  {
    key: "climate-fund",
    name: "Urban Climate Finance Facility",
    kind: "funder",
    country: "LU",
    locality: "Luxembourg",
    description: `Grants and concessional loans for city climate projects from pilot to scale. ${demoNote}`,
    verified: true,
  },
  {
    key: "green-bank",
    name: "Green Cities Investment Bank",
    kind: "funder",
    country: "SG",
    locality: "Singapore",
    description: `Project finance and guarantees for urban infrastructure in Asia and Africa. ${demoNote}`,
    verified: false,
  },
];

interface DemoAccountSpec {
  key: string;
  email: string;
  name: string;
  role: string;
  platformRoles: Array<"admin" | "moderator">;
  organisation: string | null;
  locale: "en" | "fr" | "es";
}

export const demoAccounts: DemoAccountSpec[] = [
  {
    key: "admin",
    email: "admin@demo.city-solutions.org",
    name: "Amina Diallo",
    role: "Platform admin (secretariat)",
    platformRoles: ["admin"],
    organisation: "secretariat",
    locale: "en",
  },
  {
    key: "moderator",
    email: "moderator@demo.city-solutions.org",
    name: "Lucas Moreau",
    role: "Moderator",
    platformRoles: ["moderator"],
    organisation: "secretariat",
    locale: "fr",
  },
  {
    key: "city",
    email: "city@demo.city-solutions.org",
    name: "Sofia Lindqvist",
    role: "City official (Copenhagen)",
    platformRoles: [],
    organisation: "copenhagen",
    locale: "en",
  },
  {
    key: "founder",
    email: "founder@demo.city-solutions.org",
    name: "Tomás Herrera",
    role: "Start-up founder (HydroSense Analytics)",
    platformRoles: [],
    organisation: "hydrosense",
    locale: "es",
  },
  {
    key: "researcher",
    email: "researcher@demo.city-solutions.org",
    name: "Mei Tanaka",
    role: "Researcher (Institute for Urban Energy Systems)",
    platformRoles: [],
    organisation: "iues",
    locale: "en",
  },
  {
    key: "cluster",
    email: "cluster@demo.city-solutions.org",
    name: "Kofi Mensah",
    role: "Cluster manager (Nordic Cleantech Cluster)",
    platformRoles: [],
    organisation: "nordic-cluster",
    locale: "en",
  },
  {
    key: "funder",
    email: "funder@demo.city-solutions.org",
    name: "Isabel Costa",
    role: "Funder (Urban Climate Finance Facility)",
    platformRoles: [],
    organisation: "climate-fund",
    locale: "en",
  },
  {
    key: "member",
    email: "member@demo.city-solutions.org",
    name: "Jonas Weber",
    role: "Team member (HydroSense Analytics)",
    platformRoles: [],
    organisation: "hydrosense",
    locale: "en",
  },
  // Copenhagen's evaluators: a proposal evaluation needs a panel of several city members.
  {
    key: "evaluator",
    email: "evaluator@demo.city-solutions.org",
    name: "Mikkel Andersen",
    role: "Evaluator (Copenhagen)",
    platformRoles: [],
    organisation: "copenhagen",
    locale: "en",
  },
  {
    key: "procurement",
    email: "procurement@demo.city-solutions.org",
    name: "Freja Holm",
    role: "Procurement officer (Copenhagen)",
    platformRoles: [],
    organisation: "copenhagen",
    locale: "en",
  },
];

const demoAffiliations: Array<[parent: string, member: string]> = [
  ["nordic-cluster", "voltgrid"],
  ["nordic-cluster", "floodguard"],
  ["nordic-cluster", "iues"],
  ["med-water", "hydrosense"],
  ["med-water", "circuloop"],
  ["secretariat", "nordic-cluster"],
  ["secretariat", "med-water"],
  ["secretariat", "copenhagen"],
  ["secretariat", "lisbon"],
];

export interface DemoAccountView {
  email: string;
  password: string;
  role: string;
  roleKey: string;
  name: string;
  organisation: string | null;
  totpSecret: string | null;
  totpCode: string | null;
}

export function describeDemoAccounts(now: Date): DemoAccountView[] {
  return demoAccounts.map((account) => {
    const organisation =
      demoOrganisations.find((o) => o.key === account.organisation)?.name ?? null;
    const admin = account.platformRoles.includes("admin");
    return {
      email: account.email,
      password: DEMO_PASSWORD,
      role: account.role,
      roleKey: account.key,
      name: account.name,
      organisation,
      totpSecret: admin ? DEMO_ADMIN_TOTP_SECRET : null,
      totpCode: admin ? currentTotpCode(DEMO_ADMIN_TOTP_SECRET, now) : null,
    };
  });
}

/** Loads the demo data unless the database already has people in it. */
export async function seedDemoData(
  ctx: ServiceContext,
  cityIdByName: Map<string, string>,
  options: { force?: boolean } = {},
): Promise<{ seeded: boolean }> {
  if (!options.force && (await countActivePeople(ctx.db)) > 0) return { seeded: false };
  const userIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const user = await seedUser(ctx, {
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
      locale: account.locale,
      platformRoles: account.platformRoles,
      totpSecret: account.platformRoles.includes("admin") ? DEMO_ADMIN_TOTP_SECRET : null,
    });
    userIds.set(account.key, user.id);
  }
  const adminId = userIds.get("admin")!;
  const organisationIds = new Map<string, string>();
  for (const organisation of demoOrganisations) {
    const owner = demoAccounts.find((account) => account.organisation === organisation.key);
    const cityId = organisation.city ? cityIdByName.get(organisation.city) : undefined;
    if (organisation.city && !cityId)
      throw new Error(`demo city ${organisation.city} is not in the C40 list`);
    const created = await seedOrganisation(ctx, userIds.get(owner?.key ?? "admin") ?? adminId, {
      name: organisation.name,
      kind: organisation.kind,
      country: organisation.country,
      cityId: cityId ?? null,
      locality: organisation.locality ?? null,
      website: organisation.website ?? null,
      description: organisation.description,
      verified: organisation.verified,
    });
    organisationIds.set(organisation.key, created.id);
  }
  for (const account of demoAccounts) {
    if (!account.organisation) continue;
    const owner = demoAccounts.find((candidate) => candidate.organisation === account.organisation);
    if (owner?.key === account.key) continue;
    await seedMembership(
      ctx,
      organisationIds.get(account.organisation)!,
      userIds.get(account.key)!,
      "member",
    );
  }
  for (const [parent, member] of demoAffiliations) {
    await seedAffiliation(ctx, adminId, organisationIds.get(parent)!, organisationIds.get(member)!);
  }
  const solutionIds = await seedDemoSolutions(ctx, organisationIds, adminId);
  await seedDemoChallenges(ctx, organisationIds, userIds);
  await seedDemoEvents(ctx, organisationIds, userIds);
  await seedDemoHackathon(ctx, userIds);
  await seedDemoReferences(ctx, organisationIds, solutionIds, userIds);
  await seedDemoFunding(ctx, organisationIds, adminId);
  return { seeded: true };
}
