import type { ServiceContext } from "../../core/context.ts";
import { listPublicChallenges } from "../challenges/index.ts";
import { seedOrganisation } from "../organisations/index.ts";
import { setCoFunding } from "./commands/co-funding.ts";
import { createSource } from "./commands/create-source.ts";
import type { CreateSourceBody } from "./contract.ts";
import { listSources } from "./repository.ts";

const note = "\n\nDemo funding source for trying the platform; amounts and dates are illustrative.";

/** Adds whole days to a YYYY-MM-DD of the platform's today, so demo deadlines stay ahead. */
const daysFrom = (today: Date, days: number) =>
  new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Realistic demo sources: a mission-style grant needing 3 partners from 3 countries (which a
 * two-company consortium fails), an investment-bank loan, a city climate prize, and a national
 * innovation agency's PCP co-funding, attached to a Copenhagen challenge (an OCDS funder).
 */
export async function seedDemoFunding(
  ctx: ServiceContext,
  organisationIds: Map<string, string>,
  adminId: string,
): Promise<void> {
  const climateFund = organisationIds.get("climate-fund");
  const greenBank = organisationIds.get("green-bank");
  if (!climateFund || !greenBank) return;
  if ((await listSources(ctx.db, { funderId: climateFund })).length > 0) return;
  const agency = await seedOrganisation(ctx, adminId, {
    name: "Danish Agency for Innovation Procurement",
    kind: "funder",
    country: "DK",
    locality: "Copenhagen",
    website: null,
    cityId: null,
    description: "Co-funds cities' pre-commercial procurement of innovation (demo organisation).",
    verified: true,
  });
  const today = ctx.clock.now();
  const sources: CreateSourceBody[] = [
    {
      funderId: climateFund,
      title: "Climate-resilient and smart cities mission call",
      programme: "Cities Mission (research and innovation)",
      instrument: "grant",
      summary: `Research and innovation actions that demonstrate climate adaptation in at least three cities.${note}`,
      minAmountMinor: 300_000_000,
      maxAmountMinor: 1_200_000_000,
      currency: "EUR",
      coFinancingRate: 100,
      eligibleKinds: ["city", "company", "research", "cluster"],
      eligibleRegions: ["Europe"],
      sectors: ["adaptation", "water", "energy"],
      minTrl: 5,
      maxTrl: 8,
      opensOn: daysFrom(today, -30),
      closesOn: daysFrom(today, 40),
      link: "https://example.org/funding/cities-mission",
      minPartners: 3,
      minCountries: 3,
      minSmallCompanyShare: 30,
    },
    {
      funderId: greenBank,
      title: "Green urban infrastructure framework loan",
      programme: "Urban climate investment",
      instrument: "loan",
      summary: `Long-term loans for city investment programmes in energy, mobility and water.${note}`,
      minAmountMinor: 2_500_000_000,
      maxAmountMinor: 50_000_000_000,
      currency: "EUR",
      coFinancingRate: 50,
      eligibleKinds: ["city"],
      sectors: ["energy", "mobility", "water", "buildings"],
      closesOn: null,
      link: "https://example.org/funding/urban-loan",
    },
    {
      funderId: climateFund,
      title: "City climate solutions prize",
      programme: "Urban Climate Awards",
      instrument: "prize",
      summary: `A prize for solutions already cutting emissions in a city, with evidence.${note}`,
      minAmountMinor: 5_000_000,
      maxAmountMinor: 25_000_000,
      currency: "EUR",
      eligibleKinds: ["company", "research"],
      sectors: ["energy", "mobility", "waste", "buildings"],
      minTrl: 7,
      maxTrl: 9,
      opensOn: daysFrom(today, -10),
      closesOn: daysFrom(today, 25),
      link: "https://example.org/funding/climate-prize",
    },
    {
      funderId: agency.id,
      title: "Pre-commercial procurement co-funding",
      programme: "National innovation procurement",
      instrument: "grant",
      summary: `Up to half of the cost of a city's pre-commercial procurement of R&D services.${note}`,
      minAmountMinor: 20_000_000,
      maxAmountMinor: 200_000_000,
      currency: "EUR",
      coFinancingRate: 50,
      eligibleKinds: ["city"],
      eligibleCountries: ["DK"],
      opensOn: daysFrom(today, -60),
      closesOn: daysFrom(today, 75),
      link: "https://example.org/funding/pcp-cofunding",
    },
  ];
  const ids: string[] = [];
  for (const source of sources) ids.push((await createSource(ctx, adminId, source, "seed")).id);
  const copenhagen = organisationIds.get("copenhagen");
  const challenge = (await listPublicChallenges(ctx.db)).find(
    (row) => row.organisationId === copenhagen,
  );
  if (challenge) {
    await setCoFunding(ctx, adminId, challenge.id, {
      sourceId: ids[3]!,
      amountMinor: 60_000_000,
      currency: "EUR",
    });
  }
}
