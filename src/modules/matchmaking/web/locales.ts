import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The matchmaking module's texts (recommendations and their explanations), one file per language. */
export const matchmakingCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
