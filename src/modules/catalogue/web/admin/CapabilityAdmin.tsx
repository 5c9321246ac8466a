import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../../../ui/components/Card.tsx";
import { QueryState } from "../../../../ui/components/QueryState.tsx";
import { flattenCapabilities, pathOf } from "../capability-tree.ts";
import { useTaxonomy } from "../catalogue-queries.ts";
import { AddCapabilityForm } from "./AddCapabilityForm.tsx";
import { AddSynonymsForm } from "./AddSynonymsForm.tsx";

/** Admin → Capabilities: extend the taxonomy with codes and synonyms. */
export function CapabilityAdmin() {
  const { t } = useTranslation("catalogue");
  const taxonomy = useTaxonomy();
  const options = useMemo(
    () =>
      flattenCapabilities(taxonomy.data?.capabilities ?? []).map((entry) => ({
        value: entry.code,
        label: pathOf(entry),
      })),
    [taxonomy.data],
  );
  return (
    <Card title={t("admin.title")}>
      <p className="small muted">{t("admin.lead")}</p>
      <QueryState query={taxonomy} namespace="catalogue">
        {() => (
          <div className="split">
            <section aria-labelledby="capability-add">
              <h3 id="capability-add">{t("admin.addTitle")}</h3>
              <AddCapabilityForm parents={options} />
            </section>
            <section aria-labelledby="capability-synonyms">
              <h3 id="capability-synonyms">{t("admin.synonymsTitle")}</h3>
              <AddSynonymsForm capabilities={options} />
            </section>
          </div>
        )}
      </QueryState>
    </Card>
  );
}
