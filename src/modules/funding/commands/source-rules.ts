import type { Db } from "../../../core/db/client.ts";
import { organisationExists } from "../../organisations/index.ts";
import { fundingErrors } from "../errors.ts";

/** The funder must be a funder organisation on the platform. */
export async function requireFunder(
  db: Db,
  funderId: string,
): Promise<{ id: string; name: string }> {
  const organisation = await organisationExists(db, funderId);
  if (organisation?.kind !== "funder") {
    throw fundingErrors.notAFunder(undefined, {
      errors: [{ field: "body.funderId", message: "must be a funder organisation" }],
    });
  }
  return organisation;
}
