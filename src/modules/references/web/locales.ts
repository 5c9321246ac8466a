import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The references module's texts (references on solution and organisation pages), one file per language. */
export const referencesCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
