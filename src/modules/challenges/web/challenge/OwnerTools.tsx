import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../../../ui/api/api-error.ts";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Challenge, ChallengeStatus } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";
import { AttachmentUpload } from "./AttachmentUpload.tsx";
import { ExtendTimelineForm } from "./ExtendTimelineForm.tsx";

/** For the owning city: the lifecycle steps allowed now, deadlines, attachments. */
export function OwnerTools({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const { abilities } = challenge;
  return (
    <section className="owner-tools card" aria-labelledby="owner-tools">
      <h2 id="owner-tools" className="card__title">
        {t("owner.title")}
      </h2>
      {challenge.status === "draft" && <p>{t("owner.draftNote")}</p>}
      {challenge.status === "draft" && !abilities.transitions.includes("published") && (
        <p>
          {t("owner.publishNeeds")}{" "}
          {abilities.edit && (
            <Link to={`/challenges/${challenge.id}/edit`}>{t("owner.complete")}</Link>
          )}
        </p>
      )}
      {abilities.transitions.length > 0 && <LifecycleSteps challenge={challenge} />}
      <div className="owner-tools__forms">
        {abilities.extendTimeline && challenge.status !== "draft" && (
          <ExtendTimelineForm challenge={challenge} />
        )}
        {(abilities.edit || abilities.extendTimeline) && <AttachmentUpload challenge={challenge} />}
      </div>
    </section>
  );
}

function LifecycleSteps({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const [step, setStep] = useState<ChallengeStatus | null>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const move = useChallengeAction((variables: { to: ChallengeStatus; reason?: string }) =>
    challengeCalls.transition(challenge.id, variables.to, variables.reason),
  );
  const close = () => {
    setStep(null);
    setReason("");
    setProblem(undefined);
  };
  const confirm = () => {
    if (!step) return;
    if (step === "cancelled" && reason.trim().length < 5)
      return setProblem(t("owner.checks.reason"));
    move.mutate(
      { to: step, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: close },
    );
  };
  return (
    <>
      {move.isSuccess && (
        <Alert
          tone="success"
          title={t("owner.moved", { status: t(`statuses.${move.data.status}`) })}
        />
      )}
      {move.isError && !step && <ProblemAlert error={move.error} namespace="challenges" />}
      <div className="button-row">
        {challenge.abilities.transitions.map((to) => (
          <Button
            key={to}
            variant={to === "cancelled" ? "danger" : to === "published" ? "primary" : "secondary"}
            onClick={() => {
              move.reset();
              setStep(to);
            }}
          >
            {t(`owner.steps.${to}`)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={step !== null}
        title={step ? t(`owner.confirmTitles.${step}`) : ""}
        confirmLabel={step ? t(`owner.steps.${step}`) : ""}
        tone={step === "cancelled" ? "danger" : "primary"}
        busy={move.isPending}
        onConfirm={confirm}
        onClose={close}
      >
        {step && <p>{t(`owner.confirmBodies.${step}`)}</p>}
        {step === "cancelled" && (
          <TextField
            label={t("owner.cancelReason")}
            hint={t("owner.cancelReasonHint")}
            rows={3}
            value={reason}
            onChange={setReason}
            error={problem}
            maxLength={1000}
          />
        )}
        {move.isError && <ProblemAlert error={move.error} namespace="challenges" />}
        <MissingForStep error={move.error} challengeId={challenge.id} />
      </ConfirmDialog>
    </>
  );
}

/** What a refused step names (a missing contact, a deadline in the past), field by field. */
function MissingForStep({ error, challengeId }: { error: unknown; challengeId: string }) {
  const { t } = useTranslation("challenges");
  if (!isApiError(error) || error.fieldProblems.length === 0) return null;
  return (
    <>
      <ul>
        {error.fieldProblems.map((problem) => {
          const name = problem.field.split(".").at(-1) ?? problem.field;
          return (
            <li key={problem.field}>
              {t(`fields.${name}`, { defaultValue: name })}: {problem.message}
            </li>
          );
        })}
      </ul>
      <p>
        <Link to={`/challenges/${challengeId}/edit`}>{t("owner.complete")}</Link>
      </p>
    </>
  );
}
