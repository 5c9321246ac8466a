import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The funding module's texts (sources, the finder, the deadline calendar), one file per language. */
export const fundingCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
