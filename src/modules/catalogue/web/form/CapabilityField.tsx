import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { flattenCapabilities } from "../capability-tree.ts";
import { useTaxonomy } from "../catalogue-queries.ts";
import { TaxonomyPicker } from "./TaxonomyPicker.tsx";

/**
 * The taxonomy picker with the taxonomy loaded: what other modules' forms (a challenge's
 * required capabilities, a consortium member's contribution) use to choose capability codes.
 */
export function CapabilityField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  max?: number;
}) {
  const { t } = useTranslation("catalogue");
  const taxonomy = useTaxonomy();
  const entries = useMemo(
    () => flattenCapabilities(taxonomy.data?.capabilities ?? []),
    [taxonomy.data],
  );
  return (
    <TaxonomyPicker
      {...props}
      hint={taxonomy.isError ? t("picker.failed") : (props.hint ?? t("picker.hint"))}
      entries={entries}
    />
  );
}

/** Codes as labels in the reading language ("Stormwater and cloudburst management"). */
export function useCapabilityLabels(): (code: string) => string {
  const taxonomy = useTaxonomy();
  const labels = useMemo(
    () =>
      new Map(
        flattenCapabilities(taxonomy.data?.capabilities ?? []).map((entry) => [
          entry.code,
          entry.label,
        ]),
      ),
    [taxonomy.data],
  );
  return (code) => labels.get(code) ?? code;
}
