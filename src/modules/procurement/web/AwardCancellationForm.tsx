import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/components/Button.tsx";
import { ConfirmDialog } from "../../../ui/components/Dialog.tsx";
import { type FieldErrors, useFieldErrors } from "../../../ui/forms/field-errors.ts";
import { TextField } from "../../../ui/forms/TextField.tsx";
import type { EvaluationSetup } from "../contract-evaluation.ts";
import { EvaluationProblem } from "./EvaluationProblem.tsx";
import { useCancelAward } from "./evaluation-queries.ts";

/**
 * The chair cancels the award while the standstill runs: a reason (published with the notice),
 * then a confirmation step. The server decides whether it may (`abilities.cancelAward`).
 */
export function AwardCancellationForm({ setup }: { setup: EvaluationSetup }) {
  const { t } = useTranslation("procurement");
  const [reason, setReason] = useState("");
  const [own, setOwn] = useState<FieldErrors>({});
  const [asking, setAsking] = useState(false);
  const cancel = useCancelAward(setup.challengeId);
  const fieldError = useFieldErrors(own, cancel.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const length = reason.trim().length;
    if (length < 10 || length > 2000) {
      setOwn({ "body.reason": t("evaluation.cancelAward.reasonInvalid") });
      return;
    }
    setOwn({});
    cancel.reset();
    setAsking(true);
  };
  return (
    <form className="stack card card__body" onSubmit={submit} noValidate>
      <h4>{t("evaluation.cancelAward.heading")}</h4>
      <p className="small">{t("evaluation.cancelAward.lead")}</p>
      {cancel.isError && !asking && <EvaluationProblem error={cancel.error} />}
      <TextField
        label={t("evaluation.cancelAward.reason")}
        hint={t("evaluation.cancelAward.reasonHint")}
        rows={4}
        value={reason}
        onChange={setReason}
        error={fieldError("body.reason")}
      />
      <div>
        <Button type="submit" variant="danger">
          {t("evaluation.cancelAward.open")}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        tone="danger"
        title={t("evaluation.cancelAward.title")}
        confirmLabel={t("evaluation.cancelAward.confirm")}
        busy={cancel.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          cancel.mutate(
            { reason },
            {
              onSuccess: () => setAsking(false),
            },
          )
        }
      >
        <p>{t("evaluation.cancelAward.confirmLead")}</p>
        {cancel.isError && <EvaluationProblem error={cancel.error} />}
      </ConfirmDialog>
    </form>
  );
}
