import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Budget } from "../contract.ts";

/** Digits after the decimal point of a currency (JPY 0, EUR 2, KWD 3), from Intl itself. */
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

/** "1 500 000,50" typed in major units → 150000050 minor units; null when not a number. */
export function toMinorUnits(major: string, currency: string): number | null {
  const text = major.replace(/[\s_']/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 10 ** minorDigitsOf(currency));
}

export function toMajorUnits(minor: number, currency: string): string {
  return String(minor / 10 ** minorDigitsOf(currency));
}

/** Budgets in the reader's language: "€1.5M–€2M" style ranges from minor units. */
export function useBudgetFormat() {
  const { t, i18n } = useTranslation("challenges");
  const locale = i18n.language || "en";
  return useMemo(() => {
    const amount = (minor: number, currency: string) => {
      const digits = minorDigitsOf(currency);
      try {
        return new Intl.NumberFormat(locale, {
          style: "currency",
          currency,
          maximumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits,
        }).format(minor / 10 ** digits);
      } catch {
        return `${minor / 10 ** digits} ${currency}`;
      }
    };
    return (budget: Budget | null): string =>
      !budget
        ? t("budget.none")
        : budget.minMinor === budget.maxMinor
          ? amount(budget.maxMinor, budget.currency)
          : t("budget.range", {
              min: amount(budget.minMinor, budget.currency),
              max: amount(budget.maxMinor, budget.currency),
            });
  }, [locale, t]);
}
