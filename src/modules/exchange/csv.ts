/**
 * CSV as RFC 4180 describes it, and as spreadsheets write it: fields separated by a comma (or a
 * semicolon, as spreadsheets in many European locales write: detected from the header line),
 * records by CRLF (LF or CR alone accepted too), fields with a separator, a quote or a line
 * break enclosed in double quotes, a quote inside one doubled. UTF-8, with or without a BOM.
 */

export type CsvDelimiter = "," | ";";

export interface CsvRecord {
  /** The line the record starts on, counting from 1 (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const BOM = "\uFEFF";

/** The separator the header line uses most, outside quotes: ";" or ",". */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Parses the whole text into records. Blank lines are skipped (spreadsheets leave them); a field
 * that opens a quote must close it before the separator or the end of the line, and a quote
 * inside an unquoted field is refused, so a damaged file is reported, never misread.
 */
export function parseCsv(
  input: string,
  delimiter: CsvDelimiter = detectDelimiter(input),
): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let index = 0;
  /** Whether the current record has any content (a blank line has none). */
  let started = false;

  const endRecord = () => {
    fields.push(field);
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
  };
  const newline = () => {
    // CRLF counts once.
    if (text[index] === "\r" && text[index + 1] === "\n") index += 1;
    index += 1;
    line += 1;
  };

  while (index < text.length) {
    const char = text[index];
    if (!started) recordLine = line;
    if (char === '"' && field === "") {
      // A quoted field: up to the closing quote not followed by another quote.
      const openedOn = line;
      started = true;
      index += 1;
      for (;;) {
        if (index >= text.length)
          throw new CsvSyntaxError(openedOn, "a quoted field is never closed");
        const inner = text[index];
        if (inner === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === "\r" || inner === "\n") {
          field += inner === "\r" && text[index + 1] === "\n" ? "\r\n" : inner;
          newline();
          continue;
        }
        field += inner;
        index += 1;
      }
      const next = text[index];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
        throw new CsvSyntaxError(
          line,
          "text follows a closing quote (double a quote inside a quoted field)",
        );
      }
      // Mark the field as quoted-complete so a following quote is not taken as a new one.
      if (next === delimiter) {
        fields.push(field);
        field = "";
        index += 1;
        continue;
      }
      if (next === undefined) break;
      endRecord();
      newline();
      continue;
    }
    if (char === delimiter) {
      started = true;
      fields.push(field);
      field = "";
      index += 1;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      newline();
      continue;
    }
    if (char === '"') {
      throw new CsvSyntaxError(
        line,
        "a quote inside an unquoted field (enclose the field in quotes)",
      );
    }
    started = true;
    field += char;
    index += 1;
  }
  if (started || fields.length > 0) endRecord();
  return records;
}

/**
 * Quotes a field when it must be: it holds the separator, a quote or a line break, starts with a
 * byte order mark (which a reader drops), or is the only field of its row and empty.
 */
function quoteField(value: string, delimiter: CsvDelimiter, alone: boolean): string {
  if (value === "" && alone) return '""';
  return value.startsWith(BOM) ||
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes("\n") ||
    value.includes("\r")
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** Writes records as RFC 4180 CSV: CRLF after every record. */
export function serialiseCsv(rows: string[][], delimiter: CsvDelimiter = ","): string {
  return rows
    .map(
      (row) =>
        `${row.map((value) => quoteField(value, delimiter, row.length === 1)).join(delimiter)}\r\n`,
    )
    .join("");
}
