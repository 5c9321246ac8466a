import type { CatalogueLoader } from "../../ui/i18n/i18n.ts";

const files = import.meta.glob<Record<string, unknown>>("./locales/*.json", { import: "default" });

/** The app shell's own texts: navigation, home page, mailbox, admin area. */
export const appCatalogue: CatalogueLoader = (locale) => files[`./locales/${locale}.json`]!();
