import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../ui/components/Alert.tsx";
import { Button } from "../../../../ui/components/Button.tsx";
import { FormProblems } from "../../../../ui/forms/FormProblems.tsx";
import {
  type FieldErrors,
  useFieldErrors,
  useFieldIds,
} from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";
import type { Challenge, ExtendTimelineBody } from "../../contract.ts";
import { challengeCalls, useChallengeAction } from "../challenge-queries.ts";
import { fromLocalInput, toLocalInput, useDeadlineFormat } from "../deadlines.ts";

const fields = ["questionDeadline", "proposalDeadline", "awardDate"] as const;

/** After publication deadlines only move later; followers are told why. */
export function ExtendTimelineForm({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation("challenges");
  const deadline = useDeadlineFormat();
  const ids = useFieldIds([...fields, "reason"]);
  const initial = Object.fromEntries(
    fields.map((field) => [field, toLocalInput(challenge.timeline[field])]),
  ) as Record<(typeof fields)[number], string>;
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState("");
  const [client, setClient] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const extend = useChallengeAction((body: ExtendTimelineBody) =>
    challengeCalls.extendTimeline(challenge.id, body),
  );
  const fieldError = useFieldErrors(client, extend.error);

  const submit = () => {
    const body: ExtendTimelineBody = { reason: reason.trim() };
    for (const field of fields) {
      if (values[field] !== initial[field]) {
        const iso = fromLocalInput(values[field]);
        if (iso) body[field] = iso;
      }
    }
    const errors: FieldErrors = {
      ...(reason.trim().length < 5 ? { reason: t("timeline.checks.reason") } : {}),
    };
    setClient(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length === 0) extend.mutate(body);
  };

  return (
    <details className="disclosure">
      <summary>{t("timeline.title")}</summary>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="small muted">{t("timeline.lead", { zone: deadline.zone })}</p>
        <FormProblems
          client={client}
          error={extend.error}
          fieldIds={ids}
          labels={{
            questionDeadline: t("fields.questionDeadline"),
            proposalDeadline: t("fields.proposalDeadline"),
            awardDate: t("fields.awardDate"),
            reason: t("timeline.reason"),
          }}
          namespace="challenges"
          attempt={attempt}
        />
        {extend.isSuccess && <Alert tone="success" title={t("timeline.done")} />}
        {fields.map((field) => (
          <TextField
            key={field}
            id={ids[field]}
            type="datetime-local"
            label={t(`fields.${field}`)}
            width="medium"
            value={values[field]}
            min={initial[field] || undefined}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            error={fieldError(field)}
          />
        ))}
        <TextField
          id={ids.reason}
          label={t("timeline.reason")}
          hint={t("timeline.reasonHint")}
          rows={3}
          value={reason}
          onChange={setReason}
          error={fieldError("reason")}
          maxLength={1000}
        />
        <Button type="submit" busy={extend.isPending}>
          {t("timeline.submit")}
        </Button>
      </form>
    </details>
  );
}
