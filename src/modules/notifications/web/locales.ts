import type { CatalogueLoader } from "../../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/**
 * The notifications module's texts, one file per language. Their "kinds" hold the same wording
 * as the e-mails (texts.ts on the server); a test keeps the two equal.
 */
export const notificationsCatalogue: CatalogueLoader = (locale) =>
  files[`./locales/${locale}.json`]!();
