import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** A calendar day as the API sends it ("2024-05-01"): no time, no zone. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Numbers, dates and durations in this language. `timeZone` is the reader's (the browser's own
 * when not given); a calendar day is the same day in every zone.
 */
export function formattersFor(locale: string, timeZone?: string) {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  // "2024-05-01" parses as midnight UTC: shown in the reader's zone it would be 30 April in the
  // Americas. A day is written as the day it is.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return {
    number: (value: number) => number.format(value),
    /** 0.87 → "87 %" in French, "87%" in English. */
    percent: (fraction: number) => percent.format(fraction),
    /** A moment's date in the reader's zone, or a calendar day as it is. */
    date: (iso: string) =>
      CALENDAR_DAY.test(iso)
        ? day.format(new Date(`${iso}T00:00:00Z`))
        : date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** "in 3 minutes", "dans 3 minutes": for waits the server asks for. */
    waitFor: (seconds: number) =>
      seconds < 90
        ? relative.format(Math.max(1, Math.round(seconds)), "second")
        : relative.format(Math.ceil(seconds / 60), "minute"),
  };
}

/** Numbers, dates and durations in the reader's language. */
export function useFormatting() {
  const { i18n } = useTranslation();
  const locale = i18n.language || "en";
  return useMemo(() => formattersFor(locale), [locale]);
}
