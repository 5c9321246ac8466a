import type { Db } from "../../../core/db/client.ts";
import { type MediaItem, uploadedMediaOf } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { existingMediaFileIds } from "../repository-media.ts";
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

/** The ids of the uploaded images a media list names. */
export function uploadedFileIds(media: MediaItem[]): string[] {
  return media.flatMap((item) => {
    const uploaded = uploadedMediaOf(item.url);
    return uploaded ? [uploaded.fileId] : [];
  });
}

/**
 * Images of the platform enter a media list only through an upload to the same solution: an
 * entry naming another solution's image, or one that does not exist (yet: a new solution has
 * none), is refused, each named. `solutionId` is null for a solution being created.
 */
export async function requireOwnMedia(
  db: Db,
  solutionId: string | null,
  media: MediaItem[],
  options: { field?: string; detail?: string } = {},
): Promise<void> {
  const field = options.field ?? "body.media";
  const wanted = media.flatMap((item, index) => {
    const uploaded = uploadedMediaOf(item.url);
    return uploaded ? [{ ...uploaded, index }] : [];
  });
  if (wanted.length === 0) return;
  const existing = solutionId
    ? await existingMediaFileIds(
        db,
        solutionId,
        wanted.map((entry) => entry.fileId),
      )
    : new Set<string>();
  const errors = wanted.flatMap((entry) =>
    entry.solutionId === solutionId && existing.has(entry.fileId)
      ? []
      : [
          {
            field: `${field}.${entry.index}.url`,
            message: "is not an image uploaded to this solution",
          },
        ],
  );
  if (errors.length) throw catalogueErrors.mediaNotUploaded(options.detail, { errors });
}
