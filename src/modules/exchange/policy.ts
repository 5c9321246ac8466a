import { type Actor, hasPlatformRole, requireVerifiedUser } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import { exchangeErrors } from "./errors.ts";

/**
 * Who may import what. Platform admins (and the CLI, which acts as the platform) import
 * anything. A cluster's admins import their cluster's member organisations (existing active
 * members, or new companies and research institutes that join it by the import) and those
 * members' solutions; any other record of their file is refused with its reason. Everyone else
 * is refused. Exports are public.
 */
export type Importer =
  | { kind: "platform"; actorId: string | null }
  | { kind: "cluster"; actorId: string; clusterId: string; clusterName: string };

/** Whose refs a file's refs are: the platform's, or one cluster's. */
export function scopeOf(importer: Importer): string {
  return importer.kind === "platform" ? "platform" : `cluster:${importer.clusterId}`;
}

export async function importerFor(
  db: Db,
  actor: Actor,
  requestedCluster: string | undefined,
): Promise<Importer> {
  const user = requireVerifiedUser(actor);
  if (hasPlatformRole(user, "admin") && !requestedCluster) {
    return { kind: "platform", actorId: user.userId };
  }
  const administered = (await currentOrganisationsOf(db, user.userId))
    .filter((row) => row.kind === "cluster" && row.role === "admin")
    .map((row) => row.organisationId);
  if (administered.length === 0) throw exchangeErrors.importNotAllowed();
  let clusterId = requestedCluster;
  if (!clusterId) {
    if (administered.length > 1) {
      throw exchangeErrors.clusterAmbiguous(
        "You administer several clusters: add ?cluster=<id> to say which one imports.",
        {
          errors: [
            { field: "query.cluster", message: "is required when you administer several clusters" },
          ],
        },
      );
    }
    clusterId = administered[0]!;
  }
  if (!administered.includes(clusterId)) {
    throw commonErrors.forbidden("You are not an admin of that cluster.");
  }
  const cluster = (await organisationSummaries(db, [clusterId])).get(clusterId);
  return {
    kind: "cluster",
    actorId: user.userId,
    clusterId,
    clusterName: cluster?.name ?? clusterId,
  };
}
