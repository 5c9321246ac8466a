import { resolve } from "node:path";
import { z } from "zod";

/**
 * Every setting the server reads, parsed once at boot. Nothing else reads process.env,
 * so a bad value stops the process with a message naming the variable.
 */
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DEMO: booleanFlag.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("City Solutions Platform <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanFlag.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  AUDIT_SIGNING_KEY: z.string().optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().min(0).default(60),
  JOB_POLL_MS: z.coerce.number().int().min(50).default(1000),
  SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(50),
  READ_CACHE: booleanFlag.default(true),
});

type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** Absolute path of the embedded database folder (used when databaseUrl is unset). */
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: RawConfig["LOG_LEVEL"];
  trustProxy: boolean;
  bodyLimitBytes: number;
  sessionDays: number;
  auditSigningKey: string | undefined;
  auditCheckpointMinutes: number;
  jobPollMs: number;
  signInLimitPerAccount: number;
  signInLimitPerIp: number;
  /** Keep answers of public reads until content changes (see core/cache/read-cache.ts). */
  readCache: boolean;
  /** Cookies get the Secure flag when the public address is HTTPS. */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`PORT=` in a shell or compose file) means unset. Otherwise coercion
  // turned PORT= into port 0 (a random port) and AUDIT_CHECKPOINT_MINUTES= into "no checkpoints".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = configSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, "");
  return {
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    dataDir: resolve(raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    demo: raw.DEMO,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    sessionDays: raw.SESSION_DAYS,
    auditSigningKey: raw.AUDIT_SIGNING_KEY,
    auditCheckpointMinutes: raw.AUDIT_CHECKPOINT_MINUTES,
    jobPollMs: raw.JOB_POLL_MS,
    signInLimitPerAccount: raw.SIGN_IN_LIMIT_PER_ACCOUNT,
    signInLimitPerIp: raw.SIGN_IN_LIMIT_PER_IP,
    readCache: raw.READ_CACHE,
    secureCookies: publicUrl.startsWith("https://"),
  };
}

/** The variables documented in the README, in one place so the table cannot drift. */
export const configDocumentation: Record<keyof RawConfig, string> = {
  PORT: "HTTP port (default 3000)",
  HOST: "interface to listen on (default localhost; 0.0.0.0 in a container)",
  PUBLIC_URL:
    "address users reach the platform at, used in e-mailed links; https:// makes cookies Secure (default http://localhost:PORT)",
  DATA_DIR:
    "folder of the embedded PGlite database and its lock (default ./data); ignored with DATABASE_URL",
  DATABASE_URL: "postgres:// URL of a PostgreSQL server; when set, PGlite is not used",
  DEMO: "1 to run in demo mode: seed demo data on first start, show demo accounts, keep mails in a dev mailbox (npm start sets it)",
  SMTP_URL:
    "smtp:// or smtps:// URL of the mail server; without it mails are only logged and kept in the dev mailbox",
  MAIL_FROM: "sender of platform e-mail",
  LOG_LEVEL: "fatal, error, warn, info (default), debug, trace or silent",
  TRUST_PROXY:
    "1 when behind a reverse proxy, so X-Forwarded-For gives the client address (default off: the header is ignored)",
  BODY_LIMIT_BYTES: "largest accepted request body (default 1048576)",
  SESSION_DAYS: "days a sign-in session lasts (default 30)",
  AUDIT_SIGNING_KEY:
    "Ed25519 private key (PKCS#8 PEM, or its base64) that signs audit checkpoints; `csp audit keygen` makes one. Required with DATABASE_URL unless DEMO; with PGlite a key is generated into DATA_DIR",
  AUDIT_CHECKPOINT_MINUTES:
    "minutes between signed audit checkpoints (default 60; 0 turns the timer off)",
  JOB_POLL_MS: "how often the background worker looks for due jobs (default 1000)",
  SIGN_IN_LIMIT_PER_ACCOUNT:
    "failed sign-ins per account per 15 minutes before refusing (default 10)",
  SIGN_IN_LIMIT_PER_IP: "sign-in attempts per client address per 15 minutes (default 50)",
  READ_CACHE:
    "0 to compute every public list and search afresh; by default their answers are kept in memory until any content changes (default 1)",
};
