import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The challenges module's texts, one file per language, loaded with the language. */
export const challengesCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
