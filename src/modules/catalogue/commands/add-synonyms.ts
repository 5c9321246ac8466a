import type { ServiceContext } from "../../../core/context.ts";
import { recordCapabilityEvent } from "../audit.ts";
import { catalogueErrors } from "../errors.ts";
import {
  type CapabilityRow,
  lockCapability,
  refreshCapabilityTerms,
  setAddedSynonyms,
} from "../repository-taxonomy.ts";
import { allSynonyms } from "../taxonomy.ts";

/**
 * A platform admin adds synonyms to a capability (built-in or not). They are kept apart from
 * the shipped ones, so a release's taxonomy refresh keeps them; the solutions carrying the
 * capability are found by the new terms at once.
 */
export async function addSynonyms(
  ctx: ServiceContext,
  actorId: string,
  code: string,
  input: { locale: string; synonyms: string[] },
): Promise<CapabilityRow> {
  return ctx.db.transaction(async (tx) => {
    const capability = await lockCapability(tx, code);
    if (!capability) throw catalogueErrors.capabilityNotFound();
    const known = new Set(
      (allSynonyms(capability)[input.locale] ?? []).map((term) => term.toLowerCase()),
    );
    const fresh = [...new Set(input.synonyms)].filter((term) => !known.has(term.toLowerCase()));
    if (fresh.length === 0) return capability;
    const addedSynonyms = {
      ...capability.addedSynonyms,
      [input.locale]: [...(capability.addedSynonyms[input.locale] ?? []), ...fresh],
    };
    await setAddedSynonyms(tx, code, addedSynonyms);
    await refreshCapabilityTerms(tx, { capabilityCode: code });
    await recordCapabilityEvent(tx, ctx.clock, {
      action: "capability.synonyms_added",
      actorId,
      subjectId: code,
      payload: { locale: input.locale, synonyms: fresh },
    });
    return { ...capability, addedSynonyms };
  });
}
