import "./evaluation.css";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import type { EvaluationSetup } from "../contract-evaluation.ts";
import { AwardCancellationForm } from "./AwardCancellationForm.tsx";
import { ContactLog } from "./ContactLog.tsx";
import { EvaluationRanking } from "./EvaluationRanking.tsx";
import { EvaluationSetupForm } from "./EvaluationSetupForm.tsx";
import { EvaluationWorkList } from "./EvaluationWorkList.tsx";
import { useEvaluationSetup } from "./evaluation-queries.ts";

/**
 * The evaluation part of a challenge's Proposals tab: the criteria for everyone; the setup form
 * for the city before the deadline; the work list for panel members; ranking, lock and award for
 * the chair; the award notice's link once awarded. The server decides who may do what (the
 * setup's abilities); this only shows it.
 */
export function EvaluationArea({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation("procurement");
  const headingId = useId();
  const setup = useEvaluationSetup(challengeId);
  return (
    <section aria-labelledby={headingId} className="stack evaluation-area">
      <h3 id={headingId}>{t("evaluation.heading")}</h3>
      <QueryState query={setup} namespace="procurement" loadingLabel={t("evaluation.loading")}>
        {(data) => <AreaBody setup={data} />}
      </QueryState>
    </section>
  );
}

function AreaBody({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const awarded = setup.stage === "standstill" || setup.stage === "awarded";
  return (
    <>
      <p>{t(`evaluation.stage.${setup.stage}`)}</p>
      {setup.defined ? (
        <CriteriaSummary setup={setup} />
      ) : (
        <p className="small muted">{t("evaluation.notDefined")}</p>
      )}
      {setup.abilities.define && <EvaluationSetupForm setup={setup} />}
      {setup.seat !== null && setup.stage !== "before_deadline" && (
        <EvaluationWorkList setup={setup} />
      )}
      {setup.seat === "chair" && setup.stage !== "before_deadline" && (
        <EvaluationRanking setup={setup} />
      )}
      {setup.abilities.cancelAward && <AwardCancellationForm setup={setup} />}
      {setup.abilities.recordContacts && (
        <details className="disclosure">
          <summary>{t("evaluation.contacts.heading")}</summary>
          <ContactLog setup={setup} />
        </details>
      )}
      {awarded && (
        <p>
          <Link to={`/challenges/${setup.challengeId}/award`}>{t("evaluation.notice.link")}</Link>
        </p>
      )}
    </>
  );
}

/** The criteria and weights: public, bidders must know how they will be judged. */
function CriteriaSummary({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  return (
    <details className="disclosure" open={setup.seat !== null}>
      <summary>{t("evaluation.criteria.heading")}</summary>
      <ul className="evaluation-criteria">
        {setup.criteria.map((criterion) => (
          <li key={criterion.id}>
            <strong>{criterion.name}</strong> —{" "}
            {t("evaluation.criteria.weightOf", { weight: criterion.weight })} ·{" "}
            {t(`evaluation.criteria.kind.${criterion.kind}`)}
            {criterion.description && <div className="small muted">{criterion.description}</div>}
          </li>
        ))}
      </ul>
      <p className="small muted">
        {setup.blind ? t("evaluation.criteria.blindOn") : t("evaluation.criteria.blindOff")}{" "}
        {t("evaluation.criteria.standstill", { count: setup.standstillDays })}
      </p>
    </details>
  );
}
