import { useMemo } from "react";
import { useTranslation } from "react-i18next";

const DAY_MS = 86_400_000;

/** Whole days from now until a deadline (0 on its last day, negative once passed). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.floor((new Date(iso).getTime() - now) / DAY_MS);
}

/** "2026-12-01T14:30" for a datetime-local input, in the browser's zone. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** A datetime-local value, read in the browser's zone, as an ISO instant; undefined if empty. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Deadlines in the viewer's zone, with the zone named, and the days left. */
export function useDeadlineFormat() {
  const { t, i18n } = useTranslation("challenges");
  const locale = i18n.language || "en";
  return useMemo(() => {
    const withZone = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    return {
      dateTime: (iso: string) => withZone.format(new Date(iso)),
      daysLeft: (iso: string) => {
        const days = daysUntil(iso);
        return days < 0 ? t("deadline.passed") : t("deadline.daysLeft", { count: days });
      },
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
  }, [locale, t]);
}
