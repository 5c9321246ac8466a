import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { ProblemSchema } from "../http/contract.ts";
import { listDevMailbox } from "./mailer.ts";

/** Demo mode only: the mails the platform sent, so links can be followed without a mail server. */
export const devMailboxRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/v1/dev/mail",
    {
      schema: {
        tags: ["demo"],
        summary: "Mails sent in demo mode (not available outside demo mode)",
        querystring: z.strictObject({ to: z.string().max(254).optional() }),
        response: {
          400: ProblemSchema,
          200: z.object({
            mails: z.array(
              z.object({
                id: z.number().int(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
                sentAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listDevMailbox(db, { limit: 200, to: request.query.to });
      return {
        mails: rows.map((row) => ({
          id: row.id,
          to: row.to,
          subject: row.subject,
          text: row.text,
          sentAt: row.sentAt.toISOString(),
        })),
      };
    },
  );
};
