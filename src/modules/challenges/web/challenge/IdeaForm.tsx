import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../ui/components/Button.tsx";
import { ProblemAlert } from "../../../../ui/components/ProblemAlert.tsx";
import { collectErrors } from "../../../../ui/forms/checks.ts";
import type { FieldErrors } from "../../../../ui/forms/field-errors.ts";
import { TextField } from "../../../../ui/forms/TextField.tsx";

/** Title and body of an idea, for posting one or editing it within its window. */
export function IdeaForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: { title: string; body: string };
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: { title: string; body: string }) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("challenges");
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldErrors>({});
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = collectErrors({
          title: values.title.trim().length < 3 && t("ideas.checks.title"),
          body: values.body.trim().length < 10 && t("ideas.checks.body"),
        });
        setProblems(found);
        if (Object.keys(found).length === 0)
          onSubmit({ title: values.title.trim(), body: values.body.trim() });
      }}
    >
      <TextField
        label={t("ideas.ideaTitle")}
        value={values.title}
        onChange={(title) => setValues((v) => ({ ...v, title }))}
        error={problems.title}
        maxLength={160}
      />
      <TextField
        label={t("ideas.body")}
        rows={4}
        value={values.body}
        onChange={(body) => setValues((v) => ({ ...v, body }))}
        error={problems.body}
        maxLength={8000}
      />
      {error ? <ProblemAlert error={error} namespace="challenges" /> : null}
      <div className="cluster">
        <Button type="submit" small busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="quiet" small onClick={onCancel}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
