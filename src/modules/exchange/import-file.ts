import { createHash } from "node:crypto";
import type { z } from "zod";
import { BundleEnvelope, type ImportProblem } from "./contract.ts";
import { csvColumnOf, readSolutionsCsv } from "./csv-solutions.ts";

/**
 * An import file read into records, each with where it came from, before any record is
 * checked: a JSON bundle (already parsed by the caller) or the text of a CSV of solutions.
 */

export type RecordType = "organisation" | "solution" | "challenge" | "reference" | "funding_source";

export interface SourceRecord {
  /** Position in the bundle's list (or among the CSV's rows). */
  index: number;
  /** CSV: the line the row starts on. */
  line: number | null;
  raw: unknown;
}

export interface ImportFile {
  format: "bundle" | "csv";
  sha256: string;
  organisations: SourceRecord[];
  solutions: SourceRecord[];
  challenges: SourceRecord[];
  references: SourceRecord[];
  fundingSources: SourceRecord[];
  problems: ImportProblem[];
}

const plural: Record<RecordType, string> = {
  organisation: "organisations",
  solution: "solutions",
  challenge: "challenges",
  reference: "references",
  funding_source: "fundingSources",
};

/** Where a problem is: "solutions[3].trl" in a bundle, the column and line in a CSV. */
export function locate(
  file: Pick<ImportFile, "format">,
  type: RecordType,
  source: SourceRecord,
  ref: string | null,
  path: Array<PropertyKey>,
  message: string,
): ImportProblem {
  const keys = path.map((key) => (typeof key === "symbol" ? String(key) : key));
  if (file.format === "csv") {
    return { field: csvColumnOf(keys), message, record: type, ref, line: source.line };
  }
  const suffix = keys.map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`)).join("");
  return {
    field: `${plural[type]}[${source.index}]${suffix}`,
    message,
    record: type,
    ref,
    line: null,
  };
}

/** Zod's issues as problems of one record. */
export function issueProblems(
  file: Pick<ImportFile, "format">,
  type: RecordType,
  source: SourceRecord,
  ref: string | null,
  error: z.ZodError,
): ImportProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) =>
        locate(file, type, source, ref, [...issue.path, key], "is not a known field"),
      );
    }
    return [locate(file, type, source, ref, issue.path, issue.message)];
  });
}

function fileProblem(field: string, message: string): ImportProblem {
  return { field, message, record: "file", ref: null, line: null };
}

export function readBundle(body: unknown, text: string): ImportFile {
  const file: ImportFile = {
    format: "bundle",
    sha256: createHash("sha256").update(text).digest("hex"),
    organisations: [],
    solutions: [],
    challenges: [],
    references: [],
    fundingSources: [],
    problems: [],
  };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    file.problems.push(fileProblem("file", "must be a JSON object (a bundle)"));
    return file;
  }
  const envelope = BundleEnvelope.safeParse(body);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.join(".")];
      for (const key of keys) {
        file.problems.push(
          fileProblem(
            key || "file",
            issue.code === "unrecognized_keys" ? "is not a known field" : issue.message,
          ),
        );
      }
    }
    return file;
  }
  const records = (list: unknown[]) =>
    list.map((raw, index): SourceRecord => ({ index, line: null, raw }));
  file.organisations = records(envelope.data.organisations);
  file.solutions = records(envelope.data.solutions);
  file.challenges = records(envelope.data.challenges);
  file.references = records(envelope.data.references);
  file.fundingSources = records(envelope.data.fundingSources);
  return file;
}

export function readCsv(text: string): ImportFile {
  // Bytes that are not UTF-8 arrive as U+FFFD: a spreadsheet saved in a legacy encoding.
  const replaced = text.indexOf("\uFFFD");
  const { rows, problems } =
    replaced === -1
      ? readSolutionsCsv(text)
      : {
          rows: [],
          problems: [
            {
              field: "file",
              message: 'is not UTF-8 text: save the spreadsheet as "CSV UTF-8"',
              record: "file" as const,
              ref: null,
              line: text.slice(0, replaced).split(/\r\n|\r|\n/).length,
            },
          ],
        };
  return {
    format: "csv",
    sha256: createHash("sha256").update(text).digest("hex"),
    organisations: [],
    solutions: rows.map((row, index) => ({ index, line: row.line, raw: row.record })),
    challenges: [],
    references: [],
    fundingSources: [],
    problems,
  };
}
