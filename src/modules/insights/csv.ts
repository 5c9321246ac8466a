import { defuseCell } from "../../core/text/spreadsheet-cells.ts";
import { CSV_COLUMNS, type Dashboard } from "./contract.ts";

/**
 * A dashboard as CSV, one figure per row (long format), so that every section fits one table
 * and a spreadsheet can pivot it: section, key, year, kind, label, unit, value. RFC 4180
 * quoting, CRLF line ends, numbers as JavaScript writes them (a dot for decimals).
 */
export function dashboardCsv(dashboard: Dashboard): string {
  const rows: Array<Array<string | number>> = [[...CSV_COLUMNS]];
  const row = (
    section: string,
    key: string,
    value: number,
    extra: { year?: number; kind?: string; label?: string; unit?: string } = {},
  ) =>
    rows.push([
      section,
      key,
      extra.year ?? "",
      extra.kind ?? "",
      extra.label ?? "",
      extra.unit ?? "",
      value,
    ]);
  for (const item of dashboard.challenges.byStatus)
    row("challenges_by_status", item.status, item.count);
  for (const item of dashboard.challenges.bySector)
    row("challenges_by_sector", item.sector, item.count);
  if (dashboard.pilots !== null) row("pilots", "piloting_or_implemented", dashboard.pilots);
  row("proposals", "live_to_closed_calls", dashboard.proposals);
  row("consortia", "forming", dashboard.consortia);
  for (const item of dashboard.events) {
    row("events", "events", item.events, { year: item.year });
    row("events", "participants", item.participants, { year: item.year });
  }
  for (const item of dashboard.impact) {
    row("impact", item.sector, item.value, {
      year: item.year,
      kind: item.kind,
      label: item.label,
      unit: item.unit,
    });
  }
  for (const city of dashboard.cities) {
    row("cities", city.name, city.challenges, { kind: "challenges", label: city.country });
    row("cities", city.name, city.verifiedReferences, {
      kind: "verified_references",
      label: city.country,
    });
  }
  return `${rows.map((cells) => cells.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: string | number): string {
  const text = String(value);
  // Quoted when needed; a text that would start a formula is defused for spreadsheets (a number
  // is written as it is, minus sign included).
  const safe = typeof value === "string" ? defuseCell(text) : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
