import { createHash } from "node:crypto";
import type { ServiceContext } from "../../../core/context.ts";
import { recordOrganisationEvent } from "../audit.ts";
import type { UpdateOrganisationBody } from "../contract.ts";
import { organisationErrors } from "../errors.ts";
import {
  deleteLogo,
  type OrganisationRow,
  saveLogo,
  updateOrganisation as updateRow,
} from "../repository.ts";

export async function updateOrganisation(
  ctx: ServiceContext,
  actorId: string,
  organisation: OrganisationRow,
  patch: UpdateOrganisationBody,
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
  if (organisation.kind === "city" && "country" in changes) {
    // A city organisation's country is its city's.
    delete changes.country;
  }
  // Counted after dropping what is ignored, so the audit names only fields really written.
  const fields = Object.keys(changes);
  if (fields.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await updateRow(tx, organisation.id, { ...changes, updatedAt: ctx.clock.now() });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.updated",
      actorId,
      subjectId: organisation.id,
      payload: { fields },
    });
  });
}

export const LOGO_MAX_BYTES = 512 * 1024;

/** Recognises the image by its first bytes, never by a name or a declared type. */
export function sniffImageType(bytes: Buffer): "image/png" | "image/jpeg" | "image/webp" | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return "image/png";
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "image/jpeg";
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
    bytes.subarray(8, 12).toString("latin1") === "WEBP"
  ) {
    return "image/webp";
  }
  return null;
}

export async function replaceLogo(
  ctx: ServiceContext,
  actorId: string,
  organisationId: string,
  bytes: Buffer | null,
): Promise<void> {
  let logo: { contentType: string; sha256: string } | null = null;
  if (bytes) {
    if (bytes.length > LOGO_MAX_BYTES) throw organisationErrors.logoTooLarge();
    const contentType = sniffImageType(bytes);
    if (!contentType) throw organisationErrors.logoNotAccepted();
    logo = { contentType, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  await ctx.db.transaction(async (tx) => {
    if (bytes && logo) {
      await saveLogo(tx, { organisationId, bytes, ...logo, updatedAt: ctx.clock.now() });
    } else {
      await deleteLogo(tx, organisationId);
    }
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.logo_changed",
      actorId,
      subjectId: organisationId,
      payload: { sha256: logo?.sha256 ?? null },
    });
  });
}
