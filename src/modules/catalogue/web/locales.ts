import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The catalogue module's texts (solutions, capabilities, portfolios), one file per language. */
export const catalogueCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
