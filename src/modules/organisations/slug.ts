import type { Db } from "../../core/db/client.ts";
import { slugTaken } from "./repository.ts";

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

/** A readable address for the organisation, numbered when the name is already used. */
export async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await slugTaken(db, base))) return base;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}
