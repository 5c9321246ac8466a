import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The consortia module's texts (suggested teams, consortium pages), one file per language. */
export const consortiaCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
