import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The hackathons module's texts, one file per language. */
export const hackathonsCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
