import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The viewer's own zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An event's times as people need them: in the zone where it happens ("10:00 CEST") and, when
 * the viewer is elsewhere, in theirs too.
 */
export function useEventTime() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? "en";
  return useMemo(() => {
    const format = (iso: string, zone: string, withDate = true) =>
      new Intl.DateTimeFormat(locale, {
        ...(withDate ? { dateStyle: "full" as const } : {}),
        timeStyle: "short",
        timeZone: zone,
      }).format(new Date(iso));
    const zoneName = (iso: string, zone: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
        .formatToParts(new Date(iso))
        .find((part) => part.type === "timeZoneName")?.value ?? zone;
    return {
      /** "Wednesday 10 June 2026, 10:00 – 16:00 CEST" in the event's zone. */
      range: (startsAt: string, endsAt: string, zone: string) => {
        const sameDay =
          new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(startsAt)) ===
          new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(endsAt));
        return `${format(startsAt, zone)} – ${format(endsAt, zone, !sameDay)} ${zoneName(endsAt, zone)}`;
      },
      time: (iso: string, zone: string) => format(iso, zone, false),
      differs: (iso: string, zone: string) => zoneName(iso, zone) !== zoneName(iso, viewerZone()),
      viewerZone,
    };
  }, [locale]);
}
