import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../../ui/components/Dialog.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Challenge, Idea } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";

type Action = "reports" | "hide" | "unhide";

interface ModerationControlsProps {
  challenge: Challenge;
  ideaId: string;
  commentId?: string;
  /** What is moderated, for the buttons' names ("the idea “Shade sails”"). */
  subject: string;
  moderation: Idea["moderation"];
  mine: boolean;
}

/** Report (anyone taking part) and hide or unhide with a reason (moderators), audited. */
export function ModerationControls({
  challenge,
  ideaId,
  commentId,
  subject,
  moderation,
  mine,
}: ModerationControlsProps) {
  const { t } = useTranslation("challenges");
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const act = useChallengeAction((variables: { action: Action; reason?: string }) =>
    challengeCalls.moderate(
      challenge.id,
      { ideaId, commentId },
      variables.action,
      variables.reason,
    ),
  );
  const canReport = challenge.abilities.contribute && !mine && !moderation;
  const { moderate } = challenge.abilities;
  if (!canReport && !moderate) return null;
  const close = () => {
    setAction(null);
    setReason("");
    setProblem(undefined);
  };
  const confirm = () => {
    if (!action) return;
    if (action !== "unhide" && reason.trim().length < 3)
      return setProblem(t("moderation.checks.reason"));
    act.mutate(
      { action, ...(action === "unhide" ? {} : { reason: reason.trim() }) },
      { onSuccess: close },
    );
  };
  return (
    <>
      <div className="cluster">
        {canReport && (
          <Button
            variant="quiet"
            small
            onClick={() => setAction("reports")}
            aria-label={t("moderation.reportNamed", { subject })}
          >
            {t("moderation.report")}
          </Button>
        )}
        {moderate && (
          <Button
            variant="quiet"
            small
            onClick={() => setAction(moderation ? "unhide" : "hide")}
            aria-label={t(moderation ? "moderation.unhideNamed" : "moderation.hideNamed", {
              subject,
            })}
          >
            {t(moderation ? "moderation.unhide" : "moderation.hide")}
          </Button>
        )}
      </div>
      {act.isSuccess && (
        <Alert tone="success" title={t(`moderation.done.${act.variables.action}`)} />
      )}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`moderation.titles.${action}`, { subject }) : ""}
        confirmLabel={action ? t(`moderation.confirm.${action}`) : ""}
        tone={action === "hide" ? "danger" : "primary"}
        busy={act.isPending}
        onConfirm={confirm}
        onClose={close}
      >
        {action && action !== "unhide" && (
          <TextField
            label={t(action === "hide" ? "moderation.hideReason" : "moderation.reportReason")}
            rows={3}
            value={reason}
            onChange={setReason}
            error={problem}
            maxLength={1000}
          />
        )}
        {action === "unhide" && <p>{t("moderation.unhideBody")}</p>}
        {act.isError && <ProblemAlert error={act.error} namespace="challenges" />}
      </ConfirmDialog>
    </>
  );
}
