import { useTranslation } from "react-i18next";
import { isApiError } from "../api/api-error.ts";
import { ErrorSummary, type SummaryItem } from "./ErrorSummary.tsx";
import type { FieldErrors } from "./field-errors.ts";
import { useProblemText } from "./problem-text.ts";

interface FormProblemsProps {
  /** Our own checks, by field name. */
  client: FieldErrors;
  /** What the last submit failed with, if it did. */
  error: unknown;
  /** Field name → control id, for the links. */
  fieldIds: Record<string, string>;
  /** Field name → its label, so server messages say which field they are about. */
  labels: Record<string, string>;
  namespace?: string;
  /** What to say for some problem codes on this form rather than the module's usual text. */
  messages?: Partial<Record<string, string>>;
  attempt: number;
}

/** Everything wrong with a form after a submit, in one summary at its top. */
export function FormProblems({
  client,
  error,
  fieldIds,
  labels,
  namespace,
  messages,
  attempt,
}: FormProblemsProps) {
  const { t } = useTranslation("ui");
  const problemText = useProblemText(namespace, messages);
  const items: SummaryItem[] = Object.entries(client)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([field, message]) => ({ targetId: fieldIds[field], message }));

  if (items.length === 0 && error) {
    if (isApiError(error) && error.fieldProblems.length > 0) {
      for (const problem of error.fieldProblems) {
        const name = problem.field.split(".").slice(1).join(".");
        items.push({
          targetId: fieldIds[name],
          message: t("form.serverFieldNamed", {
            field: labels[name] ?? problem.field,
            message: problem.message,
          }),
        });
      }
      return <ErrorSummary items={items} title={problemText(error)} focusKey={attempt} />;
    }
    return <ErrorSummary items={[{ message: problemText(error) }]} focusKey={attempt} />;
  }
  return <ErrorSummary items={items} focusKey={attempt} />;
}
