import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { scoreSolutionForNeeds } from "../catalogue/index.ts";
import { addSolution, organisationWithAdmin } from "../catalogue/test/factories.ts";
import { challengeNeeds } from "../challenges/index.ts";
import {
  type CityTeam,
  cityTeam,
  createDraft,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import type { Recommendations } from "./contract.ts";
import {
  challengeListEntries,
  deleteChallengeLists,
  findChallengeList,
  insertSolutionIntoLists,
  preparedNeedsOfLists,
} from "./repository.ts";
import { computeChallengeList, storedFits } from "./stored-recommendations.ts";

/**
 * Recommendations computed ahead of requests: served only while what they rest on holds, and
 * then the same as a computation at the request.
 */
describe("stored recommendations", () => {
  let platform: WatchedPlatform;
  let team: CityTeam;
  let challengeId: string;
  let draftId: string;
  let provider: { id: string; admin: Person };
  let abroad: { id: string; admin: Person };
  const ids: Record<string, string> = {};

  const db = () => platform.database.db;
  const needOf = async (id = challengeId) => (await challengeNeeds(db(), [id]))[0]!;
  const served = async (pool: number, includeBelowMinTrl: boolean, id = challengeId) =>
    (await storedFits(db(), await needOf(id), { pool, includeBelowMinTrl }))?.fits ?? null;
  /** What a computation now gives for the same request (nothing stored). */
  const recomputed = async (pool: number, includeBelowMinTrl: boolean, id = challengeId) => {
    const { fits } = await computeChallengeList(db(), platform.clock, await needOf(id));
    return fits.filter((fit) => includeBelowMinTrl || !fit.belowMinTrl).slice(0, pool);
  };
  const recommendations = (client = platform.client(), id = challengeId, query = "") =>
    client.get<Recommendations>(`/api/v1/challenges/${id}/recommendations${query}`);

  beforeAll(async () => {
    platform = await watchedPlatform();
    team = await cityTeam(platform, "Copenhagen");
    const company = await organisationWithAdmin(platform, "company", { country: "DK" });
    provider = { id: company.organisation.id, admin: company.admin };
    const other = await organisationWithAdmin(platform, "company", { country: "BR" });
    abroad = { id: other.organisation.id, admin: other.admin };
    const add = async (
      key: string,
      who: typeof provider,
      body: Parameters<typeof addSolution>[2],
    ) => {
      ids[key] = (await addSolution(who.admin.client, who.id, body)).id;
    };
    await add("coded", provider, {
      title: "Sponge streets",
      summary: "Street trees and soil cells that soak up heavy rain before it reaches basements.",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      trl: 8,
      countriesDeployed: ["DK", "SE"],
    });
    await add("synonym", abroad, {
      title: "Pluvial flooding retention crates",
      summary: "Underground crates that hold back pluvial flooding under car parks and squares.",
      sectors: ["water"],
      trl: 7,
      countriesDeployed: ["BR"],
    });
    await add("trap", abroad, {
      title: "District heat network for dense districts",
      summary:
        "Low-temperature district heating that warms basements and flats in dense districts.",
      sectors: ["energy"],
      capabilities: ["energy.district-heating"],
      trl: 9,
      countriesDeployed: ["DK", "DE", "SE"],
    });
    await add("immature", provider, {
      title: "Cloudburst forecasting roofs",
      summary: "Roofs that empty their rain tanks before a cloudburst, from the forecast.",
      sectors: ["adaptation"],
      capabilities: ["adaptation.stormwater"],
      trl: 3,
    });
    await add("metro", provider, {
      title: "Metro station flood gates",
      summary: "Automatic gates that keep cloudburst water out of metro stations and basements.",
      sectors: ["adaptation", "mobility"],
      capabilities: ["adaptation.stormwater"],
      trl: 6,
      countriesDeployed: ["DK"],
    });
    await add("unrelated", abroad, {
      title: "School canteen food waste scales",
      summary: "Scales that weigh plate waste in school canteens and report it weekly.",
      sectors: ["food", "waste"],
      trl: 8,
    });
    challengeId = (await publishedChallenge(platform, team, { minTrl: 6 })).id;
    draftId = (await createDraft(platform, team.member.client, team.organisationId)).id;
    await platform.runJobs();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("is stored when the challenge is published, and answers as a computation at the request would", async () => {
    expect(await findChallengeList(db(), challengeId)).toBeDefined();
    expect(await served(40, false)).toEqual(await recomputed(40, false));
    expect(await served(200, true)).toEqual(await recomputed(200, true));
    expect((await served(40, false))?.map((fit) => fit.id)).not.toContain(ids.immature);
    for (const query of [
      "",
      "?belowMinTrl=true&limit=50",
      "?kind=organisations",
      "?kind=organisations&belowMinTrl=true&limit=3",
    ]) {
      const fromStore = await recommendations(platform.client(), challengeId, query);
      expect(fromStore.status).toBe(200);
      await deleteChallengeLists(db(), [challengeId]);
      const onDemand = await recommendations(platform.client(), challengeId, query);
      expect(onDemand.body, query).toEqual(fromStore.body);
      // The request stored what it computed.
      expect(await served(200, true)).not.toBeNull();
    }
  });

  it("scores one solution against every stored need exactly as the full scoring did", async () => {
    const fits = (await served(200, true))!;
    expect(fits.length).toBeGreaterThanOrEqual(4);
    for (const fit of fits) {
      const alone = await scoreSolutionForNeeds(db(), fit.id, preparedNeedsOfLists);
      expect(alone.find((row) => row.key === challengeId)?.fit).toEqual(fit);
    }
    const unrelated = await scoreSolutionForNeeds(db(), ids.unrelated!, preparedNeedsOfLists);
    expect(unrelated.find((row) => row.key === challengeId)).toBeUndefined();
  });

  it("merges an edited solution into the lists once the job has run, and serves none before", async () => {
    const before = await findChallengeList(db(), challengeId);
    platform.clock.advance(60_000);
    const edit = await provider.admin.client.patch(`/api/v1/solutions/${ids.coded}`, {
      trl: 5,
      countriesDeployed: ["SE", "NO"],
    });
    expect(edit.status).toBe(200);
    expect(await served(40, false)).toBeNull();
    await platform.runJobs();
    // Merged (the words' weights did not change), not computed again.
    expect((await findChallengeList(db(), challengeId))?.computedAt).toEqual(before?.computedAt);
    expect(await served(40, false)).toEqual(await recomputed(40, false));
    expect(await served(200, true)).toEqual(await recomputed(200, true));
    const flagged = (await served(200, true))!.find((fit) => fit.id === ids.coded);
    expect(flagged).toMatchObject({ belowMinTrl: true, solutionTrl: 5 });
    expect((await served(40, false))!.map((fit) => fit.id)).not.toContain(ids.coded);
  });

  it("takes in a new solution and lets go of an archived one once the jobs have run", async () => {
    const added = await addSolution(provider.admin.client, provider.id, {
      title: "Cloudburst boulevards",
      summary:
        "Boulevards that route cloudburst stormwater away from basements and metro stations.",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      trl: 7,
      countriesDeployed: ["DK"],
    });
    expect(await served(40, false)).toBeNull();
    await platform.runJobs();
    expect((await served(40, false))!.map((fit) => fit.id)).toContain(added.id);
    expect(await served(40, false)).toEqual(await recomputed(40, false));

    const archived = await abroad.admin.client.post(`/api/v1/solutions/${ids.synonym}/archive`, {});
    expect(archived.status).toBeLessThan(300);
    expect(await served(40, false)).toBeNull();
    await platform.runJobs();
    expect((await served(200, true))!.map((fit) => fit.id)).not.toContain(ids.synonym);
    expect(await served(200, true)).toEqual(await recomputed(200, true));
  });

  it("never serves a list whose challenge or taxonomy changed since", async () => {
    expect((await recommendations(team.member.client, draftId)).status).toBe(200);
    expect(await served(40, false, draftId)).not.toBeNull();
    const edit = await team.member.client.patch(`/api/v1/challenges/${draftId}`, {
      summary: "Keep metro stations dry when a cloudburst hits, with gates and pumps.",
    });
    expect(edit.status).toBe(200);
    expect(await served(40, false, draftId)).toBeNull();
    const answer = await recommendations(team.member.client, draftId);
    expect(answer.status).toBe(200);
    expect(await served(40, false, draftId)).toEqual(await recomputed(40, false, draftId));

    expect(await served(40, false)).not.toBeNull();
    const admin = await platformAdmin(platform);
    const synonyms = await admin.client.post(
      "/api/v1/capabilities/adaptation.stormwater/synonyms",
      {
        locale: "en",
        synonyms: ["sponge boulevard"],
      },
    );
    expect(synonyms.status).toBeLessThan(300);
    expect(await served(40, false)).toBeNull();
  });

  it("answers from the store only those who may read the challenge, as before", async () => {
    // Its city's members may read the draft: their request stores its list.
    expect((await recommendations(team.member.client, draftId)).status).toBe(200);
    expect(await served(40, false, draftId)).not.toBeNull();
    const outsider = await organisationWithAdmin(platform, "company");
    const admin = await platformAdmin(platform);
    expect((await recommendations(platform.client(), draftId)).status).toBe(404);
    expect((await recommendations(outsider.admin.client, draftId)).status).toBe(404);
    expect((await recommendations(team.member.client, draftId)).status).toBe(200);
    expect((await recommendations(admin.client, draftId)).status).toBe(200);
    expect((await recommendations(outsider.admin.client, challengeId)).status).toBe(200);
  });

  it("keeps at most the pool's best in each ranking as solutions come in, and knows no more than it keeps", async () => {
    const trimmedId = (
      await publishedChallenge(platform, team, { minTrl: 7, title: "Stormwater parks" })
    ).id;
    await platform.runJobs();
    const list = await findChallengeList(db(), trimmedId);
    expect(list).toBeDefined();
    const entriesOf = () =>
      challengeListEntries(db(), trimmedId, { limit: 1000, atOrAboveOnly: false });
    const stored = await entriesOf();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    // A newcomer better than all, into a list kept to the best one of each ranking.
    const newcomer = randomUUID();
    const newcomerFit = { ...stored[0]!, id: newcomer, score: stored[0]!.score + 1 };
    await db().transaction((tx) =>
      insertSolutionIntoLists(tx, newcomer, [{ challengeId: trimmedId, fit: newcomerFit }], 1),
    );
    const ranked = [newcomerFit, ...stored].sort(
      (a, b) => b.score - a.score || (a.id < b.id ? -1 : 1),
    );
    const best = ranked[0]!;
    const bestAtOrAbove = ranked.find((fit) => !fit.belowMinTrl);
    expect(new Set((await entriesOf()).map((fit) => fit.id))).toEqual(
      new Set([best.id, ...(bestAtOrAbove ? [bestAtOrAbove.id] : [])]),
    );
    const trimmed = await findChallengeList(db(), trimmedId);
    expect(trimmed?.depth).toBe(1);
    expect(trimmed?.depthAtOrAbove).toBe(1);
    // A request wanting more than is known is computed, not served from what is left.
    expect(await served(5, true, trimmedId)).toBeNull();
  });
});
