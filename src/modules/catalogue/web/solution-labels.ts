import { useTranslation } from "react-i18next";
import type { CapabilityRef } from "../contract.ts";

/** A capability's label in the reading language, else English, else its code. */
export function useCapabilityLabel() {
  const { i18n } = useTranslation();
  const locale = (i18n.language || "en").slice(0, 2);
  return (capability: CapabilityRef) =>
    capability.labels[locale] ?? capability.labels.en ?? capability.code;
}
