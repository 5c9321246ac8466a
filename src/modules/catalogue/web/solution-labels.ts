import { useTranslation } from "react-i18next";
import type { CapabilityRef, Sector } from "../contract.ts";

/** A capability's label in the reading language, else English, else its code. */
export function useCapabilityLabel() {
  const { i18n } = useTranslation();
  const locale = (i18n.language || "en").slice(0, 2);
  return (capability: CapabilityRef) =>
    capability.labels[locale] ?? capability.labels.en ?? capability.code;
}

/**
 * A sector's name as the challenges pages give it, so both catalogues name the ten sectors
 * alike; this module's own names stand in if those texts are missing.
 */
export function useSectorLabel() {
  const { t } = useTranslation("catalogue");
  return (sector: Sector) => t([`challenges:sectors.${sector}`, `sectors.${sector}`]);
}
