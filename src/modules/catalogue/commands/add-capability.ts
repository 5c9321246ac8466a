import type { ServiceContext } from "../../../core/context.ts";
import { recordCapabilityEvent } from "../audit.ts";
import type { CreateCapabilityBody } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import {
  type CapabilityRow,
  findCapability,
  insertCapabilityIfNew,
  nextCapabilityPosition,
} from "../repository-taxonomy.ts";

/**
 * A platform admin extends the taxonomy with a code under an existing one. Admins' codes are
 * never touched by the taxonomy refresh at start.
 */
export async function addCapability(
  ctx: ServiceContext,
  actorId: string,
  input: {
    code: string;
    parent: string | null;
    labels: { en: string; fr?: string | undefined; es?: string | undefined };
    synonyms: NonNullable<CreateCapabilityBody["synonyms"]>;
  },
): Promise<CapabilityRow> {
  return ctx.db.transaction(async (tx) => {
    if (input.parent !== null) {
      if (!(await findCapability(tx, input.parent))) {
        throw catalogueErrors.capabilityNotFound(undefined, {
          errors: [{ field: "body.parent", message: `${input.parent} is not a capability code` }],
        });
      }
      const segment = input.code.slice(input.parent.length + 1);
      if (!input.code.startsWith(`${input.parent}.`) || !segment || segment.includes(".")) {
        throw catalogueErrors.capabilityCodeMismatch(undefined, {
          errors: [{ field: "body.code", message: `must be ${input.parent}.<one-more-segment>` }],
        });
      }
    } else if (input.code.includes(".")) {
      throw catalogueErrors.capabilityCodeMismatch(undefined, {
        errors: [{ field: "body.parent", message: `is required for ${input.code}` }],
      });
    }
    const labels = Object.fromEntries(
      Object.entries(input.labels).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const synonyms = Object.fromEntries(
      Object.entries(input.synonyms)
        .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
        .map(([locale, terms]) => [locale, [...new Set(terms)]]),
    );
    const inserted = await insertCapabilityIfNew(tx, {
      code: input.code,
      parentCode: input.parent,
      labels,
      synonyms: {},
      addedSynonyms: synonyms,
      builtIn: false,
      position: await nextCapabilityPosition(tx),
      createdBy: actorId,
      createdAt: ctx.clock.now(),
    });
    if (!inserted) {
      throw catalogueErrors.capabilityExists(undefined, {
        errors: [{ field: "body.code", message: "is taken" }],
      });
    }
    await recordCapabilityEvent(tx, ctx.clock, {
      action: "capability.created",
      actorId,
      subjectId: inserted.code,
      payload: { parent: inserted.parentCode, labels },
    });
    return inserted;
  });
}
