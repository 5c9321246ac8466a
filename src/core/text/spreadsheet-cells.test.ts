import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defuseCell, restoreCell } from "./spreadsheet-cells.ts";

/** What a spreadsheet runs as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
const starts = ["=", "+", "-", "@", "\t", "\r"];

describe("defuseCell", () => {
  it("puts an apostrophe before each formula start", () => {
    for (const start of starts) expect(defuseCell(`${start}1`)).toBe(`'${start}1`);
    expect(defuseCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    );
  });

  it("adds one more apostrophe to a cell whose apostrophes come before a formula start", () => {
    expect(defuseCell("'=1+1")).toBe("''=1+1");
    expect(defuseCell("'''@x")).toBe("''''@x");
  });

  it("leaves plain text, and apostrophes before plain text, unchanged", () => {
    for (const plain of ["Leak sensors", "1-2", "a=b", "", " =1", "e-mail@x", "'quoted", "''"]) {
      expect(defuseCell(plain)).toBe(plain);
    }
  });
});

describe("restoreCell", () => {
  it("drops the one apostrophe before a formula start, and touches nothing else", () => {
    expect(restoreCell("'=1+1")).toBe("=1+1");
    expect(restoreCell("''=1+1")).toBe("'=1+1");
    for (const plain of ["'quoted", "Leak sensors", "=1", "", "'"]) {
      expect(restoreCell(plain)).toBe(plain);
    }
  });

  it("undoes defuseCell exactly, and what defuseCell writes never starts a formula", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc
        .tuple(fc.stringMatching(/^'{0,3}$/), fc.constantFrom(...starts), fc.string())
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        const written = defuseCell(value);
        expect(FORMULA.test(written)).toBe(false);
        expect(restoreCell(written)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
