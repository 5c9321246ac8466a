import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ChallengeSummary } from "../contract.ts";

/** "Copenhagen, Denmark": the city with its country named in the reader's language. */
export function usePlaceOf() {
  const { i18n } = useTranslation();
  const locale = i18n.language || "en";
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      names = null;
    }
    return (city: ChallengeSummary["city"]) =>
      `${city.name}, ${names?.of(city.country) ?? city.country}`;
  }, [locale]);
}
