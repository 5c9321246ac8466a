import "./advisor.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../ui/components/Alert.tsx";
import { Button, ButtonLink } from "../../../ui/components/Button.tsx";
import { QueryState } from "../../../ui/components/QueryState.tsx";
import { Checkbox } from "../../../ui/forms/Checkbox.tsx";
import { FormProblems } from "../../../ui/forms/FormProblems.tsx";
import { type FieldErrors, useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { TextField } from "../../../ui/forms/TextField.tsx";
import { useFormatting } from "../../../ui/i18n/formatting.ts";
import type { ProcurementPlan } from "../contract-advisor.ts";
import { useAdmitBidders, useProcurementPlan, useSavePlan } from "./plan-queries.ts";

/**
 * A challenge's procurement plan: the model's phases as a timeline (public once the challenge
 * is), the bidders admitted to each pre-commercial phase; for the owning city, the way to the
 * route advisor while the challenge is a draft, the phases' dates to edit, and the admission
 * form once bidders can be admitted. The server decides who sees and does what.
 */
export function ProcurementPlanPanel({
  challengeId,
  editable,
}: {
  challengeId: string;
  /** Whether the reader may edit the draft (its city's members). */
  editable: boolean;
}) {
  const { t } = useTranslation("procurement");
  const headingId = useId();
  const plan = useProcurementPlan(challengeId);
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t("advisor.plan.heading")}</h2>
      <QueryState query={plan} namespace="procurement" loadingLabel={t("advisor.loading")}>
        {(data) =>
          data ? (
            <PlanView plan={data} />
          ) : (
            <>
              <p>{t("advisor.plan.none")}</p>
              {editable && (
                <p>
                  <ButtonLink to={`/challenges/${challengeId}/advisor`}>
                    {t("advisor.plan.openAdvisor")}
                  </ButtonLink>
                </p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function PlanView({ plan }: { plan: ProcurementPlan }) {
  const { t } = useTranslation("procurement");
  const format = useFormatting();
  const deviation = plan.advisor?.deviationReason;
  return (
    <>
      <p>
        <strong>
          {t("advisor.plan.model", { model: t(`advisor.models.${plan.model}.name`) })}
        </strong>
      </p>
      <p>{t(`advisor.models.${plan.model}.summary`)}</p>
      {plan.advisor && (
        <p className="small muted">
          {plan.advisor.advice.recommended === plan.model
            ? t("advisor.plan.followsAdvice")
            : t("advisor.plan.deviates", {
                model: t(`advisor.models.${plan.advisor.advice.recommended}.name`),
                reason: deviation ?? "",
              })}
        </p>
      )}
      {!plan.inSync && plan.abilities.edit && (
        <Alert tone="warning" title={t("advisor.plan.outOfSync")} />
      )}
      <dl className="small">
        {(["questionDeadline", "proposalDeadline", "awardDate"] as const).map((name) =>
          plan.timeline[name] ? (
            <div key={name}>
              <dt>{t(`advisor.plan.${name}`)}</dt>
              <dd>{format.dateTime(plan.timeline[name]!)}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <h3>{t("advisor.plan.phases")}</h3>
      <ol className="plan-timeline" aria-label={t("advisor.plan.phases")}>
        {plan.phases.map((phase) => (
          <li key={phase.number}>
            <h4>
              {t("advisor.plan.phaseTitle", {
                number: phase.number,
                name: t(`advisor.phases.${phase.key}`),
              })}
            </h4>
            <p>
              {t("advisor.plan.dates", {
                start: format.date(phase.startsAt),
                end: format.date(phase.endsAt),
              })}
            </p>
            {phase.maxBidders !== null && (
              <p className="small">{t("advisor.plan.maxBidders", { count: phase.maxBidders })}</p>
            )}
            {phase.admission && (
              <div className="small">
                <p>
                  {t("advisor.plan.admitted", { date: format.date(phase.admission.decidedAt) })}
                </p>
                <ul>
                  {phase.admission.bidders.map((bidder) => (
                    <li key={`${bidder.kind}:${bidder.id}`}>{bidder.name}</li>
                  ))}
                </ul>
                <p className="muted">
                  {t("advisor.plan.admissionReason", { reason: phase.admission.reason })}
                </p>
              </div>
            )}
          </li>
        ))}
      </ol>
      {plan.abilities.edit && (
        <>
          <ScheduleForm plan={plan} />
          <p>
            <ButtonLink variant="secondary" to={`/challenges/${plan.challengeId}/advisor`}>
              {t("advisor.plan.rerunAdvisor")}
            </ButtonLink>
          </p>
        </>
      )}
      {plan.abilities.admit && plan.admissionCandidates && <AdmissionForm plan={plan} />}
    </>
  );
}

const dayOf = (iso: string) => iso.slice(0, 10);
const isoOfDay = (day: string) => `${day}T00:00:00.000Z`;

/** The phases' dates (whole days, UTC) and PCP maxima, saved with the plan's answers. */
function ScheduleForm({ plan }: { plan: ProcurementPlan }) {
  const { t } = useTranslation("procurement");
  const base = useId();
  const save = useSavePlan(plan.challengeId);
  const [rows, setRows] = useState(() =>
    plan.phases.map((phase) => ({
      startsAt: dayOf(phase.startsAt),
      endsAt: dayOf(phase.endsAt),
      maxBidders: phase.maxBidders === null ? "" : String(phase.maxBidders),
    })),
  );
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, save.error);
  const ids: Record<string, string> = {};
  const labels: Record<string, string> = {};
  plan.phases.forEach((phase, index) => {
    const name = t(`advisor.phases.${phase.key}`);
    for (const field of ["startsAt", "endsAt", "maxBidders"]) {
      ids[`phases.${index}.${field}`] = `${base}-${index}-${field}`;
      labels[`phases.${index}.${field}`] = `${name}, ${t(`advisor.schedule.${field}`)}`;
    }
  });
  if (!plan.advisor) return null;
  const { answers, deviationReason } = plan.advisor;
  const { questionDeadline, proposalDeadline, awardDate } = plan.timeline;
  return (
    <form
      className="form plan-schedule"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors: FieldErrors = {};
        rows.forEach((row, index) => {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(row.startsAt))
            errors[`phases.${index}.startsAt`] = t("advisor.checks.date");
          if (!/^\d{4}-\d{2}-\d{2}$/.test(row.endsAt))
            errors[`phases.${index}.endsAt`] = t("advisor.checks.date");
        });
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        save.mutate({
          answers,
          chosenModel: plan.model,
          deviationReason,
          ...(questionDeadline && proposalDeadline && awardDate
            ? { timeline: { questionDeadline, proposalDeadline, awardDate } }
            : {}),
          phases: rows.map((row) => ({
            startsAt: isoOfDay(row.startsAt),
            endsAt: isoOfDay(row.endsAt),
            maxBidders: row.maxBidders === "" ? null : Number(row.maxBidders),
          })),
        });
      }}
    >
      <h3>{t("advisor.schedule.heading")}</h3>
      <p className="small">{t("advisor.schedule.lead")}</p>
      <FormProblems
        client={client}
        error={save.error}
        fieldIds={ids}
        labels={labels}
        namespace="procurement"
        attempt={attempt}
      />
      {save.isSuccess && <Alert tone="success" title={t("advisor.schedule.saved")} />}
      {plan.phases.map((phase, index) => (
        <fieldset key={phase.number} className="fieldset">
          <legend>{t(`advisor.phases.${phase.key}`)}</legend>
          <div className="plan-schedule__row">
            {(["startsAt", "endsAt"] as const).map((field) => (
              <TextField
                key={field}
                id={ids[`phases.${index}.${field}`]}
                type="date"
                label={t(`advisor.schedule.${field}`)}
                value={rows[index]![field]}
                onChange={(value) =>
                  setRows((current) =>
                    current.map((row, i) => (i === index ? { ...row, [field]: value } : row)),
                  )
                }
                width="medium"
                error={fieldError(`phases.${index}.${field}`)}
              />
            ))}
            {phase.maxBidders !== null && (
              <TextField
                id={ids[`phases.${index}.maxBidders`]}
                type="number"
                min={1}
                max={50}
                label={t("advisor.schedule.maxBidders")}
                value={rows[index]!.maxBidders}
                onChange={(value) =>
                  setRows((current) =>
                    current.map((row, i) => (i === index ? { ...row, maxBidders: value } : row)),
                  )
                }
                width="short"
                error={fieldError(`phases.${index}.maxBidders`)}
              />
            )}
          </div>
        </fieldset>
      ))}
      <div className="form__actions">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t("advisor.schedule.save")}
        </Button>
      </div>
    </form>
  );
}

/** The city admits bidders to the next pre-commercial phase: at most its maximum, with a reason. */
function AdmissionForm({ plan }: { plan: ProcurementPlan }) {
  const { t } = useTranslation("procurement");
  const base = useId();
  const candidates = plan.admissionCandidates!;
  const phase = plan.phases[candidates.phase - 1]!;
  const admit = useAdmitBidders(plan.challengeId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldError = useFieldErrors(client, admit.error);
  const ids = { bidders: `${base}-bidders`, reason: `${base}-reason` };
  const keyOf = (bidder: { kind: string; id: string }) => `${bidder.kind}:${bidder.id}`;
  return (
    <form
      className="form stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const errors: FieldErrors = {};
        if (chosen.size === 0) errors.bidders = t("advisor.checks.admitSome");
        else if (phase.maxBidders !== null && chosen.size > phase.maxBidders)
          errors.bidders = t("advisor.checks.admitAtMost", { count: phase.maxBidders });
        if (reason.trim().length < 10) errors.reason = t("advisor.checks.reason");
        setClient(errors);
        setAttempt((n) => n + 1);
        if (Object.keys(errors).length > 0) return;
        admit.mutate({
          phase: candidates.phase,
          body: {
            bidders: candidates.bidders
              .filter((bidder) => chosen.has(keyOf(bidder)))
              .map(({ kind, id }) => ({ kind, id })),
            reason: reason.trim(),
          },
        });
      }}
    >
      <h3>
        {t("advisor.admission.heading", {
          number: phase.number,
          name: t(`advisor.phases.${phase.key}`),
        })}
      </h3>
      <p className="small">
        {t("advisor.admission.lead", { count: phase.maxBidders ?? candidates.bidders.length })}
      </p>
      <FormProblems
        client={client}
        error={admit.error}
        fieldIds={ids}
        labels={{ bidders: t("advisor.admission.bidders"), reason: t("advisor.admission.reason") }}
        namespace="procurement"
        attempt={attempt}
      />
      <fieldset className="fieldset" id={ids.bidders} tabIndex={-1}>
        <legend>{t("advisor.admission.bidders")}</legend>
        {fieldError("bidders") && <p className="field__error">{fieldError("bidders")}</p>}
        {candidates.bidders.length === 0 && <p>{t("advisor.admission.none")}</p>}
        {candidates.bidders.map((bidder) => (
          <Checkbox
            key={keyOf(bidder)}
            label={bidder.name}
            checked={chosen.has(keyOf(bidder))}
            onChange={(checked) =>
              setChosen((current) => {
                const next = new Set(current);
                if (checked) next.add(keyOf(bidder));
                else next.delete(keyOf(bidder));
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <TextField
        id={ids.reason}
        label={t("advisor.admission.reason")}
        hint={t("advisor.admission.reasonHint")}
        value={reason}
        onChange={setReason}
        rows={3}
        error={fieldError("reason")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={admit.isPending}>
          {t("advisor.admission.submit")}
        </Button>
      </div>
    </form>
  );
}
