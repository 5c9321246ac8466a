import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import type { Sector } from "../../challenges/contract.ts";
import { ReferenceCard } from "./ReferenceCard.tsx";
import { ReferenceForm } from "./ReferenceForm.tsx";
import { useSolutionReferences } from "./references-queries.ts";
import "./references.css";

/** On a solution's page: its references (verified ones badged), and adding one for its provider. */
export function SolutionReferencesSection({
  solutionId,
  sectors,
}: {
  solutionId: string;
  sectors: Sector[];
}) {
  const { t } = useTranslation("references");
  const references = useSolutionReferences(solutionId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="solution-deployments" className="stack">
      <h2 id="solution-deployments">{t("section.title")}</h2>
      <QueryState query={references} namespace="references">
        {(data) => (
          <>
            {data.references.length === 0 ? (
              <p className="muted">{t("section.none")}</p>
            ) : (
              <div className="stack">
                {data.references.map((reference) => (
                  <ReferenceCard key={reference.id} reference={reference} />
                ))}
              </div>
            )}
            {data.canAdd &&
              (adding ? (
                <section aria-labelledby="add-reference" className="card">
                  <div className="card__header">
                    <h3 className="card__title" id="add-reference">
                      {t("form.title")}
                    </h3>
                  </div>
                  <div className="card__body">
                    <ReferenceForm
                      solutionId={solutionId}
                      sectors={sectors}
                      onDone={() => setAdding(false)}
                    />
                  </div>
                </section>
              ) : (
                <div>
                  <Button variant="secondary" onClick={() => setAdding(true)}>
                    {t("section.add")}
                  </Button>
                </div>
              ))}
          </>
        )}
      </QueryState>
    </section>
  );
}
