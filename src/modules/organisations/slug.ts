import { randomBytes } from "node:crypto";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "organisation";
}

/**
 * Readable addresses for a name, in order of preference: "acme", "acme-2", "acme-3"… and, as a
 * last resort, one with a random suffix.
 */
export function* slugCandidates(name: string): Generator<string> {
  const base = slugify(name);
  yield base;
  for (let n = 2; n < 1000; n++) yield `${base}-${n}`;
  yield `${base}-${randomBytes(4).toString("hex")}`;
}
