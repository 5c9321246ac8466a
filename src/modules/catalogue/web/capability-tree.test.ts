import { describe, expect, it } from "vitest";
import type { CapabilityNode } from "../contract.ts";
import { flattenCapabilities, foldText, matchCapabilities, pathOf } from "./capability-tree.ts";

const node = (code: string, label: string, synonyms: string[], children: CapabilityNode[] = []) =>
  ({ code, label, synonyms, builtIn: true, children }) satisfies CapabilityNode;

const tree: CapabilityNode[] = [
  node(
    "adaptation",
    "Climate adaptation",
    [],
    [
      node("adaptation.stormwater", "Stormwater and cloudburst management", [
        "cloudburst",
        "sponge city",
      ]),
      node("adaptation.urban-heat", "Urban heat island reduction", ["cool roofs"]),
    ],
  ),
  node(
    "energy",
    "Énergie",
    [],
    [node("energy.district-heating", "Réseaux de chaleur et de froid", ["chauffage urbain"])],
  ),
];

describe("the taxonomy picker's matching", () => {
  const entries = flattenCapabilities(tree);

  it("lists each capability after its parent, with the path of its ancestors", () => {
    expect(entries.map((entry) => entry.code)).toEqual([
      "adaptation",
      "adaptation.stormwater",
      "adaptation.urban-heat",
      "energy",
      "energy.district-heating",
    ]);
    expect(pathOf(entries[1]!)).toBe("Climate adaptation › Stormwater and cloudburst management");
  });

  it("finds a capability by a synonym and says which one matched", () => {
    const [match, ...others] = matchCapabilities(entries, "Sponge");
    expect(others).toEqual([]);
    expect(match?.entry.code).toBe("adaptation.stormwater");
    expect(match?.synonym).toBe("sponge city");
  });

  it("puts labels before synonyms and ignores accents and case", () => {
    expect(matchCapabilities(entries, "cloudburst").map((match) => match.synonym)).toEqual([null]);
    expect(matchCapabilities(entries, "energie").map((match) => match.entry.code)).toEqual([
      "energy",
    ]);
    expect(matchCapabilities(entries, "CHAUFFAGE urb")[0]?.entry.code).toBe(
      "energy.district-heating",
    );
    expect(foldText("  Réseaux ")).toBe("reseaux");
  });

  it("offers nothing for blank text and at most the limit", () => {
    expect(matchCapabilities(entries, "   ")).toEqual([]);
    expect(matchCapabilities(entries, "a", 2)).toHaveLength(2);
  });
});
