import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTeams,
  buildTeamsByBruteForce,
  type CoverLevel,
  type Locality,
  type TeamCandidate,
} from "./team-builder.ts";

const D: CoverLevel = "declared";
const N: CoverLevel = "named";
const B: CoverLevel = "broader";
const O: CoverLevel = "none";

const candidate = (
  id: string,
  fit: number,
  cover: CoverLevel[],
  extra: Partial<Pick<TeamCandidate, "local" | "verified">> = {},
): TeamCandidate => ({ id, fit, cover, local: "none", verified: false, ...extra });

const withoutStats = ({ stats: _stats, ...rest }: ReturnType<typeof buildTeams>) => rest;

describe("the consortium builder", () => {
  it("finds the teams covering everything, best first, and reports who covers it alone", () => {
    const result = buildTeams(
      3,
      [
        candidate("a", 0.9, [D, D, O]),
        candidate("b", 0.8, [O, O, D]),
        candidate("c", 0.6, [O, O, D]),
        candidate("solo", 0.5, [D, D, D]),
        candidate("idle", 1, [O, O, O]),
      ],
      { k: 5 },
    );
    expect(result.teams.map((team) => team.members)).toEqual([
      ["a", "b"],
      ["a", "c"],
    ]);
    expect(result.singles.map((team) => team.members)).toEqual([["solo"]]);
    expect(result.gap).toBeNull();
    const best = result.teams[0]!;
    expect(best.parts).toEqual({ fit: 0.85, coverage: 1, verified: 0, local: 0 });
    expect(best.score).toBeCloseTo(0.7 * 0.85 + 0.2 * 1, 12);
    expect(best.coverage).toEqual([D, D, D]);
  });

  it("never proposes a member whose capabilities the others already cover", () => {
    const result = buildTeams(
      3,
      [
        candidate("ab", 0.9, [D, D, O]),
        candidate("bc", 0.9, [O, D, D]),
        candidate("ac", 0.9, [D, O, D]),
      ],
      { k: 10 },
    );
    // Any two cover everything; all three would make each one redundant.
    expect(result.teams.map((team) => team.members.length)).toEqual([2, 2, 2]);
  });

  it("prefers declared capabilities to ones named in a text or only broader codes", () => {
    const result = buildTeams(
      2,
      [
        candidate("first", 0.8, [D, O]),
        candidate("declares", 0.7, [O, D]),
        candidate("names", 0.7, [O, N]),
        candidate("broader", 0.7, [O, B]),
      ],
      { k: 3 },
    );
    expect(result.teams.map((team) => team.members[1])).toEqual(["declares", "names", "broader"]);
    expect(result.teams.map((team) => team.parts.coverage)).toEqual([1, 0.875, 0.75]);
  });

  it("prefers a team with a local member, a member of the country above one of the region", () => {
    const teams = (locals: Record<string, Locality>) =>
      buildTeams(
        2,
        [
          candidate("lead", 0.9, [D, O]),
          candidate("far", 0.8, [O, D], { local: locals.far ?? "none" }),
          candidate("near", 0.76, [O, D], { local: locals.near ?? "none" }),
        ],
        { k: 2 },
      ).teams.map((team) => team.members[1]);
    // Nobody local: fit decides.
    expect(teams({})).toEqual(["far", "near"]);
    // 0.05 for a member in the country outweighs 0.02 of mean fit.
    expect(teams({ near: "country" })).toEqual(["near", "far"]);
    // The region counts half: 0.025 still outweighs 0.02.
    expect(teams({ near: "region" })).toEqual(["near", "far"]);
    expect(teams({ near: "region", far: "country" })).toEqual(["far", "near"]);
  });

  it("prefers verified members when the fit is close", () => {
    const result = buildTeams(
      2,
      [
        candidate("lead", 0.9, [D, O], { verified: true }),
        candidate("unverified", 0.81, [O, D]),
        candidate("verified", 0.8, [O, D], { verified: true }),
      ],
      { k: 2 },
    );
    expect(result.teams.map((team) => team.members[1])).toEqual(["verified", "unverified"]);
    expect(result.teams[0]!.parts.verified).toBe(1);
    expect(result.teams[1]!.parts.verified).toBe(0.5);
  });

  it("breaks ties the same way whatever the order of the candidates", () => {
    const candidates = [
      candidate("x", 0.7, [D, O]),
      candidate("w", 0.7, [D, O]),
      candidate("z", 0.7, [O, D]),
      candidate("y", 0.7, [O, D]),
    ];
    const forward = buildTeams(2, candidates, { k: 4 });
    const backward = buildTeams(2, [...candidates].reverse(), { k: 4 });
    expect(withoutStats(forward)).toEqual(withoutStats(backward));
    expect(forward.teams.map((team) => team.members)).toEqual([
      ["w", "y"],
      ["w", "z"],
      ["x", "y"],
      ["x", "z"],
    ]);
    expect(new Set(forward.teams.map((team) => team.score)).size).toBe(1);
  });

  it("ranks a smaller team first when the scores are equal", () => {
    const result = buildTeams(
      3,
      [
        candidate("ab", 0.5, [D, D, O]),
        candidate("c", 0.5, [O, O, D]),
        candidate("a", 0.5, [D, O, O]),
        candidate("b", 0.5, [O, D, O]),
      ],
      { k: 5 },
    );
    expect(result.teams.map((team) => team.members)).toEqual([
      ["ab", "c"],
      ["a", "b", "c"],
    ]);
  });

  it("says which requirements nobody covers and who comes closest", () => {
    const result = buildTeams(
      3,
      [
        candidate("a", 0.9, [D, O, O]),
        candidate("b", 0.6, [O, D, O]),
        candidate("ab", 0.5, [N, N, O]),
      ],
      { k: 2 },
    );
    expect(result.teams).toEqual([]);
    expect(result.singles).toEqual([]);
    expect(result.gap?.uncovered).toEqual([2]);
    expect(
      result.gap?.closest.map((team) => ({
        members: team.members,
        covered: team.covered,
        missing: team.missing,
      })),
    ).toEqual([
      { members: ["a", "b"], covered: [0, 1], missing: [2] },
      { members: ["ab"], covered: [0, 1], missing: [2] },
    ]);
  });

  it("says when every requirement is covered by someone but no team of five covers them all", () => {
    const six = Array.from({ length: 6 }, (_, index) =>
      candidate(
        `only-${index}`,
        0.9 - index / 100,
        [0, 1, 2, 3, 4, 5].map((r) => (r === index ? D : O)),
      ),
    );
    const result = buildTeams(6, six, { k: 1 });
    expect(result.teams).toEqual([]);
    expect(result.gap?.uncovered).toEqual([]);
    expect(result.gap?.closest[0]).toMatchObject({
      members: ["only-0", "only-1", "only-2", "only-3", "only-4"],
      missing: [5],
    });
  });

  it("has nothing to propose without requirements, or with one requirement only a single", () => {
    expect(buildTeams(0, [candidate("a", 1, [])], { k: 3 })).toMatchObject({
      teams: [],
      singles: [],
      gap: null,
    });
    const one = buildTeams(1, [candidate("a", 1, [D]), candidate("b", 1, [N])], { k: 3 });
    expect(one.teams).toEqual([]);
    expect(one.singles.map((team) => team.members)).toEqual([["a"], ["b"]]);
  });

  it("refuses what it cannot answer exactly", () => {
    expect(() => buildTeams(13, [], { k: 1 })).toThrow(RangeError);
    expect(() => buildTeams(2, [], { k: 0 })).toThrow(RangeError);
    expect(() => buildTeams(2, [candidate("a", 1, [D])], { k: 1 })).toThrow(RangeError);
    expect(() =>
      buildTeams(1, [candidate("a", 1, [D]), candidate("a", 0.5, [D])], { k: 1 }),
    ).toThrow(RangeError);
    expect(() => buildTeams(2, [], { k: 1, maxSize: 6 })).toThrow(RangeError);
    expect(() => buildTeams(2, [candidate("a", Number.NaN, [D, D])], { k: 1 })).toThrow(RangeError);
  });

  it("keeps only the k best of candidates that cover the same requirements", () => {
    const many = Array.from({ length: 50 }, (_, index) =>
      candidate(`same-${String(index).padStart(2, "0")}`, 0.5 + index / 200, [D, O]),
    );
    const result = buildTeams(2, [...many, candidate("other", 0.9, [O, D])], { k: 3 });
    expect(result.stats.considered).toBe(4);
    expect(result.teams.map((team) => team.members[1])).toEqual(["same-49", "same-48", "same-47"]);
  });
});

/** Random small instances, with ties in fit likely (few distinct values). */
const instance = fc
  .record({
    requirements: fc.integer({ min: 1, max: 5 }),
    k: fc.integer({ min: 1, max: 6 }),
    maxSize: fc.integer({ min: 2, max: 5 }),
  })
  .chain(({ requirements, k, maxSize }) =>
    fc.record({
      requirements: fc.constant(requirements),
      k: fc.constant(k),
      maxSize: fc.constant(maxSize),
      candidates: fc.uniqueArray(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 3 }),
          fit: fc.integer({ min: 0, max: 10 }).map((tenths) => tenths / 10),
          cover: fc.array(
            fc.constantFrom<CoverLevel>("none", "none", "none", "declared", "named", "broader"),
            { minLength: requirements, maxLength: requirements },
          ),
          local: fc.constantFrom<Locality>("none", "none", "region", "country"),
          verified: fc.boolean(),
        }),
        { maxLength: 12, selector: (item) => item.id },
      ),
    }),
  );

/** Instances where many teams tie exactly: the tie-breaks and the bounds' edges decide. */
const tied = fc.integer({ min: 2, max: 5 }).chain((requirements) =>
  fc.record({
    requirements: fc.constant(requirements),
    k: fc.integer({ min: 1, max: 4 }),
    maxSize: fc.constant(5),
    candidates: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        fit: fc.constantFrom(0.5, 0.5, 0.6),
        cover: fc.array(fc.constantFrom<CoverLevel>("none", "declared"), {
          minLength: requirements,
          maxLength: requirements,
        }),
        local: fc.constant<Locality>("none"),
        verified: fc.constant(true),
      }),
      { maxLength: 10, selector: (item) => item.id },
    ),
  }),
);

describe("the consortium builder against brute force", () => {
  it("returns exactly the brute force's k best teams, singles and gap analysis", () => {
    fc.assert(
      fc.property(instance, ({ requirements, k, maxSize, candidates }) => {
        const options = { k, maxSize };
        const fast = buildTeams(requirements, candidates, options);
        const slow = buildTeamsByBruteForce(requirements, candidates, options);
        expect(withoutStats(fast)).toEqual(slow);
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with brute force where many teams have the same score", () => {
    fc.assert(
      fc.property(tied, ({ requirements, k, maxSize, candidates }) => {
        const options = { k, maxSize };
        expect(withoutStats(buildTeams(requirements, candidates, options))).toEqual(
          buildTeamsByBruteForce(requirements, candidates, options),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("teams it proposes cover everything and none of their members is redundant", () => {
    fc.assert(
      fc.property(instance, ({ requirements, k, candidates }) => {
        const byId = new Map(candidates.map((item) => [item.id, item]));
        for (const team of buildTeams(requirements, candidates, { k }).teams) {
          expect(team.members.length).toBeGreaterThanOrEqual(2);
          expect(team.members.length).toBeLessThanOrEqual(5);
          const covers = (id: string, r: number) => byId.get(id)!.cover[r] !== "none";
          for (let r = 0; r < requirements; r += 1) {
            expect(team.members.some((id) => covers(id, r))).toBe(true);
          }
          for (const member of team.members) {
            const others = team.members.filter((id) => id !== member);
            const ownContribution = Array.from({ length: requirements }, (_, r) => r).filter(
              (r) => covers(member, r) && !others.some((id) => covers(id, r)),
            );
            expect(ownContribution.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
