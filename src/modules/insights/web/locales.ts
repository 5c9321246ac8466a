import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The insights module's texts (impact dashboards), one file per language. */
export const insightsCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
