import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { AdvisorText } from "../contract-advisor.ts";

/** Digits after the decimal point of a currency (JPY 0, EUR 2), from Intl itself. */
export function minorDigitsOf(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** "216 000" or "216,000.50" typed in major units → minor units; null when not a number. */
export function toMinor(major: string, currency: string): number | null {
  const text = major.replace(/[\s_',]/g, "");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 10 ** minorDigitsOf(currency));
}

export const toMajor = (minor: number, currency: string) =>
  String(minor / 10 ** minorDigitsOf(currency));

/**
 * An advisor text in the reader's language: its key under `advisor.reasons` or
 * `advisor.warnings`, and its parameters — amounts (`…Minor`, with `currency`) formatted as
 * money, so "euThresholdMinor" reads as "€216,000" under the name "euThreshold".
 */
export function useAdvisorText() {
  const { t, i18n } = useTranslation("procurement");
  return useCallback(
    (group: "reasons" | "warnings", text: AdvisorText) => {
      const params: Record<string, string | number> = {};
      const currency = typeof text.params.currency === "string" ? text.params.currency : "EUR";
      for (const [name, value] of Object.entries(text.params)) {
        if (name.endsWith("Minor") && typeof value === "number") {
          params[name.slice(0, -"Minor".length)] = new Intl.NumberFormat(i18n.language || "en", {
            style: "currency",
            currency,
            maximumFractionDigits: 0,
          }).format(value / 10 ** minorDigitsOf(currency));
        } else params[name] = value;
      }
      return t(`advisor.${group}.${text.key}`, params);
    },
    [t, i18n.language],
  );
}
