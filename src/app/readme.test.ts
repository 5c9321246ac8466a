import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configDocumentation } from "../core/config.ts";

// The README is the newcomer's manual: it must document every setting the server reads.
describe("README", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  it("has a row in the configuration table for every environment variable", () => {
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(configDocumentation).sort());
  });

  it("gives exactly the two set-up commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
  });
});
