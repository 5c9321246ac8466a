import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, detectDelimiter, parseCsv, serialiseCsv } from "./csv.ts";

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe("CSV (RFC 4180, as spreadsheets write it)", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks", () => {
    expect(fields('a,"b,c","say ""hi""","two\r\nlines"\r\nx,y,z,w\r\n')).toEqual([
      ["a", "b,c", 'say "hi"', "two\r\nlines"],
      ["x", "y", "z", "w"],
    ]);
  });

  it("skips a byte order mark, blank lines and a missing final line break", () => {
    expect(fields("\uFEFFa,b\n\n\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps empty fields, and an empty quoted field as a record", () => {
    expect(fields(',,\n""\n')).toEqual([["", "", ""], [""]]);
  });

  it("accepts LF, CRLF and CR line ends and counts lines from the record's start", () => {
    const records = parseCsv('a,"x\ny"\r\nb,c\rd,e\n');
    expect(records.map((record) => record.line)).toEqual([1, 3, 4]);
  });

  it("detects the semicolon spreadsheets write in many European locales", () => {
    expect(detectDelimiter('ref;title;"a,b"\n1;2;3')).toBe(";");
    expect(detectDelimiter('ref,title,"a;b;c"\n')).toBe(",");
    expect(fields("a;b,c;d\n")).toEqual([["a", "b,c", "d"]]);
  });

  it("refuses a damaged file, saying on which line", () => {
    expect(() => parseCsv('a,b\nc,"never closed\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nc,"never closed\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote inside an unquoted field/);
    expect(() => parseCsv('a,"b"c\n')).toThrow(/text follows a closing quote/);
  });

  it("writes what it reads: serialise then parse gives the rows back (any text, either separator)", () => {
    const row = fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 });
    const text = fc.array(row, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(text, fc.constantFrom(",", ";" as const), (rows, delimiter) => {
        // With the separator given: detection reads the header, which here may have none.
        expect(
          parseCsv(serialiseCsv(rows, delimiter as "," | ";"), delimiter as "," | ";").map(
            (r) => r.fields,
          ),
        ).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips special characters: quotes, separators, CR, LF and non-ASCII text", () => {
    const special = fc
      .array(fc.constantFrom('"', ",", ";", "\r", "\n", "\r\n", " ", "é", "北京", "💧", "a", ""), {
        maxLength: 12,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        fc.array(fc.array(special, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          expect(parseCsv(serialiseCsv(rows, ","), ",").map((record) => record.fields)).toEqual(
            rows,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("detects the separator of any file whose header names two columns or more", () => {
    const header = fc.shuffledSubarray(["ref", "organisation", "title", "summary", "trl"], {
      minLength: 2,
    });
    const row = fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        header,
        fc.array(row, { maxLength: 6 }),
        fc.constantFrom(",", ";" as const),
        (names, rows, delimiter) => {
          const all = [names, ...rows];
          expect(fields(serialiseCsv(all, delimiter as "," | ";"))).toEqual(all);
        },
      ),
      { numRuns: 300 },
    );
  });
});
