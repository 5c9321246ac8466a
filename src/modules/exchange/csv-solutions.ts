import { defuseCell, restoreCell } from "../../core/text/spreadsheet-cells.ts";
import { CSV_COLUMNS, type CsvColumn, type ImportProblem } from "./contract.ts";
import {
  type CsvDelimiter,
  CsvSyntaxError,
  detectDelimiter,
  parseCsv,
  serialiseCsv,
} from "./csv.ts";

/**
 * The CSV of solutions (one row per solution, docs/import-format.md) read into bundle records
 * and written from them. Lists (sectors, capabilities, countries, links) separate their items
 * with ";" inside the cell.
 */

/** Other names spreadsheets give the columns. */
const aliases: Record<string, CsvColumn> = {
  organisation_ref: "organisation",
  organization: "organisation",
  organization_ref: "organisation",
  provider: "organisation",
  countries_deployed: "countries",
  reference_links: "links",
};

const required: CsvColumn[] = ["ref", "organisation", "title", "summary", "sectors", "trl"];

/** Bundle field → CSV column, to name the column a problem is in. */
const columnOfField: Record<string, CsvColumn> = {
  ref: "ref",
  organisation: "organisation",
  title: "title",
  summary: "summary",
  description: "description",
  sectors: "sectors",
  capabilities: "capabilities",
  trl: "trl",
  countriesDeployed: "countries",
  referenceLinks: "links",
};

export function csvColumnOf(path: Array<string | number>): string {
  const [first] = path;
  return typeof first === "string" ? (columnOfField[first] ?? first) : "row";
}

export interface CsvSolutionRow {
  line: number;
  /** The row as a bundle solution record, before validation. */
  record: Record<string, unknown>;
}

function list(cell: string): string[] {
  return cell
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function normaliseHeader(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return aliases[key] ?? key;
}

/** Reads the rows; a damaged file or header is reported as problems of the file. */
export function readSolutionsCsv(text: string): {
  rows: CsvSolutionRow[];
  problems: ImportProblem[];
} {
  const fileProblem = (line: number, field: string, message: string): ImportProblem => ({
    field,
    message,
    record: "file",
    ref: null,
    line,
  });
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      rows: [],
      problems: [fileProblem(error.line, "file", error.message.replace(/^line \d+: /, ""))],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [fileProblem(1, "file", "is empty (no header line)")] };
  const columns = header.fields.map(normaliseHeader);
  const problems: ImportProblem[] = [];
  columns.forEach((column, index) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push(
        fileProblem(
          1,
          column || `column ${index + 1}`,
          `is not a known column (known: ${CSV_COLUMNS.join(", ")})`,
        ),
      );
    } else if (columns.indexOf(column) !== index) {
      problems.push(fileProblem(1, column, "appears twice in the header"));
    }
  });
  for (const column of required) {
    if (!columns.includes(column))
      problems.push(fileProblem(1, column, "is a required column and is missing"));
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: CsvSolutionRow[] = [];
  for (const { line, fields } of body) {
    if (fields.length !== columns.length) {
      problems.push(
        fileProblem(line, "row", `has ${fields.length} fields; the header has ${columns.length}`),
      );
      continue;
    }
    const cell = (column: CsvColumn) => {
      const index = columns.indexOf(column);
      return index === -1 ? undefined : restoreCell(fields[index] ?? "");
    };
    const record: Record<string, unknown> = {
      ref: cell("ref"),
      organisation: cell("organisation"),
      title: cell("title"),
      summary: cell("summary"),
      sectors: list(cell("sectors") ?? ""),
    };
    const description = cell("description");
    if (description !== undefined) record.description = description;
    const trl = (cell("trl") ?? "").trim();
    record.trl = /^\d{1,3}$/.test(trl) ? Number(trl) : trl;
    const capabilities = cell("capabilities");
    if (capabilities !== undefined) record.capabilities = list(capabilities);
    const countries = cell("countries");
    if (countries !== undefined) record.countriesDeployed = list(countries);
    const links = cell("links");
    if (links !== undefined) record.referenceLinks = list(links);
    rows.push({ line, record });
  }
  return { rows, problems };
}

export interface CsvSolution {
  ref: string;
  organisation: string;
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  capabilities: string[];
  trl: number;
  countriesDeployed: string[];
  referenceLinks: string[];
}

/**
 * One row per solution under the documented header, comma-separated, CRLF line ends; a cell that
 * would start a formula is defused (`defuseCell`).
 */
export function writeSolutionsCsv(solutions: CsvSolution[], delimiter: CsvDelimiter = ","): string {
  const rows = solutions.map((solution) =>
    [
      solution.ref,
      solution.organisation,
      solution.title,
      solution.summary,
      solution.description,
      solution.sectors.join(";"),
      solution.capabilities.join(";"),
      String(solution.trl),
      solution.countriesDeployed.join(";"),
      solution.referenceLinks.join(";"),
    ].map(defuseCell),
  );
  return serialiseCsv([[...CSV_COLUMNS], ...rows], delimiter);
}

export { detectDelimiter };
