import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Numbers, dates and durations in the reader's language. */
export function useFormatting() {
  const { i18n } = useTranslation();
  const locale = i18n.language || "en";
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      number: (value: number) => number.format(value),
      /** 0.87 → "87 %" in French, "87%" in English. */
      percent: (fraction: number) => percent.format(fraction),
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "in 3 minutes", "dans 3 minutes": for waits the server asks for. */
      waitFor: (seconds: number) =>
        seconds < 90
          ? relative.format(Math.max(1, Math.round(seconds)), "second")
          : relative.format(Math.ceil(seconds / 60), "minute"),
    };
  }, [locale]);
}
