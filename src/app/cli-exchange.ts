import { readFileSync, writeFileSync } from "node:fs";
import { systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import { DataDirLockedError } from "../core/db/client.ts";
import { isAppError } from "../core/http/problem.ts";
import {
  exportText,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
  importFileAsPlatform,
} from "../modules/exchange/index.ts";
import { openMigratedDatabase, prepareData, runningServerUrl } from "./runtime.ts";

/**
 * `csp import FILE` and `csp export`: on the embedded database (or DATABASE_URL) directly, as
 * the platform; when a running server holds the PGlite folder, through its HTTP API instead
 * (exports are public; imports need a platform admin's API token, --token).
 */

type Fail = (message: string, code?: number) => never;

/** Progress on stderr: every 10% (or each phase), so a long import shows it is moving. */
function progressPrinter(): (progress: ImportProgress) => void {
  let lastPercent = -1;
  let lastPhase = "";
  return ({ phase, done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (phase === lastPhase && percent < lastPercent + 10 && percent !== 100) return;
    if (phase === lastPhase && percent === lastPercent) return;
    lastPhase = phase;
    lastPercent = percent;
    process.stderr.write(
      phase === "validated"
        ? `validated ${done} record(s)\n`
        : `written ${done}/${total} record(s) (${percent}%)\n`,
    );
  };
}

function describeProblem(problem: ImportProblem): string {
  const where = problem.line === null ? problem.field : `line ${problem.line}, ${problem.field}`;
  const which = problem.ref ? ` (${problem.record} ${problem.ref})` : "";
  return `  ${where}: ${problem.message}${which}`;
}

function printReport(report: ImportReport): void {
  const outcome = (counts: ImportReport["solutions"]) =>
    `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  const lines = [
    `${report.dryRun ? "Dry run (nothing written)" : "Imported"} ${report.format} in scope ${report.scope}:`,
    `  organisations: ${outcome(report.organisations)}`,
    `  solutions:     ${outcome(report.solutions)}`,
    `  challenges:    ${outcome(report.challenges)}`,
    `  affiliations:  ${report.affiliations.created} created`,
  ];
  if (report.warnings.length) {
    lines.push(`${report.warnings.length} warning(s):`, ...report.warnings.map(describeProblem));
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

function refuse(problems: ImportProblem[], fail: Fail): never {
  process.stderr.write(
    `Nothing imported: ${problems.length} problem(s).\n${problems.map(describeProblem).join("\n")}\n`,
  );
  return fail("Fix every problem and import the file again.", 2);
}

export async function importCommand(
  settings: Config,
  file: string,
  options: { dryRun?: boolean; token?: string },
  fail: Fail,
): Promise<void> {
  const text = readFileSync(file, "utf8");
  const dryRun = options.dryRun ?? false;
  try {
    const database = await openMigratedDatabase(settings);
    try {
      await prepareData(database, systemClock, { demo: false, publicUrl: settings.publicUrl });
      const report = await importFileAsPlatform(
        { db: database.db, clock: systemClock, publicUrl: settings.publicUrl, demo: settings.demo },
        text,
        { dryRun, onProgress: progressPrinter() },
      );
      printReport(report);
    } finally {
      await database.close();
    }
  } catch (error) {
    if (isAppError(error) && error.code === "import_invalid") {
      refuse((error.errors ?? []) as ImportProblem[], fail);
    }
    if (error instanceof SyntaxError) fail(`${file} is not valid JSON: ${error.message}`);
    if (!(error instanceof DataDirLockedError)) throw error;
    const url = runningServerUrl(settings.dataDir);
    if (!url) throw error;
    if (!options.token) {
      fail(
        `The server at ${url} holds the database. Stop it, or import through it: --token <a platform admin's API token (csp_pat_…)>.`,
      );
    }
    process.stderr.write(`The server at ${url} holds the database; importing through its API.\n`);
    const json = text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("{");
    const response = await fetch(`${url}/api/v1/import${dryRun ? "?dryRun=true" : ""}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.token}`,
        "content-type": json ? "application/json" : "text/csv; charset=utf-8",
      },
      body: text,
    });
    const body = (await response.json()) as ImportReport & {
      title?: string;
      detail?: string;
      errors?: ImportProblem[];
    };
    if (response.status === 422) refuse(body.errors ?? [], fail);
    if (!response.ok)
      fail(`The server answered ${response.status}: ${body.title ?? ""} ${body.detail ?? ""}`);
    printReport(body);
  }
}

export async function exportCommand(
  settings: Config,
  options: { format: string; out?: string },
  fail: Fail,
): Promise<void> {
  if (options.format !== "bundle" && options.format !== "csv") {
    fail(`--format must be bundle or csv, not ${options.format}`);
  }
  const format = options.format as "bundle" | "csv";
  let text: string;
  try {
    const database = await openMigratedDatabase(settings);
    try {
      text = await exportText(database.db, format);
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const url = runningServerUrl(settings.dataDir);
    if (!url) throw error;
    process.stderr.write(`The server at ${url} holds the database; asking it for the export.\n`);
    const response = await fetch(`${url}/api/v1/export?format=${format}`);
    if (!response.ok) fail(`The server answered ${response.status}.`);
    text = await response.text();
  }
  if (options.out) {
    writeFileSync(options.out, text);
    process.stderr.write(`Wrote ${Buffer.byteLength(text)} bytes to ${options.out}.\n`);
  } else {
    process.stdout.write(text);
  }
}
