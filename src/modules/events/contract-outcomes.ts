import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { EventKind } from "./contract.ts";

/**
 * What came out of a workshop or meeting: the hosts' notes, ideas, and the challenges and
 * catalogue solutions it worked on. Shared by the server and the pages.
 */

const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const Idea = z.strictObject({
  title: Text(200).min(1, "is required"),
  text: Text(4000).default(""),
});

export const OutcomesBody = z
  .strictObject({
    /** Markdown. */
    notes: Text(20_000).default(""),
    ideas: z.array(Idea).max(50, "at most 50 ideas").default([]),
    challengeIds: z.array(Uuid).max(10, "at most 10 challenges").default([]),
    solutionIds: z.array(Uuid).max(20, "at most 20 solutions").default([]),
  })
  .superRefine((body, context) => {
    for (const key of ["challengeIds", "solutionIds"] as const) {
      body[key].forEach((id, index) => {
        if (body[key].indexOf(id) !== index) {
          context.addIssue({ code: "custom", path: [key, index], message: "is named twice" });
        }
      });
    }
  });
export type OutcomesBody = z.input<typeof OutcomesBody>;
export type OutcomesDetails = z.output<typeof OutcomesBody>;

export const EventOutcomes = z
  .object({
    notes: z.string(),
    /** The notes rendered from Markdown with raw HTML disabled. */
    notesHtml: z.string(),
    ideas: z.array(z.object({ title: z.string(), text: z.string() })),
    /** Only those still public. */
    challenges: z.array(z.object({ id: Uuid, title: z.string() })),
    solutions: z.array(z.object({ id: Uuid, title: z.string() })),
    recordedAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: "EventOutcomes" });
export type EventOutcomes = z.infer<typeof EventOutcomes>;

export const OutcomesView = z.object({
  /** Null until the hosts record them. */
  outcomes: EventOutcomes.nullable(),
  /** You may record them now: a host (or admin) of a published workshop or meeting that ended. */
  canRecord: z.boolean(),
});
export type OutcomesView = z.infer<typeof OutcomesView>;

export const ChallengeOutcomesQuery = z.strictObject({ challengeId: Uuid });

export const ChallengeOutcomes = z.object({
  outcomes: z.array(
    EventOutcomes.extend({
      event: z.object({
        id: Uuid,
        kind: EventKind,
        title: z.string(),
        startsAt: IsoDateTime,
        endsAt: IsoDateTime,
        timeZone: z.string(),
      }),
    }),
  ),
});
export type ChallengeOutcomes = z.infer<typeof ChallengeOutcomes>;
