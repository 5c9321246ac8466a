import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Capability, CapabilityNode, Taxonomy } from "./contract.ts";
import {
  capabilityDescendants,
  ensureCapabilityTaxonomy,
  expandQueryWithSynonyms,
  mapTagsToCapabilities,
} from "./index.ts";
import shipped from "./taxonomy.json" with { type: "json" };
import {
  auditTrail,
  type Person,
  type Problem,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const codesOf = async (platform: WatchedPlatform, tags: string[]) =>
  (await mapTagsToCapabilities(platform.database.db, tags)).map((mapping) => mapping.codes);

describe("capability taxonomy", () => {
  let platform: WatchedPlatform;
  let admin: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    admin = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("ships ten sector roots and at least 80 capabilities", () => {
    const roots = shipped.capabilities.filter((c) => c.parent === null);
    expect(roots.map((c) => c.code).sort()).toEqual([
      "adaptation",
      "air",
      "buildings",
      "data",
      "energy",
      "finance",
      "food",
      "mobility",
      "waste",
      "water",
    ]);
    expect(shipped.capabilities.length - roots.length).toBeGreaterThanOrEqual(80);
  });

  it("keeps the shipped file consistent: parents, codes, three languages, unambiguous terms", () => {
    const codes = new Set(shipped.capabilities.map((c) => c.code));
    const owner = new Map<string, string>();
    const key = (term: string) =>
      term
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    for (const capability of shipped.capabilities) {
      if (capability.parent !== null) {
        expect(codes.has(capability.parent), capability.code).toBe(true);
        expect(capability.code.startsWith(`${capability.parent}.`), capability.code).toBe(true);
      }
      expect(Object.keys(capability.labels).sort(), capability.code).toEqual(["en", "es", "fr"]);
      const terms = [
        ...Object.values(capability.labels),
        ...Object.values(capability.synonyms as Record<string, string[]>).flat(),
      ];
      for (const term of terms) {
        // One term naming two capabilities would make tag mapping ambiguous.
        expect(owner.get(key(term)) ?? capability.code, term).toBe(capability.code);
        owner.set(key(term), capability.code);
      }
    }
  });

  it("serves the tree with labels and synonyms in the requested language", async () => {
    const french = await platform.client().get<Taxonomy>("/api/v1/capabilities?locale=fr");
    expect(french.status).toBe(200);
    expect(french.body.capabilities).toHaveLength(10);
    const energy = french.body.capabilities.find((node) => node.code === "energy");
    expect(energy?.label).toBe("Énergie");
    const heat = energy?.children.find((node) => node.code === "energy.district-heating");
    expect(heat).toMatchObject({ label: "Réseaux de chaleur et de froid", builtIn: true });
    expect(heat?.synonyms).toContain("réseau de chaleur");
    const bad = await platform.client().get<Problem>("/api/v1/capabilities?locale=de");
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe("query.locale");
  });

  it("maps free-text tags onto codes through labels and synonyms in any language", async () => {
    expect(
      await codesOf(platform, [
        "stormwater",
        "Cloudburst",
        "pluvial flooding",
        "ville éponge",
        "GHG",
        "co2e",
        "Carbon Emissions",
        "district heating",
        "Heat Network",
        "reseau de chaleur",
        "Calefacción urbana",
        "calefaccion urbana",
        "  air-source   heat pump ",
        "water.leak-detection",
        "quantum teleportation",
      ]),
    ).toEqual([
      ["adaptation.stormwater"],
      ["adaptation.stormwater"],
      ["adaptation.stormwater"],
      ["adaptation.stormwater"],
      ["data.ghg-inventory"],
      ["data.ghg-inventory"],
      ["data.ghg-inventory"],
      ["energy.district-heating"],
      ["energy.district-heating"],
      ["energy.district-heating"],
      ["energy.district-heating"],
      ["energy.district-heating"],
      ["energy.heat-pumps"],
      ["water.leak-detection"],
      [],
    ]);
  });

  it("maps tags over HTTP too", async () => {
    const response = await platform
      .client()
      .post<{ mappings: Array<{ tag: string; codes: string[] }> }>(
        "/api/v1/capabilities/map-tags",
        {
          tags: ["Inondations par ruissellement", "aguas pluviales"],
        },
      );
    expect(response.status).toBe(200);
    expect(response.body.mappings).toEqual([
      { tag: "Inondations par ruissellement", codes: ["adaptation.stormwater"] },
      { tag: "aguas pluviales", codes: ["adaptation.stormwater"] },
    ]);
  });

  it("expands a search text with the synonyms of the capabilities it names", async () => {
    const terms = await expandQueryWithSynonyms(
      platform.database.db,
      "cloudburst retention in Lyon",
    );
    expect(terms).toEqual(
      expect.arrayContaining(["pluvial flooding", "sponge city", "eaux pluviales"]),
    );
    expect(await expandQueryWithSynonyms(platform.database.db, "nothing relevant")).toEqual([]);
  });

  it("lists a code's descendants", async () => {
    const water = await capabilityDescendants(platform.database.db, ["water"]);
    expect(water).toContain("water");
    expect(water).toContain("water.leak-detection");
    expect(water).not.toContain("energy.heat-pumps");
  });

  it("lets platform admins add codes and synonyms, audited and kept across refreshes", async () => {
    const created = await admin.client.post<Capability>("/api/v1/capabilities", {
      code: "water.sewer-inspection",
      parent: "water",
      labels: { en: "Sewer inspection robots", fr: "Robots d'inspection des égouts" },
      synonyms: { en: ["pipe crawler"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ builtIn: false, parent: "water" });
    const added = await admin.client.post<Capability>(
      "/api/v1/capabilities/adaptation.stormwater/synonyms",
      { locale: "en", synonyms: ["flash flood", "cloudburst"] },
    );
    expect(added.status).toBe(200);
    expect(added.body.synonyms.en).toContain("flash flood");

    await ensureCapabilityTaxonomy(platform.database.db, platform.clock);
    const after = await platform
      .client()
      .get<Capability>("/api/v1/capabilities/adaptation.stormwater");
    expect(after.body.synonyms.en).toContain("flash flood");
    expect(after.body.synonyms.en?.filter((term) => term === "cloudburst")).toHaveLength(1);
    expect(await codesOf(platform, ["Flash-flood", "pipe crawler"])).toEqual([
      ["adaptation.stormwater"],
      ["water.sewer-inspection"],
    ]);
    const tree = await platform.client().get<Taxonomy>("/api/v1/capabilities?locale=fr");
    const water = tree.body.capabilities.find((node) => node.code === "water");
    expect(water?.children.map((node: CapabilityNode) => node.code)).toContain(
      "water.sewer-inspection",
    );
    const actions = (await auditTrail(platform)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["capability.created", "capability.synonyms_added"]),
    );
  });

  it("refuses codes that do not sit under their parent, and taken codes", async () => {
    const stray = await admin.client.post<Problem>("/api/v1/capabilities", {
      code: "energy.tidal",
      parent: "water",
      labels: { en: "Tidal power" },
    });
    expect(stray.status).toBe(400);
    expect(stray.body.errors?.[0]?.field).toBe("body.code");
    const taken = await admin.client.post<Problem>("/api/v1/capabilities", {
      code: "water.leak-detection",
      parent: "water",
      labels: { en: "Leaks again" },
    });
    expect(taken.status).toBe(409);
    const malformed = await admin.client.post<Problem>("/api/v1/capabilities", {
      code: "Water/Leaks",
      parent: "water",
      labels: {},
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(["body.code", "body.labels.en"]),
    );
  });
});
