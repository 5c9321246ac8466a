import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { z } from "zod";
import { createAuditCheckpoint } from "../core/audit/checkpoints.ts";
import { auditRoutes } from "../core/audit/routes.ts";
import type { AuditSigner } from "../core/audit/signing-key.ts";
import { ReadCache } from "../core/cache/read-cache.ts";
import { type Clock, MINUTE, systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { DatabaseHandle } from "../core/db/client.ts";
import { keptPublicReads } from "../core/http/cached-reply.ts";
import { healthRoutes } from "../core/http/health.ts";
import { createHttpKernel, type HttpKernel, handleApiNotFound } from "../core/http/kernel.ts";
import { type JobHandlers, type JobWorker, startJobWorker } from "../core/jobs/outbox.ts";
import { createMailer, MAIL_JOB, type Mailer, mailJobHandler } from "../core/mail/mailer.ts";
import { devMailboxRoutes } from "../core/mail/routes.ts";
import type { ModuleManifest } from "../core/module.ts";
import {
  type AccountsContext,
  accountsModule,
  authenticatorFor,
} from "../modules/accounts/index.ts";
import { catalogueModule } from "../modules/catalogue/index.ts";
import { challengesModule } from "../modules/challenges/index.ts";
import { consortiaModule } from "../modules/consortia/index.ts";
import { eventsModule } from "../modules/events/index.ts";
import { exchangeModule } from "../modules/exchange/index.ts";
import { fundingModule } from "../modules/funding/index.ts";
import { hackathonsModule } from "../modules/hackathons/index.ts";
import { insightsModule } from "../modules/insights/index.ts";
import { matchmakingModule } from "../modules/matchmaking/index.ts";
import { notificationsModule } from "../modules/notifications/index.ts";
import { organisationsModule } from "../modules/organisations/index.ts";
import { procurementModule } from "../modules/procurement/index.ts";
import { referencesModule } from "../modules/references/index.ts";
import { describeDemoAccounts } from "./demo.ts";

export const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));
export const platformVersion: string = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"),
).version;

export interface PlatformOptions {
  config: Config;
  database: DatabaseHandle;
  signer: AuditSigner;
  clock?: Clock;
  mailer?: Mailer;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (default dist/web; tests point it at a folder of their own). */
  webRoot?: string;
  prettyLogs?: boolean;
  /** Where the JSON log lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
}

export interface Platform {
  app: HttpKernel;
  ctx: AccountsContext;
  jobs: JobHandlers;
  modules: ModuleManifest[];
  /** Starts the job worker and the checkpoint and housekeeping timers. */
  startBackground(): BackgroundWork;
}

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * The composition root: the HTTP kernel, every module's routes and jobs, the platform's own
 * routes (health, audit proof, demo helpers) and the web app. The only code that knows every module.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, database, signer } = options;
  const clock = options.clock ?? systemClock;
  const readCache = config.readCache ? await ReadCache.listeningTo(database) : undefined;
  const ctx: AccountsContext = {
    db: database.db,
    clock,
    publicUrl: config.publicUrl,
    demo: config.demo,
    ...(readCache ? { readCache } : {}),
    accounts: {
      sessionDays: config.sessionDays,
      signInLimitPerAccount: config.signInLimitPerAccount,
      signInLimitPerIp: config.signInLimitPerIp,
    },
  };

  const app = await createHttpKernel({
    logLevel: config.logLevel,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    version: platformVersion,
    authenticate: authenticatorFor(ctx),
    prettyLogs: options.prettyLogs ?? false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });

  const mailer =
    options.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      keepInDevMailbox: config.demo,
      db: database.db,
      clock,
      log: (message, detail) => app.log.info(detail, message),
    });

  const modules: ModuleManifest[] = [
    accountsModule(ctx, { secureCookies: config.secureCookies }),
    organisationsModule(ctx),
    catalogueModule(ctx),
    challengesModule(ctx),
    notificationsModule(ctx, { listen: database.listen }),
    exchangeModule(ctx),
    matchmakingModule(ctx),
    consortiaModule(ctx),
    procurementModule(ctx),
    eventsModule(ctx),
    hackathonsModule(ctx),
    referencesModule(ctx),
    insightsModule(ctx),
    fundingModule(ctx),
  ];
  const jobs: JobHandlers = { [MAIL_JOB]: mailJobHandler(mailer) };
  for (const module of modules) {
    for (const [kind, handler] of Object.entries(module.jobs ?? {})) {
      if (jobs[kind]) throw new Error(`job kind ${kind} is handled twice`);
      jobs[kind] = handler;
    }
  }

  if (readCache) {
    app.sendKeptReadsFirst(keptPublicReads(readCache));
    // A write answered here drops kept reads before its answer leaves, so the writer's next read
    // shows the write even if the database's change notice is still on its way. A refused write
    // (4xx) changed nothing, so it cannot be used to flush the cache over and over.
    app.addHook("onSend", (request, reply, payload, done) => {
      const refused = reply.statusCode >= 400 && reply.statusCode < 500;
      if (request.method !== "GET" && request.method !== "HEAD" && !refused) readCache.invalidate();
      done(null, payload);
    });
  }
  await app.register(healthRoutes, { ping: database.ping, version: platformVersion });
  await app.register(auditRoutes, { db: database.db, signer, now: () => clock.now() });
  for (const module of modules) await app.register(module.routes);

  if (config.demo) {
    await app.register(devMailboxRoutes, { db: database.db });
    app.get(
      "/api/v1/demo/accounts",
      {
        schema: {
          tags: ["demo"],
          summary: "Demo accounts and their passwords (demo mode only)",
          response: {
            200: z.object({
              accounts: z.array(
                z.object({
                  email: z.string(),
                  password: z.string(),
                  role: z.string(),
                  roleKey: z.string(),
                  name: z.string(),
                  organisation: z.string().nullable(),
                  totpSecret: z.string().nullable(),
                  totpCode: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ accounts: describeDemoAccounts(clock.now()) }),
    );
  }

  const root = options.webRoot ?? webRoot;
  const serveWeb = (options.serveWeb ?? true) && existsSync(`${root}/index.html`);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root,
      // Only sendFile, no routes of its own: the routes below say what is served. With
      // `wildcard: false` the plugin declared a route for every file it found, which clashed
      // with the favicon route below ("Method 'GET' already declared for route '/favicon.svg'")
      // and stopped `csp serve` as soon as the build had a favicon.
      serve: false,
      index: false,
      // The build writes .br and .gz copies of its text files (vite.config.ts): sent as the
      // browser accepts, with Vary: Accept-Encoding.
      preCompressed: true,
      setHeaders: (response, path) => {
        response.header(
          "cache-control",
          path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    app.get("/assets/*", { schema: { hide: true } }, (request, reply) =>
      reply.sendFile(`assets/${(request.params as { "*": string })["*"]}`),
    );
    for (const file of ["favicon.svg", "robots.txt"]) {
      if (existsSync(`${root}/${file}`)) {
        app.get(`/${file}`, { schema: { hide: true } }, (_request, reply) => reply.sendFile(file));
      }
    }
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isPage =
      request.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/assets/");
    if (serveWeb && isPage) {
      // Client-side routes all get the single-page app; it shows its own "not found".
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return handleApiNotFound(request, reply);
  });

  return {
    app,
    ctx,
    jobs,
    modules,
    startBackground() {
      const workers: JobWorker[] = [
        startJobWorker(database.db, clock, jobs, {
          pollMs: config.jobPollMs,
          onError: (error, job) =>
            app.log.error({ err: error, job: job?.id, kind: job?.kind }, "job failed"),
        }),
      ];
      const timers: NodeJS.Timeout[] = [];
      if (config.auditCheckpointMinutes > 0) {
        const checkpoint = () =>
          createAuditCheckpoint(database.db, clock, signer)
            .then((made) => made && app.log.info({ seq: made.seq }, "audit checkpoint signed"))
            .catch((error: unknown) => app.log.error({ err: error }, "audit checkpoint failed"));
        timers.push(setInterval(checkpoint, config.auditCheckpointMinutes * MINUTE));
        void checkpoint();
      }
      const housekeeping = () =>
        Promise.all(modules.map((module) => module.housekeeping?.())).catch((error: unknown) =>
          app.log.error({ err: error }, "housekeeping failed"),
        );
      timers.push(setInterval(housekeeping, 15 * MINUTE));
      for (const timer of timers) timer.unref();
      return {
        async stop() {
          for (const timer of timers) clearInterval(timer);
          await Promise.all(workers.map((worker) => worker.stop()));
        },
      };
    },
  };
}
