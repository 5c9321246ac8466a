import i18next from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * Translations: one namespace per module (and one for this kernel), one JSON file per language,
 * loaded on demand so the first page carries only the language in use. A language is loaded
 * completely before the switch, so no text flickers in the wrong language.
 */
export const supportedLocales = ["en", "fr", "es"] as const;
export type UiLocale = (typeof supportedLocales)[number];

export type CatalogueLoader = (locale: UiLocale) => Promise<Record<string, unknown>>;

const STORAGE_KEY = "csp.locale";
const catalogues = new Map<string, CatalogueLoader>();
const uiFiles = import.meta.glob<Record<string, unknown>>("./locales/*.json", {
  import: "default",
});

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** Modules call this (through the app) before the app starts. */
export function registerCatalogue(namespace: string, loader: CatalogueLoader): void {
  catalogues.set(namespace, loader);
}

registerCatalogue("ui", (locale) => uiFiles[`./locales/${locale}.json`]!());

async function loadLocale(locale: UiLocale): Promise<void> {
  await Promise.all(
    [...catalogues].map(async ([namespace, load]) => {
      if (i18next.hasResourceBundle(locale, namespace)) return;
      i18next.addResourceBundle(locale, namespace, await load(locale), true, true);
    }),
  );
}

function storedLocale(): UiLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLocale(): UiLocale {
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.slice(0, 2).toLowerCase();
    if (isUiLocale(base)) return base;
  }
  return "en";
}

function announceLocale(locale: UiLocale): void {
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export async function startI18n(): Promise<void> {
  const locale = storedLocale() ?? browserLocale();
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...supportedLocales],
    ns: [...catalogues.keys()],
    defaultNS: "ui",
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  await loadLocale(locale);
  // init ran before the bundles were there; emit the change so bound components render them.
  await i18next.changeLanguage(locale);
  announceLocale(locale);
}

export async function switchLocale(locale: UiLocale): Promise<void> {
  await loadLocale(locale);
  await i18next.changeLanguage(locale);
  announceLocale(locale);
}

export function currentLocale(): UiLocale {
  return isUiLocale(i18next.language) ? i18next.language : "en";
}
