import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./problem.ts";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Starts shutting down gracefully: from now on every new request is answered 503 (and its
     * connection closed), while those already in flight run to their end. Resolves once none
     * is left, or after `timeoutMs`, whichever comes first; then close the app.
     */
    drain(timeoutMs: number): Promise<void>;
  }
}

/**
 * Graceful shutdown's first half. Closing the listener at once would refuse new connections
 * while a load balancer still sends to this process; answering them 503 tells it to try another
 * one, and the requests already in flight still get their answers. `isDraining` lets what
 * answers before Fastify's hooks (kept reads, in the kernel) step aside.
 */
export function enableDraining(app: FastifyInstance): { isDraining: () => boolean } {
  const inFlight = new Set<FastifyRequest>();
  let draining = false;
  let settle: (() => void) | null = null;
  const finished = (request: FastifyRequest) => {
    inFlight.delete(request);
    if (draining && inFlight.size === 0) settle?.();
  };
  // Callback hooks: an async one costs a promise and a microtask turn on every request.
  app.addHook("onRequest", (request, reply, done) => {
    if (draining) {
      reply.header("connection", "close");
      return done(
        new AppError({
          status: 503,
          code: "shutting_down",
          title: "The service is restarting",
          detail: "This server is shutting down. Try again in a few seconds.",
          headers: { "retry-after": "5" },
        }),
      );
    }
    if (request.routeOptions.config?.stream !== true) inFlight.add(request);
    done();
  });
  app.addHook("onResponse", (request, _reply, done) => {
    finished(request);
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    finished(request);
    done();
  });
  app.decorate("drain", (timeoutMs: number) => {
    draining = true;
    if (inFlight.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      settle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  });
  return { isDraining: () => draining };
}
