import type { Db } from "../../../core/db/client.ts";
import { catalogueErrors } from "../errors.ts";
import { existingCapabilityCodes } from "../repository-taxonomy.ts";

/** Refuses codes that are not in the taxonomy, naming each offending entry of the list. */
export async function requireKnownCapabilities(db: Db, codes: string[]): Promise<void> {
  const known = await existingCapabilityCodes(db, codes);
  const errors = codes.flatMap((code, index) =>
    known.has(code)
      ? []
      : [{ field: `body.capabilities.${index}`, message: `${code} is not a capability code` }],
  );
  if (errors.length) throw catalogueErrors.unknownCapability(undefined, { errors });
}
