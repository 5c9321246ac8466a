import { readFileSync } from "node:fs";
import { Command } from "commander";
import {
  type AuditCheckpoint,
  createAuditCheckpoint,
  verifyAuditChain,
} from "../core/audit/checkpoints.ts";
import { generateSigningKeyPem } from "../core/audit/signing-key.ts";
import { systemClock } from "../core/clock.ts";
import { type Config, ConfigError, loadConfig } from "../core/config.ts";
import { DataDirLockedError, migrationsFolder } from "../core/db/client.ts";
import { backupCommand, restoreCommand } from "./cli-backup.ts";
import { exportCommand, importCommand } from "./cli-exchange.ts";
import { describeDemoAccounts } from "./demo.ts";
import {
  announceServer,
  openMigratedDatabase,
  prepareData,
  runningServerUrl,
  signerFor,
} from "./runtime.ts";
import { createPlatform, platformVersion } from "./server.ts";
import { ensureWebBuild } from "./web-build.ts";

function config(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, ...overrides });
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function serve(options: { demo?: boolean; buildWeb?: boolean }) {
  const settings = config(options.demo ? { DEMO: "1" } : {});
  const interactive = process.stdout.isTTY === true;
  if (options.buildWeb) await ensureWebBuild((line) => process.stdout.write(`${line}\n`));
  const database = await openMigratedDatabase(settings, (error) =>
    process.stderr.write(`database connection error: ${error.message}\n`),
  );
  const prepared = await prepareData(database, systemClock, {
    demo: settings.demo,
    publicUrl: settings.publicUrl,
  });
  const platform = await createPlatform({
    config: settings,
    database,
    signer: signerFor(settings),
    prettyLogs: interactive,
  });
  const background = platform.startBackground();
  await platform.app.listen({ port: settings.port, host: settings.host });
  const retire =
    database.engine === "pglite" ? announceServer(settings.dataDir, settings.publicUrl) : () => {};

  const lines = [
    "",
    `City Solutions Platform ${platformVersion} is running at ${settings.publicUrl}`,
    `  database: ${database.engine === "pglite" ? `embedded PGlite in ${settings.dataDir}` : "PostgreSQL (DATABASE_URL)"}; ${prepared.cities} C40 cities${prepared.demoSeeded ? "; demo data loaded" : ""}`,
    `  API docs: ${settings.publicUrl}/api/docs`,
  ];
  if (settings.demo) {
    lines.push("", "Demo mode. Accounts (all with the same password):");
    for (const account of describeDemoAccounts(systemClock.now())) {
      lines.push(`  ${account.email.padEnd(38)} ${account.role}`);
    }
    lines.push(
      `  password: ${describeDemoAccounts(systemClock.now())[0]?.password}`,
      `  The admin signs in with a second factor: the sign-in page shows the current code in demo mode.`,
      `  Mails are not sent; read them at ${settings.publicUrl}/dev/mail`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.app.log.info({ signal }, "shutting down");
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    try {
      // New requests get 503 while those in flight finish (at most 8 s, within the 10 s limit).
      await platform.app.drain(8_000);
      await platform.app.close();
      await background.stop();
      await database.close();
      retire();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

async function withDatabase<T>(
  settings: Config,
  work: (database: Awaited<ReturnType<typeof openMigratedDatabase>>) => Promise<T>,
) {
  const database = await openMigratedDatabase(settings);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function auditVerify(options: { checkpoints?: string }) {
  const settings = config();
  const external: AuditCheckpoint[] = options.checkpoints
    ? (
        JSON.parse(readFileSync(options.checkpoints, "utf8")) as {
          checkpoints: Array<AuditCheckpoint & { signedAt: string }>;
        }
      ).checkpoints.map((checkpoint) => ({
        ...checkpoint,
        signedAt: new Date(checkpoint.signedAt),
      }))
    : [];
  let result: {
    ok: boolean;
    count: number;
    checkpointsChecked: number;
    firstBreak: { seq: number; reason: string } | null;
  };
  try {
    result = await withDatabase(settings, (database) =>
      verifyAuditChain(database.db, signerFor(settings), external),
    );
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const url = runningServerUrl(settings.dataDir);
    if (!url || external.length) throw error;
    process.stderr.write(`The server at ${url} holds the database; asking it to verify.\n`);
    const response = await fetch(`${url}/api/v1/audit/verification`);
    if (!response.ok) fail(`The server answered ${response.status}.`);
    result = (await response.json()) as typeof result;
  }
  if (result.ok) {
    process.stdout.write(
      `OK: ${result.count} audit events, chain intact, ${result.checkpointsChecked} signed checkpoint(s) verified.\n`,
    );
    return;
  }
  // Rows before the first break are the verified ones; `count` is every row whose links hold,
  // which includes rows after the break when only a checkpoint shows a consistent rewrite.
  const firstBroken = result.firstBreak?.seq ?? 1;
  fail(
    `BROKEN: first broken sequence number ${firstBroken}: ${result.firstBreak?.reason} (${firstBroken - 1} events verified before it).`,
    2,
  );
}

const program = new Command()
  .name("csp")
  .description("City Solutions Platform: server and administration commands")
  .version(platformVersion);

program
  .command("serve")
  .description("Migrate the database and serve the platform (API and web app)")
  .option(
    "--demo",
    "demo mode: load demo data into an empty database, show demo accounts, keep mails in the dev mailbox",
  )
  .option("--build-web", "build the web app first when it is missing or older than its sources")
  .action(serve);

program
  .command("migrate")
  .description(`Apply the committed migrations (${migrationsFolder})`)
  .action(async () => {
    await withDatabase(config(), async () => {});
    process.stdout.write("Migrations applied.\n");
  });

program
  .command("seed")
  .description(
    "Load reference data (C40 cities) and, with --demo, the demo organisations and accounts",
  )
  .option("--demo", "load the demo data")
  .option("--force", "load demo data even into a database that already has people")
  .action(async (options: { demo?: boolean; force?: boolean }) => {
    const settings = config();
    const result = await withDatabase(settings, (database) =>
      prepareData(database, systemClock, {
        demo: options.demo ?? false,
        publicUrl: settings.publicUrl,
        force: options.force ?? false,
      }),
    );
    process.stdout.write(
      `${result.cities} C40 cities loaded.${options.demo ? (result.demoSeeded ? " Demo data loaded." : " Demo data not loaded: the database already has people (use --force).") : ""}\n`,
    );
  });

program
  .command("import")
  .description(
    "Import a bundle (JSON) or a CSV of solutions, all or nothing (docs/import-format.md); progress on stderr",
  )
  .argument("<file>", "a city-solutions-bundle/1 JSON file or a CSV of solutions")
  .option("--dry-run", "check everything and report what would change, writing nothing")
  .option(
    "--token <token>",
    "when a running server holds the embedded database: a platform admin's API token to import through it",
  )
  .action((file: string, options: { dryRun?: boolean; token?: string }) =>
    importCommand(config(), file, options, fail),
  );

program
  .command("export")
  .description("Export the public catalogue: a bundle (JSON) or its solutions as CSV")
  .option("--format <format>", "bundle or csv", "bundle")
  .option("--out <file>", "write to a file instead of standard output")
  .action((options: { format: string; out?: string }) => exportCommand(config(), options, fail));

program
  .command("backup")
  .description(
    "Write the whole database to FILE (JSON lines, gzipped when FILE ends in .gz), with a checksum per table; stop the server first when it uses the embedded database",
  )
  .argument("<file>", "where to write the backup")
  .action(async (file: string) => {
    process.stdout.write(`${await backupCommand(config(), file)}\n`);
  });

program
  .command("restore")
  .description(
    "Replace every row of the database with FILE's (all or nothing); refuses a backup of another schema version",
  )
  .argument("<file>", "a backup written by `csp backup`")
  .action(async (file: string) => {
    process.stdout.write(`${await restoreCommand(config(), file, fail)}\n`);
  });

const audit = program.command("audit").description("The hash-chained audit log");
audit
  .command("verify")
  .description(
    "Verify every link of the audit chain and every signed checkpoint; exit 2 on the first broken link",
  )
  .option(
    "--checkpoints <file>",
    "also check checkpoints kept elsewhere (the JSON of /api/v1/audit/checkpoints)",
  )
  .action(auditVerify);
audit
  .command("checkpoint")
  .description("Sign a checkpoint of the chain's head now")
  .action(async () => {
    const settings = config();
    const made = await withDatabase(settings, (database) =>
      createAuditCheckpoint(database.db, systemClock, signerFor(settings)),
    );
    process.stdout.write(
      made ? `Checkpoint signed at sequence ${made.seq}.\n` : "Nothing new to checkpoint.\n",
    );
  });
audit
  .command("keygen")
  .description("Print a new Ed25519 private key for AUDIT_SIGNING_KEY")
  .action(() => {
    process.stdout.write(generateSigningKeyPem());
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) fail(error.message);
  fail(`csp: ${(error as Error).stack ?? String(error)}`);
});
