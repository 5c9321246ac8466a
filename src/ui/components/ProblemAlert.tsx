import { useTranslation } from "react-i18next";
import { useProblemText } from "../forms/problem-text.ts";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";

interface ProblemAlertProps {
  error: unknown;
  namespace?: string;
  /** Offer to try again (a failed load). */
  onRetry?: () => void;
  title?: string;
}

/** A failed call explained in the reader's language, with a retry when that may help. */
export function ProblemAlert({ error, namespace, onRetry, title }: ProblemAlertProps) {
  const { t } = useTranslation("ui");
  const problemText = useProblemText(namespace);
  return (
    <Alert tone="error" title={title ?? problemText(error)}>
      {title && <p>{problemText(error)}</p>}
      {onRetry && (
        <Button variant="secondary" small onClick={onRetry}>
          {t("retry")}
        </Button>
      )}
    </Alert>
  );
}
