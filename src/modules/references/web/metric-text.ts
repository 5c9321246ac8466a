import { useTranslation } from "react-i18next";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { Metric } from "../contract.ts";

/** "350,000 m³/yr of water saved", "240 claims/yr — basement flooding claims avoided". */
export function useMetricText() {
  const { t } = useTranslation("references");
  const format = useFormatting();
  return (metric: Pick<Metric, "kind" | "label" | "value" | "unit">) =>
    metric.kind === "custom"
      ? t("metrics.customText", {
          value: format.number(metric.value),
          unit: metric.unit,
          label: metric.label,
        })
      : t(`metrics.text.${metric.kind}`, { value: format.number(metric.value) });
}
