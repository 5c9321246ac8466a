import type { OrganisationSummary } from "../contract.ts";

/**
 * Logos change rarely and are cached for minutes; after an upload on this page the version
 * bump makes the browser fetch the new one.
 */
const logoVersions = new Map<string, number>();

export function bumpLogoVersion(id: string): void {
  logoVersions.set(id, Date.now());
}

export function logoAddress(id: string): string {
  const version = logoVersions.get(id);
  return `/api/v1/organisations/${id}/logo${version ? `?v=${version}` : ""}`;
}

const initialsOf = (name: string) =>
  name
    .split(/[\s—–-]+/)
    // Significant words only: "City of Copenhagen" gives CC, not CO.
    .filter((word) => /^\p{Lu}|^\p{Lo}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");

/** The logo, or the name's initials; decorative, since the name is always next to it. */
export function OrganisationLogo({
  organisation,
  large = false,
}: {
  organisation: Pick<OrganisationSummary, "id" | "name" | "hasLogo">;
  large?: boolean;
}) {
  return (
    <span className={`avatar${large ? " avatar--large" : ""}`} aria-hidden="true">
      {organisation.hasLogo ? (
        <img src={logoAddress(organisation.id)} alt="" loading="lazy" />
      ) : (
        initialsOf(organisation.name)
      )}
    </span>
  );
}
