import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The exchange module's texts (bulk import), one file per language. */
export const exchangeCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
