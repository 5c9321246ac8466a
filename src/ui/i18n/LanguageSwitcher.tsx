import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isUiLocale, supportedLocales, switchLocale, type UiLocale } from "./i18n.ts";

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
const ownNames: Record<UiLocale, string> = { en: "English", fr: "Français", es: "Español" };

interface LanguageSwitcherProps {
  /** Called after the switch, e.g. to save the choice to a signed-in person's profile. */
  onSwitched?: (locale: UiLocale) => void;
}

export function LanguageSwitcher({ onSwitched }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation("ui");
  const id = useId();
  const [switching, setSwitching] = useState(false);
  const value = isUiLocale(i18n.language) ? i18n.language : "en";

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        {t("language.label")}
      </label>
      <select
        id={id}
        value={value}
        disabled={switching}
        aria-busy={switching}
        onChange={async (event) => {
          const next = event.target.value;
          if (!isUiLocale(next)) return;
          setSwitching(true);
          try {
            await switchLocale(next);
            onSwitched?.(next);
          } finally {
            setSwitching(false);
          }
        }}
      >
        {supportedLocales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {ownNames[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function languageName(locale: UiLocale): string {
  return ownNames[locale];
}
