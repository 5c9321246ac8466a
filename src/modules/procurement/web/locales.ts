import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The procurement module's texts (proposals, receipts), one file per language. */
export const procurementCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
