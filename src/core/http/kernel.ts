import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import helmet, { type HelmetOptions } from "helmet";
import { type Actor, anonymous } from "../auth/actor.ts";
import { type Credentials, CSRF_HEADER, SESSION_COOKIE } from "../auth/session-cookie.ts";
import { registerCompression } from "./compression.ts";
import { enableDraining } from "./draining.ts";
import { handleApiNotFound, handleError } from "./error-handler.ts";
import { AppError, commonErrors } from "./problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    /** The session's anti-forgery token when the caller used the session cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes that cookie writes may reach without a CSRF token (sign-in). */
    csrf?: boolean;
    /** A long-lived response (server-sent events): draining does not wait for it. */
    stream?: boolean;
  }
}

export interface Authenticated {
  actor: Actor;
  csrfToken: string | null;
}

export type Authenticate = (credentials: Credentials) => Promise<Authenticated>;

export interface KernelOptions {
  logLevel: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  publicUrl: string;
  version: string;
  authenticate: Authenticate;
  /** Pretty logs for people at a terminal; JSON lines otherwise. */
  prettyLogs?: boolean;
  /** Where the JSON log lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
}

export type App = FastifyInstance & ReturnType<FastifyInstance["withTypeProvider"]>;

/** An answer kept for anyone: its representation headers (type, length, encoding) and bytes. */
export interface KeptRead {
  headers: Readonly<Record<string, string | number>>;
  body: Buffer;
}

/** The answer kept for an anonymous GET of this address, in an encoding the caller accepts. */
export type KeptReadLookup = (
  url: string,
  acceptEncoding: string | undefined,
) => KeptRead | undefined;

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Lets the HTTP server send answers kept for anyone before Fastify routes the request (see
     * `createHttpKernel`). Only answers over a socket: `inject` goes through the routes.
     */
    sendKeptReadsFirst(lookup: KeptReadLookup): void;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The headers helmet sets with these options, read once off a stand-in response. */
function helmetHeaders(helmetOptions: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: () => {},
  };
  let failure: unknown = null;
  helmet(helmetOptions)({} as never, response as never, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * The HTTP kernel every module's routes are registered on: zod validation and serialisation,
 * OpenAPI 3.1 from those schemas, problem+json errors, security headers, the caller's identity
 * on every request, and CSRF protection for writes made with the session cookie.
 */
export async function createHttpKernel(options: KernelOptions) {
  // A public read kept in the read cache (the challenge list, a search) is the same bytes for
  // every anonymous caller. Routing it through Fastify (request and reply objects, a child
  // logger, query validation, six hooks, the handler's promise) cost about as much server CPU
  // again as sending it, so the HTTP server sends such an answer itself, as a caching proxy in
  // front would. Only for a GET without credentials, of an address the route has answered
  // before (so it was validated then), and not while draining; every other request, and every
  // address not kept, goes through the routes as before.
  let keptReads: KeptReadLookup | null = null;
  let isDraining = () => false;
  const logsRequests = ["info", "debug", "trace"].includes(options.logLevel);
  const sendKept = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== "GET" || request.headers.authorization || isDraining()) return false;
    if (request.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return false;
    const url = request.url ?? "";
    if (!isApiAnswer(url)) return false;
    const kept = keptReads?.(url, request.headers["accept-encoding"]);
    if (!kept) return false;
    response.writeHead(200, {
      ...apiSecurityHeaders,
      "cache-control": "no-store",
      ...kept.headers,
    });
    response.end(kept.body);
    // Fastify logs each request it routes at info level; these are logged here instead.
    if (logsRequests) {
      app.log.info(
        { req: { method: request.method, url }, res: { statusCode: 200 } },
        "request answered from the read cache",
      );
    }
    return true;
  };
  const app = Fastify({
    // The server Fastify would make (same timeouts), with kept reads answered first.
    serverFactory: (handler, fastifyOptions) => {
      // Fastify hands over its options with its defaults filled in.
      const serverOptions = fastifyOptions as {
        keepAliveTimeout: number;
        requestTimeout: number;
        connectionTimeout: number;
      };
      const server = createServer((request, response) => {
        if (keptReads === null || !sendKept(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = serverOptions.keepAliveTimeout;
      server.requestTimeout = serverOptions.requestTimeout;
      server.setTimeout(serverOptions.connectionTimeout);
      return server;
    },
    logger: {
      level: options.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", `req.headers["${CSRF_HEADER}"]`],
      ...(options.prettyLogs
        ? {
            transport: {
              target: "pino-pretty",
              options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" },
            },
          }
        : {}),
      ...(options.logStream && !options.prettyLogs ? { stream: options.logStream } : {}),
    },
    bodyLimit: options.bodyLimitBytes,
    // Closing cuts every connection left: requests in flight were let finish before (drain),
    // and long-lived streams and idle keep-alive connections must not hold the process open.
    forceCloseConnections: true,
    trustProxy: options.trustProxy,
    // Unknown query keys and route parameters are rejected by zod's strict objects.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Fastify parses text/plain bodies by default, so a text body reached the JSON schemas and
  // was answered "400 body must be an object". The API takes JSON only: other types get 415.
  app.removeContentTypeParser("text/plain");

  await app.register(fastifyCookie);
  // Security headers: helmet works them out from its options, so it runs once here and every
  // answer gets the same headers (its Fastify plugin rebuilt them on each request: 7% of the CPU
  // of a kept catalogue read).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.publicUrl.startsWith("https://"),
  });
  // Hooks on every request take Fastify's callback form where they need not wait: an async hook
  // costs a promise and a microtask turn per request, which a kept read (tens of microseconds of
  // server CPU in all) feels.
  // An API answer is data, never a document to render: it gets the short set OWASP's REST
  // cheat sheet names, with a policy that lets nothing load or run should it be opened as a
  // page. Stricter than the pages' policy, and seven headers (about 450 bytes) fewer for every
  // client to parse on every call. The API's own documentation pages are pages.
  const apiSecurityHeaders: Record<string, string> = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
    ...(securityHeaders["strict-transport-security"]
      ? { "strict-transport-security": securityHeaders["strict-transport-security"] }
      : {}),
  };
  const isApiAnswer = (url: string) => url.startsWith("/api/") && !url.startsWith("/api/docs");
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(isApiAnswer(request.url) ? apiSecurityHeaders : securityHeaders);
    done();
  });

  await registerCompression(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "City Solutions Platform API",
        version: options.version,
        description:
          "Cities and cleantech solution providers working on urban climate challenges. Errors are RFC 9457 problem+json. " +
          "Authenticate with the session cookie (web app; writes need the X-CSRF-Token header from GET /api/v1/session) " +
          "or a personal API token as `Authorization: Bearer …`.",
        license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Personal API token (csp_pat_…)" },
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    uiConfig: { deepLinking: true, tryItOutEnabled: false },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // First of the request hooks: while shutting down, new requests stop here (no database work).
  isDraining = enableDraining(app).isDraining;
  app.decorate("sendKeptReadsFirst", (lookup: KeptReadLookup) => {
    keptReads = lookup;
  });
  app.decorateRequest("actor", null as never);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", (request, reply, done) => {
    request.actor = anonymous;
    request.csrfToken = null;
    if (!request.url.startsWith("/api/")) return done();
    reply.header("cache-control", "no-store");
    const authorization = request.headers.authorization;
    const bearerToken = authorization?.toLowerCase().startsWith("bearer ")
      ? authorization.slice(7).trim()
      : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!bearerToken && !sessionToken) return done();
    options.authenticate({ bearerToken, sessionToken }).then(({ actor, csrfToken }) => {
      request.actor = actor;
      request.csrfToken = csrfToken;
      done();
    }, done);
  });
  // PostgreSQL cannot store the NUL character in text: refuse it here, naming the field, rather
  // than let any route reach the database with it and answer 500.
  app.addHook("preValidation", (request, _reply, done) => {
    const found = [
      ...pathsToNul(request.params, "params"),
      ...pathsToNul(request.query, "query"),
      ...pathsToNul(request.body, "body"),
    ];
    if (found.length === 0) return done();
    done(
      commonErrors.validationFailed(`${found.join(", ")}: the NUL character is not allowed.`, {
        errors: found.map((field) => ({ field, message: "must not contain the NUL character" })),
      }),
    );
  });
  app.addHook("preHandler", (request, _reply, done) => {
    if (!unsafeMethods.has(request.method)) return done();
    if (request.routeOptions.config?.csrf === false) return done();
    if (request.actor.kind !== "user" || request.actor.via !== "session") return done();
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
      return done(
        new AppError({
          status: 403,
          code: "csrf_token_invalid",
          title: "Missing or invalid anti-forgery token",
          detail: `Send the X-CSRF-Token header with the token from GET /api/v1/session.`,
        }),
      );
    }
    done();
  });
  // Every refusal, once, whoever refused it (a route, a policy, the CSRF check): who asked, for
  // which route (its pattern), about which object (the path's parameters; null when it has none).
  app.addHook("onResponse", (request, reply, done) => {
    if (reply.statusCode === 401 || reply.statusCode === 403) {
      const params = (request.params ?? {}) as Record<string, unknown>;
      request.log.warn(
        {
          actor: request.actor.kind === "user" ? request.actor.userId : "anonymous",
          route: `${request.method} ${request.routeOptions.url ?? request.url.split("?")[0]}`,
          object: Object.keys(params).length > 0 ? params : null,
          status: reply.statusCode,
        },
        "access refused",
      );
    }
    done();
  });

  return app;
}

export type HttpKernel = Awaited<ReturnType<typeof createHttpKernel>>;

export { handleApiNotFound };

/** Every place in a parsed request part where a string holds U+0000, as "body.kpis.0.unit". */
export function pathsToNul(
  value: unknown,
  path: string,
  found: string[] = [],
  depth = 0,
): string[] {
  if (found.length >= 20) return found;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path);
    return found;
  }
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) {
    return found;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) found.push(`${path}.${key.replaceAll("\u0000", "\\u0000")}`);
    else pathsToNul(inner, `${path}.${key}`, found, depth + 1);
  }
  return found;
}
