import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { ProblemSchema, problemResponses } from "../../core/http/contract.ts";
import { AppError, commonErrors } from "../../core/http/problem.ts";
import {
  changeDeliveryPreferences,
  deliveryPreferencesOf,
} from "./commands/delivery-preferences.ts";
import { notifyRecipients } from "./commands/notify.ts";
import { markNotificationsRead } from "./commands/read-notifications.ts";
import {
  DeliveryPreferences,
  DeliveryPreferencesBody,
  MarkReadBody,
  NotificationList,
  NotificationQuery,
  SampleNotificationBody,
  UnreadCount,
} from "./contract.ts";
import type { UnreadCountFeed } from "./live-counts.ts";
import { decodeCursor, encodeCursor, presentNotification } from "./presenters.ts";
import { countUnreadOf, listNotificationsOf } from "./repository.ts";

const tags = ["notifications"];

/**
 * The signed-in person's own notifications and delivery choices. Every query is scoped to the
 * caller, so nobody can read or mark anyone else's: there is no route that takes a person.
 */
export const notificationsRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  feed: UnreadCountFeed | null;
}> = async (app, { ctx, feed }) => {
  app.get(
    "/api/v1/me/notifications",
    {
      schema: {
        tags,
        summary: "Your notifications, newest first, a page at a time (keyset cursor)",
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { unread, limit, cursor } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      if (after === null) {
        throw commonErrors.validationFailed(undefined, {
          errors: [{ field: "query.cursor", message: "is not a cursor from this list" }],
        });
      }
      const [rows, unreadCount] = await Promise.all([
        listNotificationsOf(ctx.db, actor.userId, { unreadOnly: unread === "true", limit, after }),
        countUnreadOf(ctx.db, actor.userId),
      ]);
      const page = rows.slice(0, limit);
      return {
        notifications: page.map(presentNotification),
        unreadCount,
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      };
    },
  );

  app.get(
    "/api/v1/me/notifications/unread-count",
    {
      schema: {
        tags,
        summary: "How many of your notifications are unread (the web app polls this)",
        response: { 200: UnreadCount, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return { unreadCount: await countUnreadOf(ctx.db, actor.userId) };
    },
  );

  app.get(
    "/api/v1/me/notifications/stream",
    {
      // A stream lasts as long as the page: graceful shutdown does not wait for it.
      config: { stream: true },
      schema: {
        tags,
        summary: "Your unread count, live (server-sent events; ask with Accept: text/event-stream)",
        description:
          "Sends `event: unread` with `{ unreadCount }` at once and whenever it changes because a notification was made for you or you read some (in any tab), by any app process. Browsers use EventSource; it reconnects by itself.",
        response: { 406: ProblemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      if (!String(request.headers.accept ?? "").includes("text/event-stream")) {
        throw new AppError({
          status: 406,
          code: "event_stream_only",
          title: "This address sends server-sent events only",
          detail:
            "Ask with Accept: text/event-stream, or read /api/v1/me/notifications/unread-count.",
        });
      }
      if (!feed) throw commonErrors.notFound();
      // Listening starts before the count is read, so a change made in between is not missed.
      // A count announced before the stream opens may be older or newer than the one read here
      // (on PostgreSQL they come from two pooled connections): the feed reads once more.
      let open: ((unreadCount: number) => void) | null = null;
      let announcedEarly = false;
      const unsubscribe = await feed.subscribe(actor.userId, (count) => {
        if (open) open(count);
        else announcedEarly = true;
      });
      let unreadCount: number;
      try {
        unreadCount = await countUnreadOf(ctx.db, actor.userId);
      } catch (error) {
        unsubscribe();
        throw error;
      }
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      });
      // A count the page already has is not sent again (a re-read after a lost connection, or
      // one asked for twice, usually finds the same number).
      let sent: number | null = null;
      open = (count) => {
        if (count === sent) return;
        sent = count;
        stream.write(`event: unread\ndata: ${JSON.stringify({ unreadCount: count })}\n\n`);
      };
      stream.write("retry: 5000\n\n");
      open(unreadCount);
      if (announcedEarly) feed.announce(actor.userId);
      const heartbeat = setInterval(() => stream.write(": still here\n\n"), 25_000);
      heartbeat.unref();
      // The connection's close (the response's own fires early on a hijacked reply): the page
      // went away, or the app closed (the kernel force-closes connections once drained).
      request.raw.socket.once("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );

  app.post(
    "/api/v1/me/notifications/read",
    {
      schema: {
        tags,
        summary: "Mark some (ids) or all of your notifications read; answers the unread count",
        body: MarkReadBody,
        response: { 200: UnreadCount, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return { unreadCount: await markNotificationsRead(ctx, actor.userId, request.body) };
    },
  );

  app.get(
    "/api/v1/me/notification-preferences",
    {
      schema: {
        tags,
        summary: "How each kind of notification reaches you by e-mail",
        response: { 200: DeliveryPreferences, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return deliveryPreferencesOf(ctx.db, actor.userId);
    },
  );

  app.put(
    "/api/v1/me/notification-preferences",
    {
      schema: {
        tags,
        summary: "Choose the e-mail delivery of some kinds: immediately, daily, weekly or off",
        body: DeliveryPreferencesBody,
        response: { 200: DeliveryPreferences, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return changeDeliveryPreferences(ctx, actor.userId, request.body.preferences);
    },
  );

  if (ctx.demo) {
    // Lets a visitor of the demo (and the browser tests) see a notification arrive before any
    // challenge exists; absent outside demo mode, like the other /demo routes.
    app.post(
      "/api/v1/demo/notifications",
      {
        schema: {
          tags: ["demo"],
          summary: "Send yourself a sample notification (demo mode only)",
          body: SampleNotificationBody,
          response: { 201: UnreadCount, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        await ctx.db.transaction((tx) =>
          notifyRecipients(ctx, tx, {
            recipients: [actor.userId],
            kind: request.body.kind,
            params: { challenge: "Cooler schoolyards", search: "heat" },
            link: "/notifications",
          }),
        );
        return reply.status(201).send({ unreadCount: await countUnreadOf(ctx.db, actor.userId) });
      },
    );
  }
};
