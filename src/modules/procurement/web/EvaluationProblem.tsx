import { Alert } from "../../../ui/components/Alert.tsx";
import { useProblemText } from "../../../ui/forms/problem-text.ts";
import { useEvaluationMessages } from "./evaluation-queries.ts";

/** A refused evaluation step, explained in the reader's language (the reason the server gave). */
export function EvaluationProblem({ error }: { error: unknown }) {
  const text = useProblemText("procurement", useEvaluationMessages());
  const detail = (error as { detail?: string } | null)?.detail;
  return (
    <Alert tone="error" title={text(error)}>
      {detail && <p>{detail}</p>}
    </Alert>
  );
}
